/**
 * Reports as sections of tables: what the page shows under each chart, what CSV and XLSX export
 * (a sheet per section, Chinese headers, column widths, numbers as numbers).
 */
import type { Pack } from '../../rules/pack';
import { beijingTime } from '../db/csv';
import { DISMISS_LABELS, STATUS_LABELS } from '../db/rows';
import { LEVELS, type MonthlyBulletin, type OfficerRecord, type UnitFigures, type WeeklyReport, type dailyReport } from './aggregate';
import type { WhitePaper } from './white-paper';

export type CellType = 'text' | 'int' | 'decimal' | 'percent';
export interface Column {
  header: string;
  type: CellType;
  /** Width in characters (XLSX). */
  width: number;
}
export type Cell = string | number | null;
export interface Section {
  /** Sheet name (≤ 31 characters). */
  name: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** Generated text shown above the table (white paper). */
  text?: string;
  /** A chart of some of the table's columns (the table stays below it with the numbers). */
  chart?: { type: 'bar' | 'line'; labelColumn: number; valueColumns: number[]; skipLastRow?: boolean };
}
export interface ReportDoc {
  title: string;
  period: string;
  unit: string | null;
  sections: Section[];
}

const col = (header: string, type: CellType = 'text', width = 14): Column => ({ header, type, width });
const ruleTitle = (pack: Pack, id: string) => pack.rules.find((r) => r.id === id)?.title['zh-CN'] ?? id;

function unitRows(units: UnitFigures[], total?: UnitFigures): Cell[][] {
  return [...units, ...(total ? [total] : [])].map((u) => [u.unit, u.casesChecked, u.casesWithProblem, u.newFindings, u.perCase, u.share]);
}
const UNIT_COLUMNS = [col('单位', 'text', 22), col('检查案件数', 'int', 12), col('问题案件数', 'int', 12), col('新发现问题', 'int', 12), col('每案问题数', 'decimal', 12), col('问题案件占比', 'percent', 14)];

const change = (now: number, before: number) => now - before;

export function weeklyDoc(r: WeeklyReport, pack: Pack, unit: string | null): ReportDoc {
  return {
    title: '执法问题周结',
    period: r.period.label,
    unit,
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
        columns: [col('问题', 'text', 30), col('规则编号', 'text', 30), col('本周', 'int', 8), col('上周', 'int', 8), col('典型案件', 'text', 36)],
        rows: r.topRules.map((t) => [ruleTitle(pack, t.ruleId), t.ruleId, t.count, t.previous, t.examples.join('、')]),
        chart: { type: 'bar', labelColumn: 0, valueColumns: [2, 3] },
      },
      { name: '各单位', title: '各单位检查与问题情况', columns: UNIT_COLUMNS, rows: unitRows(r.units, r.total), chart: { type: 'bar', labelColumn: 0, valueColumns: [4], skipLastRow: true } },
    ],
  };
}

export function dailyDoc(d: ReturnType<typeof dailyReport>, pack: Pack, unit: string | null, day: string): ReportDoc {
  const rows: Cell[][] = [];
  const line = (r: (typeof d.dueSoon)[number], u: string, o: string) => [u, o, r.caseNumber, ruleTitle(pack, r.ruleId), r.kind === 'due-soon' ? '即将到期' : r.severity === 'error' ? '违规' : r.severity === 'warning' ? '提醒' : '提示', beijingTime(r.firstSeen), r.message];
  for (const r of d.dueSoon) rows.push(line(r, r.unit ?? '', r.officers.join('、')));
  for (const g of d.groups) for (const o of g.officers) for (const r of o.rows) if (r.kind !== 'due-soon') rows.push(line(r, g.unit, o.officer));
  return {
    title: '执法问题日清',
    period: day,
    unit,
    sections: [
      {
        name: '待清理',
        title: `待清理问题（共 ${d.open} 个，即将到期的在前，其余按发现时间先后）`,
        columns: [col('办案单位', 'text', 20), col('办案民警', 'text', 14), col('案件编号', 'text', 16), col('问题', 'text', 28), col('级别', 'text', 8), col('首次发现', 'text', 17), col('说明', 'text', 60)],
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
        columns: [col('问题', 'text', 30), col('规则编号', 'text', 30), col('问题数', 'int', 8), col('典型案件', 'text', 36)],
        rows: m.typical.map((t) => [ruleTitle(pack, t.ruleId), t.ruleId, t.count, t.examples.join('、')]),
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
        columns: [col('案件编号', 'text', 16), col('办案单位', 'text', 20), col('办案民警', 'text', 14), col('问题', 'text', 28), col('主观方面', 'text', 10), col('审核人', 'text', 10), col('备注', 'text', 30)],
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
    sections: [
      {
        name: '逐月',
        title: '逐月问题与过错',
        columns: [col('月份', 'text', 14), col('问题数', 'int', 10), col('确认过错', 'int', 10)],
        rows: o.trend.map((t) => [t.label, t.findings, t.confirmed]),
        chart: { type: 'line', labelColumn: 0, valueColumns: [1, 2] },
      },
      { name: '常见问题', title: '最常见的问题', columns: [col('问题', 'text', 30), col('规则编号', 'text', 30), col('次数', 'int', 8)], rows: o.topRules.map((t) => [ruleTitle(pack, t.ruleId), t.ruleId, t.count]) },
      {
        name: '确认过错',
        title: '经确认的执法过错',
        columns: [col('案件编号', 'text', 16), col('问题', 'text', 28), col('主观方面', 'text', 10), col('状态', 'text', 8), col('审核时间', 'text', 17), col('备注', 'text', 30)],
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
        columns: [col('突出问题', 'text', 28), col('问题数', 'int', 8), col('常见顽疾', 'text', 24), col('行为规范（整改要求）', 'text', 70)],
        rows: w.leading.map((l) => [l.title, l.count, l.chronicProblem, l.norm]),
      },
      {
        name: '趋势',
        title: '逐月趋势',
        columns: [col('月份', 'text', 14), col('新发现问题', 'int', 12), col('检查案件数', 'int', 12), col('每案问题数', 'decimal', 12)],
        rows: w.trend.map((t) => [t.label, t.newFindings, t.casesChecked, t.perCase]),
        chart: { type: 'line', labelColumn: 0, valueColumns: [1, 2] },
      },
    ],
  };
}
