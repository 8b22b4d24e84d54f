/** CSV of the findings log (contracts.md §5): UTF-8 with BOM so Excel opens Chinese text correctly. */
import { formatWall, instantToWall } from '../../rules/periods/time';
import { DISMISS_LABELS, STATUS_LABELS, type FindingRow } from './rows';
import { csvField } from './spreadsheet-text';

export const beijingTime = (ms: number | null) => (ms === null ? '' : formatWall(instantToWall(ms)));

const SEVERITY = { error: '违规', warning: '提醒', info: '提示' } as const;

export const CSV_COLUMNS: [string, (r: FindingRow) => string | number][] = [
  ['编号', (r) => r.id],
  ['规则', (r) => r.ruleId],
  ['类别', (r) => r.category],
  ['级别', (r) => (r.kind === 'needs-review' ? '待核实' : SEVERITY[r.severity])],
  ['字段', (r) => r.fieldKey],
  ['案件编号', (r) => r.caseNumber],
  ['办案单位', (r) => r.unit ?? ''],
  ['办案民警', (r) => r.officers.join('、')],
  ['页面地址', (r) => r.pageUrl],
  ['首次发现', (r) => beijingTime(r.firstSeen)],
  ['最近发现', (r) => beijingTime(r.lastSeen)],
  ['状态', (r) => STATUS_LABELS[r.status]],
  ['审核人', (r) => r.reviewer ?? ''],
  ['主观方面', (r) => r.subjectiveLevel ?? ''],
  ['排除原因', (r) => (r.dismissReason ? DISMISS_LABELS[r.dismissReason] : '')],
  ['备注', (r) => r.note ?? ''],
  ['问题说明', (r) => r.message],
];

const cell = (v: string | number) => csvField(String(v));

export function findingsCsv(rows: FindingRow[]): string {
  const lines = [CSV_COLUMNS.map(([h]) => h).join(','), ...rows.map((r) => CSV_COLUMNS.map(([, f]) => cell(f(r))).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
