/** The level of a finding: the same word inline, in the panel, the log, the reports and every export (ui.md). */
export const LEVEL_LABELS = { error: '违规', warning: '提醒', info: '提示', 'needs-review': '待核实' } as const;
export const levelLabel = (r: { kind: string; severity: 'error' | 'warning' | 'info' }) => (r.kind === 'needs-review' ? LEVEL_LABELS['needs-review'] : LEVEL_LABELS[r.severity]);
