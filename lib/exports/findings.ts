/**
 * The findings log as a chief reads it (#20.3, contracts.md §5): one row per finding with column
 * titles in the reader's language (Chinese by default) — rule title, category and field in Chinese, first and last seen, times seen,
 * status, subjective level, reviewer and review time, note — and the ids in trailing columns for
 * whoever needs them; the XLSX has each finding's review history on a second sheet.
 */
import { fieldLabel } from '../../rules/fields';
import { levelLabel } from '../../rules/levels';
import type { Pack } from '../../rules/pack';
import { rowLabel } from '../../rules/format';
import { beijingTime } from '../db/csv';
import { type FindingRow } from '../db/rows';
import { dismissLabel, EVENT_NAMES, statusLabel, subjectiveLabel } from '../db/review-vocabulary';
import { trFor, type Locale, type Tr } from '../i18n/tr';
import { csvTable } from './csv';
import { column as col, type Cell, type Column, type ReportDoc, type Section } from './table';

type Field = [Column, (r: FindingRow, pack: Pack, locale: Locale) => Cell];

const ruleTitle = (pack: Pack, id: string, locale: Locale) => pack.rules.find((r) => r.id === id)?.title[locale] ?? id;
const categoryLabel = (pack: Pack, id: string, locale: Locale) => pack.categories[id]?.[locale] ?? id;

/** The log's columns, in the order a reader wants them; ids last. Headers in the export's language; the record's values as recorded. */
export function findingColumns(locale: Locale = 'zh-CN'): readonly Field[] {
  const tr = trFor(locale);
  return [
    // Printed: what a reviewer works through.
    [col(tr('案件编号', 'Case number'), 'text', 14), (r) => r.caseNumber],
    [col(tr('问题', 'Problem'), 'text', 18, true), (r, p, l) => ruleTitle(p, r.ruleId, l)],
    [col(tr('字段', 'Field'), 'text', 12, true), (r) => `${fieldLabel(r.fieldKey)}${rowLabel(r.row, r.rows, tr)}`],
    [col(tr('级别', 'Level'), 'text', 6), (r) => levelLabel(r, tr)],
    [col(tr('状态', 'Status'), 'text', 8), (r) => statusLabel(r.status, tr)],
    [col(tr('办案单位', 'Unit'), 'text', 16), (r) => r.unit ?? ''],
    [col(tr('办案民警', 'Officers'), 'text', 10), (r) => r.officers.join('、')],
    [col(tr('首次发现', 'First seen'), 'text', 17), (r) => beijingTime(r.firstSeen)],
    [col(tr('问题说明', 'Message (as recorded)'), 'text', 36, true), (r) => r.message],
    [col(tr('审核人', 'Reviewer'), 'text', 8), (r) => r.reviewer ?? ''],
    [col(tr('主观方面', 'Culpability'), 'text', 8), (r) => (r.subjectiveLevel ? subjectiveLabel(r.subjectiveLevel, tr) : '')],
    [col(tr('备注', 'Note'), 'text', 16, true), (r) => r.note ?? ''],
    // In the sheet, not printed.
    [col(tr('类别', 'Category'), 'text', 10), (r, p, l) => categoryLabel(p, r.category, l)],
    [col(tr('最近发现', 'Last seen'), 'text', 17), (r) => beijingTime(r.lastSeen)],
    [col(tr('发现次数', 'Times seen'), 'int', 8), (r) => r.timesSeen],
    [col(tr('审核时间', 'Reviewed'), 'text', 17), (r) => beijingTime(r.reviewedAt)],
    [col(tr('排除原因', 'Dismissal reason'), 'text', 10), (r) => (r.dismissReason ? dismissLabel(r.dismissReason, tr) : '')],
    [col(tr('文书（页面）', 'Document (page)'), 'text', 24, true), (r) => r.document],
    [col(tr('页面地址', 'Page address'), 'text', 30, true), (r) => r.pageUrl],
    [col(tr('编号', 'Id'), 'text', 12), (r) => r.id],
    [col(tr('规则编号', 'Rule id'), 'text', 24), (r) => r.ruleId],
    [col(tr('类别编号', 'Category id'), 'text', 14), (r) => r.category],
    [col(tr('字段编号', 'Field key'), 'text', 24), (r) => r.fieldKey],
  ];
}
/** The columns printed from the XLSX (the rest are in the sheet): up to 备注. */
const PRINTED = findingColumns().findIndex(([c]) => c.header === '类别');

const historyColumns = (tr: Tr): readonly Column[] => [
  col(tr('案件编号', 'Case number'), 'text', 14),
  col(tr('问题', 'Problem'), 'text', 26, true),
  col(tr('时间', 'Time'), 'text', 17),
  col(tr('事件', 'Event'), 'text', 10),
  col(tr('审核人', 'Reviewer'), 'text', 10),
  col(tr('审核人单位', "Reviewer's unit"), 'text', 18),
  col(tr('主观方面', 'Culpability'), 'text', 10),
  col(tr('排除原因', 'Dismissal reason'), 'text', 10),
  col(tr('备注', 'Note'), 'text', 30, true),
  col(tr('编号', 'Id'), 'text', 12),
];

function findingsSection(rows: readonly FindingRow[], pack: Pack, locale: Locale): Section {
  const tr = trFor(locale);
  const columns = findingColumns(locale);
  return {
    name: tr('问题', 'Findings'),
    title: tr(`问题清单：共 ${rows.length} 条`, `Findings: ${rows.length}`),
    columns: columns.map(([c]) => c),
    rows: rows.map((r) => columns.map(([, f]) => f(r, pack, locale))),
    printColumns: PRINTED,
  };
}

function historySection(rows: readonly FindingRow[], pack: Pack, locale: Locale): Section {
  const tr = trFor(locale);
  const out: Cell[][] = [];
  for (const r of rows)
    for (const e of r.history)
      out.push([
        r.caseNumber,
        ruleTitle(pack, r.ruleId, locale),
        beijingTime(e.at),
        tr(...EVENT_NAMES[e.event]),
        e.reviewer ?? '',
        e.reviewerUnit ?? '',
        e.subjectiveLevel ? subjectiveLabel(e.subjectiveLevel, tr) : '',
        e.dismissReason ? dismissLabel(e.dismissReason, tr) : '',
        e.note ?? '',
        r.id,
      ]);
  const columns = historyColumns(tr);
  return {
    name: tr('审核记录', 'Review history'),
    title: tr(`审核记录：每个问题的发现、确认、排除、重新打开与整改，共 ${out.length} 条`, `Review history: each finding's sightings, confirmations, dismissals, reopenings and fixes (${out.length})`),
    columns: [...columns],
    rows: out,
    printColumns: columns.length - 1,
  };
}

/** The log (or the part a filter selects) as a document: findings, then their histories. */
export function findingsDoc(rows: readonly FindingRow[], pack: Pack, unit: string | null, exportedAt: number, locale: Locale = 'zh-CN'): ReportDoc {
  return {
    title: trFor(locale)('执法问题台账', 'Findings log'),
    period: beijingTime(exportedAt).slice(0, 10),
    unit,
    locale,
    sections: [findingsSection(rows, pack, locale), historySection(rows, pack, locale)],
  };
}

/** The findings as one CSV table, its header the first line (UTF-8 with BOM). */
export function findingsCsv(rows: readonly FindingRow[], pack: Pack, locale: Locale = 'zh-CN'): string {
  const s = findingsSection(rows, pack, locale);
  return `\ufeff${csvTable(s.columns, s.rows).join('\r\n')}\r\n`;
}
