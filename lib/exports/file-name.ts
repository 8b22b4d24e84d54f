/**
 * One name for every export (#20.4): 单位-报告-期间.扩展名, e.g. 滨江分局法制大队-执法问题周结-2026年第49周.xlsx.
 * The period loses its bracketed dates (the week number says them); characters that Windows does
 * not allow in file names become full-width or go.
 */
const WINDOWS = /[\\/:*?"<>|\u0000-\u001f]/g;

export function shortPeriod(period: string): string {
  return period.replace(/（[^（）]*）$/, '').trim();
}

export function exportFileName(parts: { unit: string | null | undefined; report: string; period: string }, ext: 'xlsx' | 'csv' | 'json' | 'pdf'): string {
  const clean = (s: string) => s.replace(WINDOWS, (c) => (c === ':' ? '：' : c === '/' || c === '\\' ? '／' : '')).replace(/\s+/g, ' ').trim();
  const name = [parts.unit, parts.report, shortPeriod(parts.period)].filter((s): s is string => !!s && !!s.trim()).map(clean).join('-');
  return `${name}.${ext}`;
}
