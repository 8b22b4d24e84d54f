/** The four severities, the same everywhere (ui.md): colour, icon and word together, never colour alone. */
import type { Finding } from '../rules/engine';
import { LEVEL_NAMES } from '../rules/levels';

export type Tone = 'error' | 'warning' | 'info' | 'review';

export const TONES: Record<Tone, { zh: string; en: string; icon: string; colour: string; tint: string }> = {
  error: { zh: LEVEL_NAMES.error[0], en: LEVEL_NAMES.error[1], icon: '✖', colour: '#b91c1c', tint: '#fef2f2' },
  warning: { zh: LEVEL_NAMES.warning[0], en: LEVEL_NAMES.warning[1], icon: '▲', colour: '#92400e', tint: '#fffbeb' },
  info: { zh: LEVEL_NAMES.info[0], en: LEVEL_NAMES.info[1], icon: 'ℹ', colour: '#1d4ed8', tint: '#eff6ff' },
  review: { zh: LEVEL_NAMES['needs-review'][0], en: LEVEL_NAMES['needs-review'][1], icon: '?', colour: '#4b5563', tint: '#f3f4f6' },
};

export function toneOf(f: Pick<Finding, 'kind' | 'severity'>): Tone {
  return f.kind === 'needs-review' ? 'review' : f.severity;
}
