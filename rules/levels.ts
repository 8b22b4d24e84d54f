/** The level of a finding: the same word inline, in the panel, the log, the reports and every export (ui.md). */
import { zhTr, type Labels, type Tr } from '../lib/i18n/tr';

export type Level = 'error' | 'warning' | 'info' | 'needs-review';
export const LEVEL_NAMES: Labels<Level> = { error: ['违规', 'Violation'], warning: ['提醒', 'Warning'], info: ['提示', 'Info'], 'needs-review': ['待核实', 'Needs review'] };
export const LEVEL_LABELS = Object.fromEntries(Object.entries(LEVEL_NAMES).map(([k, v]) => [k, v[0]])) as Record<Level, string>;
export const levelOf = (r: { kind: string; severity: 'error' | 'warning' | 'info' }): Level => (r.kind === 'needs-review' ? 'needs-review' : r.severity);
export const levelLabel = (r: { kind: string; severity: 'error' | 'warning' | 'info' }, tr: Tr = zhTr) => tr(...LEVEL_NAMES[levelOf(r)]);
