/**
 * Reports as documents of tables (lib/exports/table.ts): what the page shows under each chart, what
 * CSV and XLSX export and what prints. Rule titles in the report's language (zh-CN by default, the
 * record's); a rule's id, where kept, in the last column 规则编号.
 */
import type { Pack } from '../../rules/pack';
import { beijingTime } from '../db/csv';
import { levelLabel } from '../../rules/levels';
import { dismissLabel, statusLabel, subjectiveLabel } from '../db/review-vocabulary';
import { trFor, type Locale, type Tr } from '../i18n/tr';
import { column, type Cell, type ReportDoc } from '../exports/table';
import { LEVELS, NO_OFFICER, NO_UNIT, TOTAL, type MonthlyBulletin, type OfficerRecord, type UnitFigures, type WeeklyReport, type dailyReport } from './aggregate';
import { periodLabel } from './period';
import type { WhitePaper } from './white-paper';

export type { Cell, Column, ReportDoc, Section } from '../exports/table';

const col = column;
const ruleTitle = (pack: Pack, id: string, locale: Locale) => pack.rules.find((r) => r.id === id)?.title[locale] ?? id;
/** The figures' own words for a missing unit or officer and the total, in the report's language. */
const unitName = (unit: string, tr: Tr) => (unit === NO_UNIT ? tr(NO_UNIT, '(no unit given)') : unit === TOTAL ? tr(TOTAL, 'Total') : unit);
const officerName = (officer: string, tr: Tr) => (officer === NO_OFFICER ? tr(NO_OFFICER, '(no officer given)') : officer);

function unitRows(units: UnitFigures[], tr: Tr, total?: UnitFigures): Cell[][] {
  return [...units, ...(total ? [total] : [])].map((u) => [unitName(u.unit, tr), u.casesChecked, u.casesWithProblem, u.newFindings, u.perCase, u.share]);
}
const unitColumns = (tr: Tr) => [
  col(tr('单位', 'Unit'), 'text', 22),
  col(tr('检查案件数', 'Cases checked'), 'int', 12),
  col(tr('问题案件数', 'Cases with problems'), 'int', 12),
  col(tr('新发现问题', 'New findings'), 'int', 12),
  col(tr('每案问题数', 'Findings per case'), 'decimal', 12),
  col(tr('问题案件占比', 'Share of cases with problems'), 'percent', 14),
];

const change = (now: number, before: number) => now - before;

/** What each report's figures mean: each report carries only the notes on figures it shows. */
const NOTES = {
  newFindings: ['新发现＝本期首次发现的问题', 'new findings = problems first seen in the period'],
  reviews: ['已整改＝本期整改；已确认/已排除＝本期审核', 'fixed = fixed in the period; confirmed/dismissed = reviewed in the period'],
  cases: ['检查案件数＝本期检查过页面的案件', 'cases checked = cases whose pages were checked in the period'],
  perCase: ['每案问题数＝新发现÷检查案件数', 'findings per case = new findings ÷ cases checked'],
  confirmed: ['执法过错＝本期经审核确认的问题，按主观方面认定', 'enforcement faults = problems a reviewer confirmed in the period, by culpability'],
  time: ['时间均为北京时间', 'all times are Beijing time'],
} as const;
const footnote = (tr: Tr, ...notes: (keyof typeof NOTES)[]) =>
  tr(`口径：${notes.map((n) => NOTES[n][0]).join('；')}。`, `Definitions: ${notes.map((n) => NOTES[n][1]).join('; ')}.`);

/** The report's language for its words; its data (names, units, case numbers, messages) stays as recorded. */
const inLocale = (locale: Locale) => ({ tr: trFor(locale), locale });

export function weeklyDoc(r: WeeklyReport, pack: Pack, unit: string | null, lang: Locale = 'zh-CN'): ReportDoc {
  const { tr, locale } = inLocale(lang);
  return {
    title: tr('执法问题周结', 'Weekly enforcement findings'),
    period: periodLabel(r.period, locale),
    unit,
    locale,
    footnote: `${footnote(tr, 'newFindings', 'reviews', 'cases', 'perCase')}${tr('周自周一0时至周日24时（北京时间）。', ' A week runs from Monday 00:00 to Sunday 24:00, Beijing time.')}`,
    sections: [
      {
        name: tr('概况', 'Overview'),
        title: tr('本周概况（与上周比较）', 'This week (compared with last week)'),
        columns: [col(tr('项目', 'Item'), 'text', 16), col(tr('本周', 'This week'), 'int', 10), col(tr('上周', 'Last week'), 'int', 10), col(tr('增减', 'Change'), 'int', 10)],
        rows: (
          [
            [tr('新发现问题', 'New findings'), r.counts.newFindings, r.previousCounts.newFindings],
            [tr('已整改', 'Fixed'), r.counts.fixed, r.previousCounts.fixed],
            [tr('已确认', 'Confirmed'), r.counts.confirmed, r.previousCounts.confirmed],
            [tr('已排除', 'Dismissed'), r.counts.dismissed, r.previousCounts.dismissed],
            [tr('检查案件数', 'Cases checked'), r.total.casesChecked, r.previousTotal.casesChecked],
          ] as [string, number, number][]
        ).map(([k, a, b]) => [k, a, b, change(a, b)]),
      },
      {
        name: tr('问题类型', 'Problem kinds'),
        title: tr('本周主要问题类型', "This week's main problem kinds"),
        columns: [col(tr('问题', 'Problem'), 'text', 30, true), col(tr('本周', 'This week'), 'int', 8), col(tr('上周', 'Last week'), 'int', 8), col(tr('典型案件', 'Typical cases'), 'text', 36, true), col(tr('规则编号', 'Rule id'), 'text', 26)],
        rows: r.topRules.map((t) => [ruleTitle(pack, t.ruleId, locale), t.count, t.previous, t.examples.join(tr('、', ', ')), t.ruleId]),
        chart: { type: 'bar', labelColumn: 0, valueColumns: [1, 2] },
      },
      {
        name: tr('各单位', 'Units'),
        title: tr('各单位检查与问题情况', 'Checks and problems by unit'),
        columns: unitColumns(tr),
        rows: unitRows(r.units, tr, r.total),
        totalRow: true,
        chart: { type: 'bar', labelColumn: 0, valueColumns: [4], skipLastRow: true },
      },
    ],
  };
}

export function dailyDoc(d: ReturnType<typeof dailyReport>, pack: Pack, unit: string | null, day: string, lang: Locale = 'zh-CN'): ReportDoc {
  const { tr, locale } = inLocale(lang);
  const rows: Cell[][] = [];
  const line = (r: (typeof d.dueSoon)[number], u: string, o: string) => [
    unitName(u, tr),
    officerName(o, tr),
    r.caseNumber,
    ruleTitle(pack, r.ruleId, locale),
    levelLabel(r, tr),
    statusLabel(r.status, tr),
    beijingTime(r.firstSeen),
    r.message,
  ];
  for (const r of d.dueSoon) rows.push(line(r, r.unit ?? '', r.officers.join('、')));
  for (const g of d.groups) for (const o of g.officers) for (const r of o.rows) if (r.kind !== 'due-soon') rows.push(line(r, g.unit, o.officer));
  return {
    title: tr('执法问题日清', 'Daily enforcement findings'),
    period: day,
    unit,
    locale,
    footnote: tr(
      '日清列出生成时仍待处理的问题：即将到期的在前，其余按首次发现时间先后；时间均为北京时间。',
      'The daily list shows the problems still open when it was made: deadlines due soon first, the rest by when they were first seen. All times are Beijing time.',
    ),
    sections: [
      {
        name: tr('待清理', 'Open'),
        title: tr(`待处理问题：共 ${d.open} 个，即将到期的在前，其余按发现时间先后`, `Open problems: ${d.open}, deadlines due soon first, the rest by when they were found`),
        columns: [
          col(tr('办案单位', 'Unit'), 'text', 20),
          col(tr('办案民警', 'Officers'), 'text', 12),
          col(tr('案件编号', 'Case number'), 'text', 14),
          col(tr('问题', 'Problem'), 'text', 26, true),
          col(tr('级别', 'Level'), 'text', 8),
          col(tr('状态', 'Status'), 'text', 8),
          col(tr('首次发现', 'First seen'), 'text', 17),
          col(tr('问题说明', 'Message (as recorded)'), 'text', 52, true),
        ],
        rows,
      },
    ],
  };
}

export function monthlyDoc(m: MonthlyBulletin, pack: Pack, unit: string | null, lang: Locale = 'zh-CN'): ReportDoc {
  const { tr, locale } = inLocale(lang);
  return {
    title: tr('执法质量月通报', 'Monthly enforcement quality bulletin'),
    period: periodLabel(m.period, locale),
    unit,
    locale,
    footnote: footnote(tr, 'newFindings', 'cases', 'perCase', 'confirmed', 'time'),
    sections: [
      {
        name: tr('单位排名', 'Unit ranking'),
        title: tr('各单位问题排名（按每案问题数）', 'Units ranked by findings per case'),
        columns: [col(tr('名次', 'Rank'), 'int', 6), ...unitColumns(tr)],
        rows: unitRows(m.ranking, tr).map((r, i) => [i + 1, ...r]),
        chart: { type: 'bar', labelColumn: 1, valueColumns: [5] },
      },
      {
        name: tr('典型问题', 'Typical problems'),
        title: tr('典型问题及案例', 'Typical problems and cases'),
        columns: [col(tr('问题', 'Problem'), 'text', 30, true), col(tr('问题数', 'Findings'), 'int', 8), col(tr('典型案件', 'Typical cases'), 'text', 36, true), col(tr('规则编号', 'Rule id'), 'text', 26)],
        rows: m.typical.map((t) => [ruleTitle(pack, t.ruleId, locale), t.count, t.examples.join(tr('、', ', ')), t.ruleId]),
      },
      {
        name: tr('执法过错', 'Faults'),
        title: tr('经审核确认的执法过错（按主观方面）', 'Enforcement faults confirmed by review (by culpability)'),
        columns: [col(tr('主观方面', 'Culpability'), 'text', 14), col(tr('数量', 'Count'), 'int', 8)],
        rows: [...LEVELS, null].map((l) => [subjectiveLabel(l, tr), m.confirmedByLevel[l ?? '未认定']]),
        chart: { type: 'bar', labelColumn: 0, valueColumns: [1] },
      },
      {
        name: tr('过错明细', 'Fault details'),
        title: tr('执法过错明细', 'Enforcement faults in detail'),
        columns: [
          col(tr('案件编号', 'Case number'), 'text', 14),
          col(tr('办案单位', 'Unit'), 'text', 18),
          col(tr('办案民警', 'Officers'), 'text', 12),
          col(tr('问题', 'Problem'), 'text', 24, true),
          col(tr('主观方面', 'Culpability'), 'text', 10),
          col(tr('审核人', 'Reviewer'), 'text', 10),
          col(tr('备注', 'Note'), 'text', 26, true),
        ],
        rows: m.confirmedRows.map((r) => [r.caseNumber, r.unit ?? '', r.officers.join('、'), ruleTitle(pack, r.ruleId, locale), subjectiveLabel(r.subjectiveLevel, tr), r.reviewer ?? '', r.note ?? '']),
      },
      {
        name: tr('趋势', 'Trend'),
        title: tr('近几个月趋势', 'Trend over recent months'),
        columns: [
          col(tr('月份', 'Month'), 'text', 14),
          col(tr('新发现问题', 'New findings'), 'int', 12),
          col(tr('检查案件数', 'Cases checked'), 'int', 12),
          col(tr('每案问题数', 'Findings per case'), 'decimal', 12),
          col(tr('确认过错', 'Confirmed faults'), 'int', 10),
        ],
        rows: m.trend.map((t) => [periodLabel(t, locale), t.newFindings, t.casesChecked, t.perCase, t.confirmed]),
        chart: { type: 'line', labelColumn: 0, valueColumns: [1, 2, 4] },
      },
    ],
  };
}

export function officerDoc(o: OfficerRecord, pack: Pack, unit: string | null, period: string, lang: Locale = 'zh-CN'): ReportDoc {
  const { tr, locale } = inLocale(lang);
  return {
    title: `${tr('民警执法档案：', 'Officer record: ')}${o.officer}`,
    period,
    unit,
    locale,
    footnote: tr(
      '口径：问题数＝该民警经办案件当月首次发现的问题；确认过错＝当月经审核确认的执法过错；时间均为北京时间。',
      "Definitions: findings = problems first seen that month in the officer's cases; confirmed faults = enforcement faults a reviewer confirmed that month. All times are Beijing time.",
    ),
    sections: [
      {
        name: tr('逐月', 'By month'),
        title: tr('逐月问题与过错', 'Findings and faults by month'),
        columns: [col(tr('月份', 'Month'), 'text', 14), col(tr('问题数', 'Findings'), 'int', 10), col(tr('确认过错', 'Confirmed faults'), 'int', 10)],
        rows: o.trend.map((t) => [periodLabel(t, locale), t.findings, t.confirmed]),
        chart: { type: 'line', labelColumn: 0, valueColumns: [1, 2] },
      },
      {
        name: tr('常见问题', 'Common problems'),
        title: tr('最常见的问题', 'Most common problems'),
        columns: [col(tr('问题', 'Problem'), 'text', 30, true), col(tr('次数', 'Times'), 'int', 8), col(tr('规则编号', 'Rule id'), 'text', 26)],
        rows: o.topRules.map((t) => [ruleTitle(pack, t.ruleId, locale), t.count, t.ruleId]),
      },
      {
        name: tr('确认过错', 'Confirmed faults'),
        title: tr('经确认的执法过错', 'Confirmed enforcement faults'),
        columns: [
          col(tr('案件编号', 'Case number'), 'text', 14),
          col(tr('问题', 'Problem'), 'text', 28, true),
          col(tr('主观方面', 'Culpability'), 'text', 10),
          col(tr('状态', 'Status'), 'text', 8),
          col(tr('审核时间', 'Reviewed'), 'text', 17),
          col(tr('备注', 'Note'), 'text', 30, true),
        ],
        rows: o.confirmed.map((r) => [
          r.caseNumber,
          ruleTitle(pack, r.ruleId, locale),
          subjectiveLabel(r.subjectiveLevel, tr),
          statusLabel(r.status, tr),
          beijingTime(r.reviewedAt),
          r.note ?? (r.dismissReason ? dismissLabel(r.dismissReason, tr) : ''),
        ]),
      },
    ],
  };
}

export function whitePaperDoc(w: WhitePaper, unit: string | null): ReportDoc {
  const { tr, locale } = inLocale(w.locale);
  return {
    title: tr('执法现状白皮书', 'White paper on law enforcement'),
    period: periodLabel(w.period, locale),
    unit,
    locale,
    footnote: footnote(tr, 'newFindings', 'cases', 'perCase', 'confirmed', 'time'),
    sections: [
      { name: tr('总体情况', 'Overall'), title: w.sections[0]!.title, text: w.sections[0]!.text, columns: unitColumns(tr), rows: unitRows([], tr, w.total), totalRow: true },
      {
        name: tr('问题分布', 'Distribution'),
        title: w.sections[1]!.title,
        text: w.sections[1]!.text,
        columns: [col(tr('类别', 'Category'), 'text', 20), col(tr('问题数', 'Findings'), 'int', 10)],
        rows: w.byCategory.map((c) => [c.label, c.count]),
        chart: { type: 'bar', labelColumn: 0, valueColumns: [1] },
      },
      { name: tr('各单位', 'Units'), title: w.sections[2]!.title, text: w.sections[2]!.text, columns: unitColumns(tr), rows: unitRows(w.ranking, tr), chart: { type: 'bar', labelColumn: 0, valueColumns: [4] } },
      {
        name: tr('过错认定', 'Faults'),
        title: w.sections[3]!.title,
        text: w.sections[3]!.text,
        columns: [col(tr('主观方面', 'Culpability'), 'text', 14), col(tr('数量', 'Count'), 'int', 8)],
        rows: [...LEVELS, null].map((l) => [subjectiveLabel(l, tr), w.levels[l ?? '未认定'] ?? 0]),
      },
      {
        name: tr('整改建议', 'Corrections'),
        title: w.sections[4]!.title,
        text: w.sections[4]!.text,
        columns: [
          col(tr('突出问题', 'Leading problem'), 'text', 22, true),
          col(tr('问题数', 'Findings'), 'int', 8),
          col(tr('常见顽疾', 'Chronic problem (guideline)'), 'text', 22, true),
          col(tr('行为规范（整改要求）', 'Conduct rule (what to correct, guideline)'), 'text', 48, true),
        ],
        rows: w.leading.map((l) => [l.title, l.count, l.chronicProblem, l.norm]),
      },
      {
        name: tr('趋势', 'Trend'),
        title: tr('六、逐月趋势', '6. Month by month'),
        columns: [col(tr('月份', 'Month'), 'text', 14), col(tr('新发现问题', 'New findings'), 'int', 12), col(tr('检查案件数', 'Cases checked'), 'int', 12), col(tr('每案问题数', 'Findings per case'), 'decimal', 12)],
        rows: w.trend.map((t) => [periodLabel(t, locale), t.newFindings, t.casesChecked, t.perCase]),
        chart: { type: 'line', labelColumn: 0, valueColumns: [1, 2] },
      },
    ],
  };
}
