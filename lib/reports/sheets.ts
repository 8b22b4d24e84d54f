/**
 * Reports as documents of tables (lib/exports/table.ts): what the page shows under each chart, what
 * CSV and XLSX export and what prints. Rule titles in Chinese; a rule's id, where kept, in the last
 * column 规则编号.
 */
import type { Pack } from '../../rules/pack';
import { beijingTime } from '../db/csv';
import { levelLabel } from '../../rules/levels';
import { DISMISS_LABELS, STATUS_LABELS } from '../db/rows';
import { column, type Cell, type ReportDoc } from '../exports/table';
import { LEVELS, type MonthlyBulletin, type OfficerRecord, type UnitFigures, type WeeklyReport, type dailyReport } from './aggregate';
import type { WhitePaper } from './white-paper';

export type { Cell, Column, ReportDoc, Section } from '../exports/table';

const col = column;
const ruleTitle = (pack: Pack, id: string) => pack.rules.find((r) => r.id === id)?.title['zh-CN'] ?? id;

function unitRows(units: UnitFigures[], total?: UnitFigures): Cell[][] {
  return [...units, ...(total ? [total] : [])].map((u) => [u.unit, u.casesChecked, u.casesWithProblem, u.newFindings, u.perCase, u.share]);
}
const UNIT_COLUMNS = [col('单位', 'text', 22), col('检查案件数', 'int', 12), col('问题案件数', 'int', 12), col('新发现问题', 'int', 12), col('每案问题数', 'decimal', 12), col('问题案件占比', 'percent', 14)];

const change = (now: number, before: number) => now - before;

/** What each report's figures mean: each report carries only the notes on figures it shows. */
const NOTES = {
  newFindings: '新发现＝本期首次发现的问题',
  reviews: '已整改＝本期整改；已确认/已排除＝本期审核',
  cases: '检查案件数＝本期检查过页面的案件',
  perCase: '每案问题数＝新发现÷检查案件数',
  confirmed: '执法过错＝本期经审核确认的问题，按主观方面认定',
  time: '时间均为北京时间',
};
const footnote = (...notes: (keyof typeof NOTES)[]) => `口径：${notes.map((n) => NOTES[n]).join('；')}。`;

export function weeklyDoc(r: WeeklyReport, pack: Pack, unit: string | null): ReportDoc {
  return {
    title: '执法问题周结',
    period: r.period.label,
    unit,
    footnote: `${footnote('newFindings', 'reviews', 'cases', 'perCase')}周自周一0时至周日24时（北京时间）。`,
    sections: [
      {
        name: '概况',
        title: '本周概况（与上周比较）',
        columns: [col('项目', 'text', 16), col('本周', 'int', 10), col('上周', 'int', 10), col('增减', 'int', 10)],
        rows: (
          [
            ['新发现问题', r.counts.newFindings, r.previousCounts.newFindings],
            ['已整改', r.counts.fixed, r.previousCounts.fixed],
            ['已确认', r.counts.confirmed, r.previousCounts.confirmed],
            ['已排除', r.counts.dismissed, r.previousCounts.dismissed],
            ['检查案件数', r.total.casesChecked, r.previousTotal.casesChecked],
          ] as [string, number, number][]
        ).map(([k, a, b]) => [k, a, b, change(a, b)]),
      },
      {
        name: '问题类型',
        title: '本周主要问题类型',
        columns: [col('问题', 'text', 30, true), col('本周', 'int', 8), col('上周', 'int', 8), col('典型案件', 'text', 36, true), col('规则编号', 'text', 26)],
        rows: r.topRules.map((t) => [ruleTitle(pack, t.ruleId), t.count, t.previous, t.examples.join('、'), t.ruleId]),
        chart: { type: 'bar', labelColumn: 0, valueColumns: [1, 2] },
      },
      { name: '各单位', title: '各单位检查与问题情况', columns: UNIT_COLUMNS, rows: unitRows(r.units, r.total), chart: { type: 'bar', labelColumn: 0, valueColumns: [4], skipLastRow: true } },
    ],
  };
}

export function dailyDoc(d: ReturnType<typeof dailyReport>, pack: Pack, unit: string | null, day: string): ReportDoc {
  const rows: Cell[][] = [];
  const line = (r: (typeof d.dueSoon)[number], u: string, o: string) => [u, o, r.caseNumber, ruleTitle(pack, r.ruleId), levelLabel(r), STATUS_LABELS[r.status], beijingTime(r.firstSeen), r.message];
  for (const r of d.dueSoon) rows.push(line(r, r.unit ?? '', r.officers.join('、')));
  for (const g of d.groups) for (const o of g.officers) for (const r of o.rows) if (r.kind !== 'due-soon') rows.push(line(r, g.unit, o.officer));
  return {
    title: '执法问题日清',
    period: day,
    unit,
    footnote: '日清列出生成时仍待处理的问题：即将到期的在前，其余按首次发现时间先后；时间均为北京时间。',
    sections: [
      {
        name: '待清理',
        title: `待处理问题：共 ${d.open} 个，即将到期的在前，其余按发现时间先后`,
        columns: [col('办案单位', 'text', 20), col('办案民警', 'text', 12), col('案件编号', 'text', 14), col('问题', 'text', 26, true), col('级别', 'text', 8), col('状态', 'text', 8), col('首次发现', 'text', 17), col('问题说明', 'text', 52, true)],
        rows,
      },
    ],
  };
}

export function monthlyDoc(m: MonthlyBulletin, pack: Pack, unit: string | null): ReportDoc {
  return {
    title: '执法质量月通报',
    period: m.period.label,
    unit,
    footnote: footnote('newFindings', 'cases', 'perCase', 'confirmed', 'time'),
    sections: [
      {
        name: '单位排名',
        title: '各单位问题排名（按每案问题数）',
        columns: [col('名次', 'int', 6), ...UNIT_COLUMNS],
        rows: unitRows(m.ranking).map((r, i) => [i + 1, ...r]),
        chart: { type: 'bar', labelColumn: 1, valueColumns: [5] },
      },
      {
        name: '典型问题',
        title: '典型问题及案例',
        columns: [col('问题', 'text', 30, true), col('问题数', 'int', 8), col('典型案件', 'text', 36, true), col('规则编号', 'text', 26)],
        rows: m.typical.map((t) => [ruleTitle(pack, t.ruleId), t.count, t.examples.join('、'), t.ruleId]),
      },
      {
        name: '执法过错',
        title: '经审核确认的执法过错（按主观方面）',
        columns: [col('主观方面', 'text', 14), col('数量', 'int', 8)],
        rows: [...LEVELS, '未认定' as const].map((l) => [l, m.confirmedByLevel[l]]),
        chart: { type: 'bar', labelColumn: 0, valueColumns: [1] },
      },
      {
        name: '过错明细',
        title: '执法过错明细',
        columns: [col('案件编号', 'text', 14), col('办案单位', 'text', 18), col('办案民警', 'text', 12), col('问题', 'text', 24, true), col('主观方面', 'text', 10), col('审核人', 'text', 10), col('备注', 'text', 26, true)],
        rows: m.confirmedRows.map((r) => [r.caseNumber, r.unit ?? '', r.officers.join('、'), ruleTitle(pack, r.ruleId), r.subjectiveLevel ?? '未认定', r.reviewer ?? '', r.note ?? '']),
      },
      {
        name: '趋势',
        title: '近几个月趋势',
        columns: [col('月份', 'text', 14), col('新发现问题', 'int', 12), col('检查案件数', 'int', 12), col('每案问题数', 'decimal', 12), col('确认过错', 'int', 10)],
        rows: m.trend.map((t) => [t.label, t.newFindings, t.casesChecked, t.perCase, t.confirmed]),
        chart: { type: 'line', labelColumn: 0, valueColumns: [1, 2, 4] },
      },
    ],
  };
}

export function officerDoc(o: OfficerRecord, pack: Pack, unit: string | null, period: string): ReportDoc {
  return {
    title: `民警执法档案：${o.officer}`,
    period,
    unit,
    footnote: '口径：问题数＝该民警经办案件当月首次发现的问题；确认过错＝当月经审核确认的执法过错；时间均为北京时间。',
    sections: [
      {
        name: '逐月',
        title: '逐月问题与过错',
        columns: [col('月份', 'text', 14), col('问题数', 'int', 10), col('确认过错', 'int', 10)],
        rows: o.trend.map((t) => [t.label, t.findings, t.confirmed]),
        chart: { type: 'line', labelColumn: 0, valueColumns: [1, 2] },
      },
      { name: '常见问题', title: '最常见的问题', columns: [col('问题', 'text', 30, true), col('次数', 'int', 8), col('规则编号', 'text', 26)], rows: o.topRules.map((t) => [ruleTitle(pack, t.ruleId), t.count, t.ruleId]) },
      {
        name: '确认过错',
        title: '经确认的执法过错',
        columns: [col('案件编号', 'text', 14), col('问题', 'text', 28, true), col('主观方面', 'text', 10), col('状态', 'text', 8), col('审核时间', 'text', 17), col('备注', 'text', 30, true)],
        rows: o.confirmed.map((r) => [r.caseNumber, ruleTitle(pack, r.ruleId), r.subjectiveLevel ?? '未认定', STATUS_LABELS[r.status], beijingTime(r.reviewedAt), r.note ?? (r.dismissReason ? DISMISS_LABELS[r.dismissReason] : '')]),
      },
    ],
  };
}

export function whitePaperDoc(w: WhitePaper, unit: string | null): ReportDoc {
  return {
    title: '执法现状白皮书',
    period: w.period.label,
    unit,
    footnote: footnote('newFindings', 'cases', 'perCase', 'confirmed', 'time'),
    sections: [
      { name: '总体情况', title: w.sections[0]!.title, text: w.sections[0]!.text, columns: UNIT_COLUMNS, rows: unitRows([], w.total) },
      {
        name: '问题分布',
        title: w.sections[1]!.title,
        text: w.sections[1]!.text,
        columns: [col('类别', 'text', 20), col('问题数', 'int', 10)],
        rows: w.byCategory.map((c) => [c.label, c.count]),
        chart: { type: 'bar', labelColumn: 0, valueColumns: [1] },
      },
      { name: '各单位', title: w.sections[2]!.title, text: w.sections[2]!.text, columns: UNIT_COLUMNS, rows: unitRows(w.ranking), chart: { type: 'bar', labelColumn: 0, valueColumns: [4] } },
      { name: '过错认定', title: w.sections[3]!.title, text: w.sections[3]!.text, columns: [col('主观方面', 'text', 14), col('数量', 'int', 8)], rows: Object.entries(w.levels) },
      {
        name: '整改建议',
        title: w.sections[4]!.title,
        text: w.sections[4]!.text,
        columns: [col('突出问题', 'text', 22, true), col('问题数', 'int', 8), col('常见顽疾', 'text', 22, true), col('行为规范（整改要求）', 'text', 48, true)],
        rows: w.leading.map((l) => [l.title, l.count, l.chronicProblem, l.norm]),
      },
      {
        name: '趋势',
        title: '六、逐月趋势',
        columns: [col('月份', 'text', 14), col('新发现问题', 'int', 12), col('检查案件数', 'int', 12), col('每案问题数', 'decimal', 12)],
        rows: w.trend.map((t) => [t.label, t.newFindings, t.casesChecked, t.perCase]),
        chart: { type: 'line', labelColumn: 0, valueColumns: [1, 2] },
      },
    ],
  };
}
