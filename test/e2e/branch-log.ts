/**
 * A branch's log as a reviewer's merged backups make it: six units, their officers and cases, six
 * months of findings with reviews and their histories, and the pages checked — enough rows that a
 * report runs to several printed pages. Deterministic (a seeded generator), built from the default
 * pack's rules so that titles, categories and fields are real.
 */
import { compilePack, evaluate } from '../../rules/engine';
import { exampleNow, exampleSnapshots } from '../../rules/examples';
import { defaultPack } from '../../rules/packs/default';

const UNITS = ['滨江分局城西派出所', '滨江分局城北派出所', '滨江分局城东派出所', '滨江分局刑事侦查大队', '滨江分局治安管理大队', '滨江分局西兴派出所'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['伟', '磊', '洋', '晨', '敏', '静', '军', '勇', '杰', '涛', '明', '超', '华', '强', '鹏', '辉'];
const DAY = 86_400_000;

/** The Beijing instant of a wall time `YYYY-MM-DD HH:mm`. */
const beijing = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);

export function branchLog(reference: string, findingsCount = 320) {
  let seed = 20261118;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const pack = defaultPack();
  const compiled = compilePack(pack);
  const officers = UNITS.map((u, i) => Array.from({ length: 5 }, (_, j) => `${SURNAMES[(i * 5 + j) % SURNAMES.length]}${GIVEN[(i * 3 + j * 7) % GIVEN.length]}`));
  const end = beijing(`${reference} 18:00`);
  const cases = Array.from({ length: 90 }, (_, i) => {
    const unit = i % UNITS.length;
    const criminal = i % 3 !== 2;
    return {
      caseNumber: `${criminal ? 'XS' : 'XZ'}2026-${String(1000 + i).padStart(5, '0')}`,
      unit: UNITS[unit]!,
      officers: [pick(officers[unit]!), pick(officers[unit]!)].filter((o, j, a) => a.indexOf(o) === j),
      kind: criminal ? '刑事' : '行政',
      at: end - Math.floor(rand() * 180) * DAY - Math.floor(rand() * 8) * 3_600_000,
    };
  });
  const rules = pack.rules;
  const findings = Array.from({ length: findingsCount }, (_, i) => {
    const c = pick(cases);
    const rule = pick(rules.filter((r) => r.scope === 'both' || (r.scope === 'criminal') === (c.kind === '刑事')));
    // The rule's own failing example gives a real message and field.
    const example = rule.examples.fail[0]!;
    const f = evaluate(compiled, exampleSnapshots(example), { now: exampleNow(example) }).findings.find((x) => x.ruleId === rule.id)!;
    const firstSeen = Math.min(end - 3_600_000, c.at + Math.floor(rand() * 3) * DAY);
    const roll = rand();
    const status = firstSeen > end - 2 * DAY ? 'open' : roll < 0.45 ? 'open' : roll < 0.65 ? 'fixed' : roll < 0.9 ? 'confirmed' : 'dismissed';
    const reviewedAt = status === 'confirmed' || status === 'dismissed' ? Math.min(end - 60_000, firstSeen + Math.floor(1 + rand() * 5) * DAY) : null;
    const fixedAt = status === 'fixed' ? Math.min(end - 60_000, firstSeen + Math.floor(1 + rand() * 3) * DAY) : null;
    const level = status === 'confirmed' ? pick(['主观故意', '疏忽大意', '疏忽大意', '确实不懂'] as const) : null;
    const reason = status === 'dismissed' ? pick(['false-positive', 'not-applicable', 'accepted-exception'] as const) : null;
    const note = status === 'confirmed' ? pick(['已责令办案民警补正', '已通报并补正手续', '已组织专题学习', null]) : status === 'dismissed' ? '经核实，系依法例外情形' : null;
    const document = `/case/{案号}/${rule.category}`;
    const history = [
      { event: 'first-seen', at: firstSeen, reviewer: null, reviewerUnit: null, subjectiveLevel: null, dismissReason: null, note: null },
      ...(reviewedAt ? [{ event: status === 'confirmed' ? 'confirmed' : 'dismissed', at: reviewedAt, reviewer: '李审核', reviewerUnit: '滨江分局法制大队', subjectiveLevel: level, dismissReason: reason, note }] : []),
      ...(fixedAt ? [{ event: 'fixed', at: fixedAt, reviewer: null, reviewerUnit: null, subjectiveLevel: null, dismissReason: null, note: null }] : []),
    ];
    return {
      id: `branch-${i}`, key: `${c.caseNumber}|${document}|${rule.id}|${f.fieldKey}|${i}`, caseNumber: c.caseNumber, caseKey: c.caseNumber, document, caseKind: c.kind, unit: c.unit, officers: c.officers,
      ruleId: rule.id, category: rule.category, severity: f.severity, kind: f.kind, fieldKey: f.fieldKey, row: null, rows: null, message: f.message, basis: f.basis,
      pageUrl: `http://10.1.2.3:8080/case/${c.caseNumber}/${rule.category}`, firstSeen, lastSeen: Math.min(end - 60_000, firstSeen + DAY), timesSeen: 1 + Math.floor(rand() * 4), lastVisit: `v-${i}`,
      status, fixedAt, reviewer: reviewedAt ? '李审核' : null, reviewerUnit: reviewedAt ? '滨江分局法制大队' : null, subjectiveLevel: level, dismissReason: reason, note,
      updatedAt: reviewedAt ?? fixedAt ?? firstSeen, reviewedAt, history,
    };
  });
  const pageChecks = cases.flatMap((c, i) =>
    [0, 1].map((j) => ({ visit: `check-${i}-${j}`, caseKey: c.caseNumber, caseNumber: c.caseNumber, caseKind: c.kind, unit: c.unit, officers: c.officers, url: `http://10.1.2.3:8080/case/${c.caseNumber}`, at: c.at + j * DAY, findingsCount: findings.filter((f) => f.caseNumber === c.caseNumber).length })),
  );
  return { format: 'caselint.backup/v1', exportedAt: end, findings, dismissals: [], pageChecks };
}

// Run by tsx (Playwright's loader does not import the pack's JSON): prints the file for a day.
if (process.argv[1]?.endsWith('branch-log.ts')) process.stdout.write(JSON.stringify(branchLog(process.argv[2] ?? '2026-11-18')));
