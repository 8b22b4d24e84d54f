/**
 * The findings log as a chief reads it (#20.3, contracts.md §5): one row per finding with Chinese
 * column titles — rule title, category and field in Chinese, first and last seen, times seen,
 * status, subjective level, reviewer and review time, note — and the ids in trailing columns for
 * whoever needs them; the XLSX has each finding's review history on a second sheet.
 */
import { fieldLabel } from '../../rules/fields';
import { levelLabel } from '../../rules/levels';
import type { Pack } from '../../rules/pack';
import { rowLabel } from '../../rules/format';
import { beijingTime } from '../db/csv';
import { DISMISS_LABELS, EVENT_LABELS, STATUS_LABELS, type FindingRow } from '../db/rows';
import { csvTable } from './csv';
import { column as col, type Cell, type Column, type ReportDoc, type Section } from './table';

type Field = [Column, (r: FindingRow, pack: Pack) => Cell];

const ruleTitle = (pack: Pack, id: string) => pack.rules.find((r) => r.id === id)?.title['zh-CN'] ?? id;
const categoryLabel = (pack: Pack, id: string) => pack.categories[id]?.['zh-CN'] ?? id;

/** The log's columns, in the order a reader wants them; ids last. */
export const FINDING_COLUMNS: readonly Field[] = [
  // Printed: what a reviewer works through.
  [col('案件编号', 'text', 14), (r) => r.caseNumber],
  [col('问题', 'text', 18, true), (r, p) => ruleTitle(p, r.ruleId)],
  [col('字段', 'text', 12, true), (r) => `${fieldLabel(r.fieldKey)}${rowLabel(r.row, r.rows)}`],
  [col('级别', 'text', 6), (r) => levelLabel(r)],
  [col('状态', 'text', 8), (r) => STATUS_LABELS[r.status]],
  [col('办案单位', 'text', 16), (r) => r.unit ?? ''],
  [col('办案民警', 'text', 10), (r) => r.officers.join('、')],
  [col('首次发现', 'text', 17), (r) => beijingTime(r.firstSeen)],
  [col('问题说明', 'text', 36, true), (r) => r.message],
  [col('审核人', 'text', 8), (r) => r.reviewer ?? ''],
  [col('主观方面', 'text', 8), (r) => r.subjectiveLevel ?? ''],
  [col('备注', 'text', 16, true), (r) => r.note ?? ''],
  // In the sheet, not printed.
  [col('类别', 'text', 10), (r, p) => categoryLabel(p, r.category)],
  [col('最近发现', 'text', 17), (r) => beijingTime(r.lastSeen)],
  [col('发现次数', 'int', 8), (r) => r.timesSeen],
  [col('审核时间', 'text', 17), (r) => beijingTime(r.reviewedAt)],
  [col('排除原因', 'text', 10), (r) => (r.dismissReason ? DISMISS_LABELS[r.dismissReason] : '')],
  [col('文书（页面）', 'text', 24, true), (r) => r.document],
  [col('页面地址', 'text', 30, true), (r) => r.pageUrl],
  [col('编号', 'text', 12), (r) => r.id],
  [col('规则编号', 'text', 24), (r) => r.ruleId],
  [col('类别编号', 'text', 14), (r) => r.category],
  [col('字段编号', 'text', 24), (r) => r.fieldKey],
];
/** The columns printed from the XLSX (the rest are in the sheet). */
const PRINTED = FINDING_COLUMNS.findIndex(([c]) => c.header === '类别');

const HISTORY_COLUMNS: readonly Column[] = [
  col('案件编号', 'text', 14),
  col('问题', 'text', 26, true),
  col('时间', 'text', 17),
  col('事件', 'text', 10),
  col('审核人', 'text', 10),
  col('审核人单位', 'text', 18),
  col('主观方面', 'text', 10),
  col('排除原因', 'text', 10),
  col('备注', 'text', 30, true),
  col('编号', 'text', 12),
];

function findingsSection(rows: readonly FindingRow[], pack: Pack): Section {
  return { name: '问题', title: `问题清单：共 ${rows.length} 条`, columns: FINDING_COLUMNS.map(([c]) => c), rows: rows.map((r) => FINDING_COLUMNS.map(([, f]) => f(r, pack))), printColumns: PRINTED };
}

function historySection(rows: readonly FindingRow[], pack: Pack): Section {
  const out: Cell[][] = [];
  for (const r of rows)
    for (const e of r.history)
      out.push([r.caseNumber, ruleTitle(pack, r.ruleId), beijingTime(e.at), EVENT_LABELS[e.event], e.reviewer ?? '', e.reviewerUnit ?? '', e.subjectiveLevel ?? '', e.dismissReason ? DISMISS_LABELS[e.dismissReason] : '', e.note ?? '', r.id]);
  return { name: '审核记录', title: `审核记录：每个问题的发现、确认、排除、重新打开与整改，共 ${out.length} 条`, columns: [...HISTORY_COLUMNS], rows: out, printColumns: HISTORY_COLUMNS.length - 1 };
}

/** The log (or the part a filter selects) as a document: findings, then their histories. */
export function findingsDoc(rows: readonly FindingRow[], pack: Pack, unit: string | null, exportedAt: number): ReportDoc {
  return { title: '执法问题台账', period: beijingTime(exportedAt).slice(0, 10), unit, sections: [findingsSection(rows, pack), historySection(rows, pack)] };
}

/** The findings as one CSV table, its header the first line (UTF-8 with BOM). */
export function findingsCsv(rows: readonly FindingRow[], pack: Pack): string {
  const s = findingsSection(rows, pack);
  return `\ufeff${csvTable(s.columns, s.rows).join('\r\n')}\r\n`;
}
