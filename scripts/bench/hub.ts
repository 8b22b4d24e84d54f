/**
 * The hub under a branch's load (#21.7), on loopback, bounded in count and time: 1,000 browsers
 * each pushing a day's findings (throughput, p50/p99 per request, against the floor of one plain
 * multi-row INSERT of the same rows), and the branch's weekly report over 10 million findings
 * (time through the indexes against a forced full scan, with the query plan). PostgreSQL: the
 * server in DATABASE_URL, else a throwaway cluster of Debian's postgresql.
 */
import { sql } from 'kysely';
import { createUnit } from '../../hub/admin';
import { sha256 } from '../../hub/auth';
import { openDatabase } from '../../hub/db/connect';
import { buildHub } from '../../hub/server';
import { reportSource } from '../../hub/store';
import { event, type FindingRow } from '../../lib/db/rows';
import { buildReport } from '../../lib/reports/build';
import { defaultPack } from '../../rules/packs/default';
import { testPostgres } from '../../test/hub/postgres';

const BROWSERS = Number(process.env.BENCH_HUB_BROWSERS ?? 1000);
const PER_BROWSER = 20;
const REPORT_ROWS = Number(process.env.BENCH_HUB_ROWS ?? 10_000_000);
const CONCURRENCY = 50;
const DAY = 86_400_000;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

function dayOf(browser: number, unit: string, at: number): FindingRow[] {
  return Array.from({ length: PER_BROWSER }, (_, j) => {
    const caseNumber = `XS2026-${String(browser).padStart(4, '0')}${String(j).padStart(3, '0')}`;
    return {
      id: `b${browser}-${j}`, key: `${caseNumber}|/case/{案号}/detention|detention-family-notice-24h|detention.familyNotifiedAt|`, caseNumber, caseKey: caseNumber, document: '/case/{案号}/detention',
      caseKind: '刑事', unit, officers: [`民警${browser}`], ruleId: 'detention-family-notice-24h', category: 'detention', severity: 'error', kind: 'violation', fieldKey: 'detention.familyNotifiedAt',
      row: null, rows: null, message: '通知家属时间晚于拘留时间26小时15分，超过法定24小时（应于 2026-11-17 14:30 前通知）', basis: '《中华人民共和国刑事诉讼法》第八十五条第二款；《公安机关办理刑事案件程序规定》第一百二十七条',
      pageUrl: `http://10.1.2.3:8080/case/${caseNumber}/detention`, firstSeen: at, lastSeen: at, timesSeen: 1, lastVisit: `v${browser}`, status: 'open', fixedAt: null, reviewer: null,
      reviewerUnit: null, subjectiveLevel: null, dismissReason: null, note: null, updatedAt: at, reviewedAt: null, history: [event({ event: 'first-seen', at })],
    };
  });
}

export async function runHubBench(): Promise<void> {
  const pg = await testPostgres();
  const hub = await openDatabase({ url: pg.url });
  try {
    const units = Array.from({ length: 20 }, (_, i) => `滨江分局第${i + 1}派出所`);
    for (const u of units) await createUnit(hub.db, u);
    const tokens: string[] = [];
    for (let b = 0; b < BROWSERS; b++) {
      const token = `bench-token-${b}`;
      tokens.push(token);
      await hub.db.insertInto('devices').values({ token_hash: sha256(token), unit: units[b % units.length]!, name: `b${b}`, officer_name: `民警${b}`, badge: null, enrolled_at: Date.now(), last_seen_at: null, revoked_at: null }).execute();
    }
    const app = await buildHub({ db: hub.db, rateLimit: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const at = Date.UTC(2026, 10, 17, 2);
    const latencies: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let b = next++; b < BROWSERS; b = next++) {
          const body = JSON.stringify({ findings: dayOf(b, units[b % units.length]!, at), pageChecks: [] });
          const s = performance.now();
          const res = await fetch(`${url}/api/sync`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[b]}` }, body });
          if (!res.ok) throw new Error(`sync ${res.status}: ${await res.text()}`);
          latencies.push(performance.now() - s);
        }
      }),
    );
    const syncMs = performance.now() - t0;
    await app.close();
    // Floor: the same rows in one plain multi-row INSERT per browser (no HTTP, no merge).
    await sql`truncate findings`.execute(hub.db);
    const f0 = performance.now();
    for (let b = 0; b < BROWSERS; b++) {
      const rows = dayOf(b, units[b % units.length]!, at).map((r) => ({
        key: r.key, case_number: r.caseNumber, case_key: r.caseKey, document: r.document, case_kind: r.caseKind, unit: r.unit, officers: r.officers, rule_id: r.ruleId, category: r.category,
        severity: r.severity, kind: r.kind, field_key: r.fieldKey, row: r.row, rows: r.rows, message: r.message, basis: r.basis, page_url: r.pageUrl, first_seen: r.firstSeen, last_seen: r.lastSeen,
        times_seen: r.timesSeen, status: r.status, fixed_at: r.fixedAt, reviewer: r.reviewer, reviewer_unit: r.reviewerUnit, subjective_level: r.subjectiveLevel, dismiss_reason: r.dismissReason,
        note: r.note, updated_at: r.updatedAt, reviewed_at: r.reviewedAt, history: JSON.stringify(r.history), device_id: null, received_at: at,
      }));
      await hub.db.insertInto('findings').values(rows).execute();
    }
    const floorMs = performance.now() - f0;
    const total = BROWSERS * PER_BROWSER;
    console.log(`Hub sync (${BROWSERS.toLocaleString('en-US')} browsers × ${PER_BROWSER} findings, ${CONCURRENCY} at a time, loopback HTTP, ${hub.kind})`);
    console.log(`  all browsers synced                  ${syncMs.toFixed(0).padStart(8)} ms   ${((total / syncMs) * 1000).toFixed(0)} findings/s`);
    console.log(`  per request p50 / p99                ${quantile(latencies, 0.5).toFixed(1).padStart(8)} ms / ${quantile(latencies, 0.99).toFixed(1)} ms`);
    console.log(`  floor: plain INSERT of the same rows ${floorMs.toFixed(0).padStart(8)} ms   hub / floor = ${(syncMs / floorMs).toFixed(2)}\n`);

    // A year of a branch: REPORT_ROWS findings over 365 days, 20 units, 1,000 officers.
    await sql`truncate findings`.execute(hub.db);
    const end = Date.UTC(2026, 10, 23, 16); // Monday 2026-11-24 00:00 Beijing
    const g0 = performance.now();
    const chunk = 1_000_000;
    for (let from = 0; from < REPORT_ROWS; from += chunk) {
      const to = Math.min(REPORT_ROWS, from + chunk) - 1;
      await sql`
        insert into findings (key, case_number, case_key, document, case_kind, unit, officers, rule_id, category, severity, kind, field_key, message, basis, page_url,
          first_seen, last_seen, times_seen, status, fixed_at, updated_at, reviewed_at, reviewer, subjective_level, history, received_at)
        select 'k' || i, 'XS' || (i / 4), 'XS' || (i / 4), '/case/{案号}/detention', '刑事', '滨江分局第' || (i % 20 + 1) || '派出所', array['民警' || (i % 1000)],
          (array['detention-family-notice-24h','detention-custody-24h','bail-max-12m','adm-two-officers','id-number-valid'])[i % 5 + 1], 'detention', 'error', 'violation',
          'detention.familyNotifiedAt', '通知家属时间晚于拘留时间26小时15分，超过法定24小时', '《中华人民共和国刑事诉讼法》第八十五条第二款', 'http://10.1.2.3/x',
          ${end} - (i % 365) * ${DAY}::bigint - (i % 86400) * 1000, ${end} - (i % 365) * ${DAY}::bigint, 1,
          (array['open','fixed','confirmed','dismissed'])[i % 4 + 1],
          case when i % 4 = 1 then ${end} - (i % 365) * ${DAY}::bigint + 3600000 end, ${end} - (i % 365) * ${DAY}::bigint,
          case when i % 4 >= 2 then ${end} - (i % 365) * ${DAY}::bigint + 7200000 end, case when i % 4 >= 2 then '李审核' end,
          case when i % 4 = 2 then '疏忽大意' end, '[]', ${end}
        from generate_series(${from}::bigint, ${to}::bigint) as i`.execute(hub.db);
    }
    await sql`insert into page_checks (visit, case_key, case_number, unit, officers, url, at, findings_count)
      select 'v' || i, 'XS' || i, 'XS' || i, '滨江分局第' || (i % 20 + 1) || '派出所', array[]::text[], 'http://10.1.2.3/x', ${end} - (i % 365) * ${DAY}::bigint, 1
      from generate_series(0, ${Math.floor(REPORT_ROWS / 4)}::bigint) as i`.execute(hub.db);
    await sql`analyze`.execute(hub.db);
    const genMs = performance.now() - g0;
    const pack = defaultPack();
    const at2 = end - 3 * DAY;
    const w0 = performance.now();
    const { doc } = await buildReport(reportSource(hub.db, {}), pack, { kind: 'weekly', at: at2, unit: null });
    const weeklyMs = performance.now() - w0;
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select * from findings where first_seen >= ${end - 14 * DAY} and first_seen < ${end}`.execute(hub.db);
    await sql`set enable_indexscan = off`.execute(hub.db);
    await sql`set enable_bitmapscan = off`.execute(hub.db);
    const s0 = performance.now();
    await sql`select count(*) from findings where first_seen >= ${end - 14 * DAY} and first_seen < ${end}`.execute(hub.db);
    const scanMs = performance.now() - s0;
    await sql`reset all`.execute(hub.db);
    const c0 = performance.now();
    await sql`select count(*) from findings where first_seen >= ${end - 14 * DAY} and first_seen < ${end}`.execute(hub.db);
    const indexedCountMs = performance.now() - c0;
    const newRow = doc.sections[0]!.rows.find((r) => r[0] === '新发现问题');
    console.log(`Hub weekly report (周结) over ${REPORT_ROWS.toLocaleString('en-US')} findings (generated in ${(genMs / 1000).toFixed(0)} s)`);
    console.log(`  whole report (rows + figures)        ${weeklyMs.toFixed(0).padStart(8)} ms   新发现 this week ${newRow?.[1]}`);
    console.log(`  two weeks' rows counted, indexes     ${indexedCountMs.toFixed(0).padStart(8)} ms   forced full scan ${scanMs.toFixed(0)} ms   ratio ${(scanMs / indexedCountMs).toFixed(1)}× faster`);
    console.log(`  query plan: ${plan.rows.map((r) => r['QUERY PLAN'].trim()).join(' | ')}\n`);
  } finally {
    await hub.close();
    await pg.stop();
  }
}

if (process.argv[1]?.endsWith('hub.ts')) void runHubBench().catch((e) => {
  console.error(e);
  process.exit(1);
});
