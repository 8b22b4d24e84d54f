/**
 * 执法现状白皮书: the period's figures with short generated text per section and, for each
 * leading problem kind, the guideline's 常见顽疾 and 行为规范 as the recommended correction.
 */
import type { Pack } from '../../rules/pack';
import { counts, LEVELS, topRules, trend, unitFigures, type Counts, type TrendPoint, type UnitFigures, type LogData } from './aggregate';
import { monthPeriod, previous, within, type Period } from './period';
import { subjectiveLabel } from '../db/review-vocabulary';
import { trFor, type Locale } from '../i18n/tr';

export interface WhitePaper {
  /** The language of its words and generated text; the guideline's 常见顽疾 and 行为规范 are quoted as written (Chinese). */
  locale: Locale;
  period: Period;
  counts: Counts;
  total: UnitFigures;
  ranking: UnitFigures[];
  byCategory: { category: string; label: string; count: number }[];
  levels: Record<string, number>;
  trend: TrendPoint[];
  sections: { title: string; text: string }[];
  leading: { ruleId: string; title: string; count: number; chronicProblem: string; norm: string }[];
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function whitePaper(data: LogData, period: Period, pack: Pack, locale: Locale = 'zh-CN'): WhitePaper {
  const tr = trFor(locale);
  const c = counts(data, period);
  const { units, total } = unitFigures(data, period);
  const prevTotal = unitFigures(data, previous(period)).total;
  const ranking = [...units].filter((u) => u.casesChecked > 0).sort((a, b) => (b.perCase ?? 0) - (a.perCase ?? 0));
  const cat = new Map<string, number>();
  for (const r of data.findings) if (within(r.firstSeen, period)) cat.set(r.category, (cat.get(r.category) ?? 0) + 1);
  const byCategory = [...cat.entries()]
    .map(([category, count]) => ({ category, label: pack.categories[category]?.[locale] ?? category, count }))
    .sort((a, b) => b.count - a.count);
  const levels: Record<string, number> = { 主观故意: 0, 疏忽大意: 0, 确实不懂: 0, 未认定: 0 };
  for (const r of data.findings) if (r.status === 'confirmed' && within(r.reviewedAt, period)) levels[r.subjectiveLevel ?? '未认定']!++;
  const leadingRules = topRules(data, period, 5);
  const rules = new Map(pack.rules.map((r) => [r.id, r]));
  const months = period.kind === 'year' ? 12 : period.kind === 'quarter' ? 3 : 6;
  // Month by month inside the quarter or year.
  const monthly = trend(data, monthPeriod(period.end - 1), months);

  const change = total.newFindings - prevTotal.newFindings;
  const title = (id: string) => rules.get(id)?.title[locale] ?? id;
  const en = locale === 'en';
  const shareOf = (n: number) => pct(n / Math.max(1, total.newFindings));
  const most = ranking[0];
  const least = ranking[ranking.length - 1];
  const sections = en
    ? [
        {
          title: '1. Overall',
          text:
            `In ${period.labelEn}, ${total.casesChecked} cases were checked and ${total.newFindings} enforcement problems found, ${num(total.perCase)} per case on average; ` +
            `${total.casesWithProblem} cases had problems (${pct(total.share)}). In the period ${c.fixed} were fixed, ${c.confirmed} confirmed by review and ${c.dismissed} dismissed.` +
            (prevTotal.casesChecked || prevTotal.newFindings ? ` Compared with the period before, new findings ${change >= 0 ? 'rose' : 'fell'} by ${Math.abs(change)}.` : ''),
        },
        {
          title: '2. Where the problems are',
          text: byCategory.length
            ? `Most problems concern ${byCategory
                .slice(0, 3)
                .map((x) => `${x.label} (${x.count}, ${shareOf(x.count)})`)
                .join(', ')}.`
            : 'No enforcement problem was found in the period.',
        },
        {
          title: '3. Units',
          text: most
            ? `The unit with the most findings per case is ${most.unit} (${num(most.perCase)} per case)` +
              (ranking.length > 1 ? `; the fewest, ${least!.unit} (${num(least!.perCase)} per case).` : '; it is the only unit with checks.')
            : 'No checks in the period.',
        },
        {
          title: '4. Enforcement faults',
          text: `${c.confirmed} problems were confirmed by review: ${LEVELS.map((l) => `${subjectiveLabel(l, tr).toLowerCase()} ${levels[l]}`).join(', ')}${levels['未认定'] ? `, culpability not assessed ${levels['未认定']}` : ''}.`,
        },
        {
          title: '5. Leading problems and corrections',
          text: leadingRules.length
            ? `The leading problems are: ${leadingRules.map((r) => `${title(r.ruleId)} (${r.count})`).join(', ')}. Correct each against the conduct rule in the table below.`
            : 'No leading problem in the period.',
        },
      ]
    : [
        {
          title: '一、总体情况',
          text:
            `本期（${period.label}）共检查案件${total.casesChecked}起，发现执法问题${total.newFindings}个，平均每案${num(total.perCase)}个；` +
            `存在问题的案件${total.casesWithProblem}起，占${pct(total.share)}。本期已整改${c.fixed}个，经审核确认${c.confirmed}个，排除${c.dismissed}个。` +
            (prevTotal.casesChecked || prevTotal.newFindings ? `与上一期相比，新发现问题${change >= 0 ? '增加' : '减少'}${Math.abs(change)}个。` : ''),
        },
        {
          title: '二、问题分布',
          text: byCategory.length
            ? `问题主要集中在${byCategory
                .slice(0, 3)
                .map((x) => `${x.label}（${x.count}个，占${shareOf(x.count)}）`)
                .join('、')}。`
            : '本期未发现执法问题。',
        },
        {
          title: '三、各单位情况',
          text: most
            ? `每案问题数最多的单位为${most.unit}（${num(most.perCase)}个/案），` +
              (ranking.length > 1 ? `最少的为${least!.unit}（${num(least!.perCase)}个/案）。` : '仅此一个单位有检查记录。')
            : '本期无检查记录。',
        },
        {
          title: '四、执法过错认定',
          text: `经审核确认的执法问题${c.confirmed}个，其中${LEVELS.map((l) => `${l}${levels[l]}个`).join('、')}${levels['未认定'] ? `，未认定主观方面${levels['未认定']}个` : ''}。`,
        },
        {
          title: '五、突出问题与整改建议',
          text: leadingRules.length
            ? `突出问题依次为：${leadingRules.map((r) => `${title(r.ruleId)}（${r.count}个）`).join('、')}。请对照下表所列行为规范逐项整改。`
            : '本期无突出问题。',
        },
      ];
  return {
    locale,
    period,
    counts: c,
    total,
    ranking,
    byCategory,
    levels,
    trend: monthly,
    sections,
    leading: leadingRules.map((r) => {
      const rule = rules.get(r.ruleId);
      return {
        ruleId: r.ruleId,
        title: title(r.ruleId),
        count: r.count,
        chronicProblem: rule?.guideline.chronicProblem ?? '',
        norm: rule?.guideline.norm ?? '',
      };
    }),
  };
}
