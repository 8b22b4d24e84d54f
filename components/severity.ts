/** The four severities, the same everywhere (ui.md): colour, icon and word together, never colour alone. */
import type { Finding } from '../rules/engine';
import { LEVEL_LABELS } from '../rules/levels';

export type Tone = 'error' | 'warning' | 'info' | 'review';

export const TONES: Record<Tone, { zh: string; en: string; icon: string; colour: string; tint: string }> = {
  error: { zh: LEVEL_LABELS.error, en: 'Violation', icon: '✖', colour: '#b91c1c', tint: '#fef2f2' },
  warning: { zh: LEVEL_LABELS.warning, en: 'Warning', icon: '▲', colour: '#92400e', tint: '#fffbeb' },
  info: { zh: LEVEL_LABELS.info, en: 'Info', icon: 'ℹ', colour: '#1d4ed8', tint: '#eff6ff' },
  review: { zh: LEVEL_LABELS['needs-review'], en: 'Needs review', icon: '?', colour: '#4b5563', tint: '#f3f4f6' },
};

export function toneOf(f: Pick<Finding, 'kind' | 'severity'>): Tone {
  return f.kind === 'needs-review' ? 'review' : f.severity;
}
