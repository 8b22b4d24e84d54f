/**
 * Bench harness, bundled on its own (scripts/bench/vite.harness.config.ts) and loaded into a plain page so the
 * log's own code (CaseLintDb, recordPage, queryLog) runs on Chromium's real IndexedDB.
 */
import Dexie from 'dexie';
import { CaseLintDb } from '../../lib/db/database';
import { countLog, queryLog, type LogQuery } from '../../lib/db/query';
import { recordPage, type PageReport } from '../../lib/db/repository';
import type { FindingRow, PageCheck } from '../../lib/db/rows';
import { monthlyBulletin, weeklyReport } from '../../lib/reports/aggregate';
import { loadAll, loadMonthly, loadRange } from '../../lib/reports/load';
import { monthPeriod, previous, weekPeriod } from '../../lib/reports/period';
import { monthlyDoc, weeklyDoc } from '../../lib/reports/sheets';
import { defaultPack } from '../../rules/packs/default';

const UNITS = ['城东派出所', '城西派出所', '城南派出所', '城北派出所', '刑侦大队', '经侦大队', '治安大队', '交警大队'];
const RULES = ['detention-family-notice-24h', 'detention-custody-24h', 'adm-two-officers', 'adm-hearing-notice', 'bail-max-12m', 'id-number-valid', 'seizure-witness', 'adm-service-deadline'];
const STATUS: FindingRow['status'][] = ['open', 'open', 'fixed', 'confirmed', 'dismissed'];
const SEV: FindingRow['severity'][] = ['error', 'error', 'warning', 'info'];

function row(i: number, now: number): FindingRow {
  const caseNumber = `XS2025-${String(Math.floor(i / 4)).padStart(6, '0')}`;
  const ruleId = RULES[i % RULES.length]!;
  const t = now - (i % 365) * 86_400_000 - (i % 1000) * 1000;
  return {
    id: `bench-${i}`,
    key: `${caseNumber}|/case/{案号}/detention|${ruleId}|f|${i % 4}`,
    caseNumber,
    caseKey: caseNumber,
    document: '/case/{案号}/detention',
    history: [{ event: 'first-seen', at: t, reviewer: null, reviewerUnit: null, subjectiveLevel: null, dismissReason: null, note: null }],
    caseKind: i % 3 ? '刑事' : '行政',
    unit: UNITS[i % UNITS.length]!,
    officers: [`民警${i % 300}`, `民警${(i + 7) % 300}`],
    ruleId,
    category: 'detention',
    severity: SEV[i % SEV.length]!,
    kind: 'violation',
    fieldKey: 'detention.familyNotifiedAt',
    row: i % 4,
    rows: 4,
    message: `通知家属时间晚于拘留时间${24 + (i % 30)}小时，超过法定24小时`,
    basis: '《中华人民共和国刑事诉讼法》第八十五条第二款',
    pageUrl: `http://10.1.2.3:8080/case/${caseNumber}/detention`,
    firstSeen: t,
    lastSeen: t + 3600_000,
    timesSeen: 1 + (i % 5),
    lastVisit: `v${i}`,
    status: STATUS[i % STATUS.length]!,
    fixedAt: null,
    reviewer: null,
    reviewerUnit: null,
    subjectiveLevel: null,
    dismissReason: null,
    note: null,
    updatedAt: t,
    reviewedAt: null,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};

async function time<T>(f: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

export async function runLogBench(n = 100_000) {
  await Dexie.delete('caselint-bench');
  const db = new CaseLintDb('caselint-bench');
  await db.open();
  const now = Date.now();
  const insertMs = await time(async () => {
    for (let i = 0; i < n; i += 5000) await db.findings.bulkAdd(Array.from({ length: Math.min(5000, n - i) }, (_, j) => row(i + j, now)));
  });

  // Logging one page's findings (8 findings, a new visit each time) into the 100,000-row log.
  const report = (k: number): PageReport => ({
    visit: `page-${k}`,
    url: `http://10.1.2.3:8080/case/XS2025-${String(k % 500).padStart(6, '0')}/detention`,
    caseNumber: `XS2025-${String(k % 500).padStart(6, '0')}`,
    caseKind: '刑事',
    unit: '城东派出所',
    officers: ['王伟', '张磊'],
    findings: RULES.map((ruleId, j) => ({ ruleId, fieldKey: 'detention.familyNotifiedAt', severity: 'error' as const, kind: 'violation' as const, message: `m${j}`, basis: 'b', category: 'detention', row: j % 4 })),
    passed: ['detention-warrant'],
  });
  let id = 0;
  const logMs: number[] = [];
  for (let k = 0; k < 40; k++) logMs.push(await time(() => recordPage(db, report(k), now + k, () => `new-${++id}`)));

  // The log page's first screen: the default view, and a filtered one, against a full scan.
  const q = (filter: LogQuery['filter']): LogQuery => ({ filter, sort: 'lastSeen', desc: true, page: 0, size: 50 });
  const firstMs: number[] = [];
  const filteredMs: number[] = [];
  const scanMs: number[] = [];
  const scanFilteredMs: number[] = [];
  const countMs: number[] = [];
  for (let k = 0; k < 7; k++) {
    firstMs.push(await time(() => queryLog(db, q({}))));
    filteredMs.push(await time(() => queryLog(db, q({ status: 'open', unit: '城西派出所' }))));
    countMs.push(await time(() => countLog(db, q({ status: 'open' }))));
    scanMs.push(
      await time(async () => {
        const all = await db.findings.toArray();
        all.sort((a, b) => b.lastSeen - a.lastSeen).slice(0, 50);
      }),
    );
    scanFilteredMs.push(
      await time(async () => {
        const all = await db.findings.toArray();
        all.filter((r) => r.status === 'open' && r.unit === '城西派出所').sort((a, b) => b.lastSeen - a.lastSeen).slice(0, 50);
      }),
    );
  }
  // Reports over the same 100,000 rows (plus a page check per case): weekly and monthly, through
  // indexes, against the same figures computed from a full read of the log.
  const checks: PageCheck[] = [];
  for (let i = 0; i < n; i += 4) {
    const r = row(i, now);
    checks.push({ visit: `c${i}`, caseKey: r.caseKey, caseNumber: r.caseNumber, caseKind: r.caseKind, unit: r.unit, officers: r.officers, url: r.pageUrl, at: r.firstSeen, findingsCount: 4 });
  }
  for (let i = 0; i < checks.length; i += 5000) await db.pageChecks.bulkAdd(checks.slice(i, i + 5000));
  const pack = defaultPack();
  const week = weekPeriod(now - 3 * 86_400_000);
  const month = monthPeriod(now - 3 * 86_400_000);
  const weeklyMs: number[] = [];
  const weeklyScanMs: number[] = [];
  const monthlyMs: number[] = [];
  const monthlyScanMs: number[] = [];
  let sameWeekly = true;
  let sameMonthly = true;
  for (let k = 0; k < 5; k++) {
    let a = '';
    let b = '';
    weeklyMs.push(await time(async () => void (a = JSON.stringify(weeklyDoc(weeklyReport(await loadRange(db, previous(week).start, week.end), week), pack, null)))));
    weeklyScanMs.push(await time(async () => void (b = JSON.stringify(weeklyDoc(weeklyReport(await loadAll(db), week), pack, null)))));
    sameWeekly &&= a === b;
    monthlyMs.push(
      await time(async () => {
        const { data, newCounts } = await loadMonthly(db, month);
        a = JSON.stringify(monthlyDoc(monthlyBulletin(data, month, 6, newCounts), pack, null));
      }),
    );
    monthlyScanMs.push(await time(async () => void (b = JSON.stringify(monthlyDoc(monthlyBulletin(await loadAll(db), month), pack, null)))));
    sameMonthly &&= a === b;
  }
  const rows = await db.findings.count();
  db.close();
  await Dexie.delete('caselint-bench');
  return {
    rows,
    insertMs,
    logPageMs: median(logMs),
    firstScreenMs: median(firstMs),
    firstScreenFilteredMs: median(filteredMs),
    countOpenMs: median(countMs),
    fullScanMs: median(scanMs),
    fullScanFilteredMs: median(scanFilteredMs),
    weeklyMs: median(weeklyMs),
    weeklyScanMs: median(weeklyScanMs),
    monthlyMs: median(monthlyMs),
    monthlyScanMs: median(monthlyScanMs),
    sameFigures: sameWeekly && sameMonthly,
  };
}

(window as unknown as { __caselintLogBench: typeof runLogBench }).__caselintLogBench = runLogBench;
