/**
 * A browser's outbox against a running hub (Fastify on PGlite, over HTTP): enrollment, batches,
 * and the faults that must lose and double nothing — the hub answering nothing mid-batch (the
 * batch was taken, the answer lost), a day offline with the log growing meanwhile, a revoked
 * browser; then the user's own open findings pulled (点对点预警).
 */
import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createUnit } from '../../hub/admin';
import { openDatabase, type HubDatabase } from '../../hub/db/connect';
import { buildHub } from '../../hub/server';
import { CaseLintDb } from '../../lib/db/database';
import { event, type FindingRow } from '../../lib/db/rows';
import { HUB_BATCH, syncWithHub, type HubServedConfig, type HubSyncDeps, type HubSyncState } from '../../lib/hub/sync';

const T0 = Date.UTC(2026, 10, 16, 2);

function row(i: number, o: Partial<FindingRow> = {}): FindingRow {
  const caseNumber = `XS2026-${String(i).padStart(5, '0')}`;
  return {
    id: `r${i}`, key: `${caseNumber}|/case/{案号}/detention|detention-family-notice-24h|detention.familyNotifiedAt|`, caseNumber, caseKey: caseNumber, document: '/case/{案号}/detention',
    caseKind: '刑事', unit: '城西派出所', officers: i % 2 ? ['王伟'] : ['张磊'], ruleId: 'detention-family-notice-24h', category: 'detention', severity: 'error', kind: 'violation',
    fieldKey: 'detention.familyNotifiedAt', row: null, rows: null, message: '通知家属时间晚于拘留时间26小时15分，超过法定24小时', basis: '《中华人民共和国刑事诉讼法》第八十五条第二款',
    pageUrl: `http://10.1.2.3/case/${caseNumber}/detention`, firstSeen: T0, lastSeen: T0, timesSeen: 1, lastVisit: 'v', status: 'open', fixedAt: null, reviewer: null, reviewerUnit: null,
    subjectiveLevel: null, dismissReason: null, note: null, updatedAt: T0 + (i % 7), reviewedAt: null, history: [event({ event: 'first-seen', at: T0 })], ...o,
  };
}

let hub: HubDatabase;
let app: FastifyInstance;
let url: string;
let code: string;

beforeAll(async () => {
  hub = await openDatabase({ dataDir: null });
  app = await buildHub({ db: hub.db });
  code = await createUnit(hub.db, '城西派出所');
  await createAccount(hub.db, { login: 'admin', password: 'admin-password-1', role: 'admin' });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await hub?.close();
});

function browserOf(db: CaseLintDb, fetchImpl: typeof fetch = fetch) {
  let state: HubSyncState | null = null;
  let served: HubServedConfig | null = null;
  const deps: HubSyncDeps = {
    db, hub: { url, enrollmentCode: code }, user: { name: '王伟' }, deviceName: '城西派出所 王伟的浏览器',
    load: async () => state, save: async (s) => void (state = structuredClone(s)), saveServed: async (c) => void (served = c), fetch: fetchImpl, now: () => T0 + 3_600_000,
  };
  return { deps, state: () => state!, served: () => served };
}

const hubCount = async () => Number((await hub.db.selectFrom('findings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('the outbox', () => {
  it('pushes the whole log in batches, then only what changed; a lost answer mid-batch doubles nothing', { timeout: 120_000 }, async () => {
    const db = new CaseLintDb(`sync-${Math.random()}`);
    await db.findings.bulkAdd(Array.from({ length: 2 * HUB_BATCH + 200 }, (_, i) => row(i)));
    await db.pageChecks.bulkAdd([{ visit: 'v1', caseKey: 'XS2026-00001', caseNumber: 'XS2026-00001', caseKind: '刑事', unit: '城西派出所', officers: ['王伟'], url: 'http://10.1.2.3/x', at: T0, findingsCount: 1 }]);
    // The hub takes the second batch, but its answer never arrives (killed before replying).
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).endsWith('/api/sync') && ++calls === 2) throw new TypeError('Failed to fetch');
      return res;
    };
    const b = browserOf(db, flaky);
    const first = await syncWithHub(b.deps);
    expect(first.lastError).toMatch(/^无法连接汇总服务/);
    expect(first.token).toBeTruthy();
    expect(await hubCount()).toBe(2 * HUB_BATCH);
    // Next round (the alarm): the unanswered batch is sent again, and the rest.
    const second = await syncWithHub({ ...b.deps, fetch });
    expect(second.lastError).toBeNull();
    expect(await hubCount()).toBe(2 * HUB_BATCH + 200);
    expect(await hub.db.selectFrom('page_checks').selectAll().execute()).toHaveLength(1);
    // Nothing new: nothing sent.
    let sent = 0;
    await syncWithHub({ ...b.deps, fetch: async (i, init) => (String(i).endsWith('/api/sync') && sent++, fetch(i, init)) });
    expect(sent).toBe(0);
    // A review changes a row: only it goes.
    await db.findings.update('r3', { status: 'confirmed', reviewer: '李审核', reviewedAt: T0 + 7200_000, updatedAt: T0 + 7200_000 });
    const bodies: number[] = [];
    await syncWithHub({ ...b.deps, fetch: async (i, init) => (String(i).endsWith('/api/sync') && bodies.push(JSON.parse(String(init!.body)).findings.length), fetch(i, init)) });
    expect(bodies).toEqual([1]);
    expect((await hub.db.selectFrom('findings').select('status').where('key', '=', row(3).key).executeTakeFirstOrThrow()).status).toBe('confirmed');
    db.close();
  });

  it('a day offline: nothing is lost, everything goes when the hub is back', async () => {
    const db = new CaseLintDb(`offline-${Math.random()}`);
    const before = await hubCount();
    await db.findings.bulkAdd(Array.from({ length: 30 }, (_, i) => row(10_000 + i)));
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const b = browserOf(db, offline);
    for (let hour = 0; hour < 24; hour++) {
      const s = await syncWithHub(b.deps);
      expect(s.lastError).toMatch(/未同步的记录不会丢失/);
      await db.findings.add(row(20_000 + hour));
    }
    const back = await syncWithHub({ ...b.deps, fetch });
    expect(back.lastError).toBeNull();
    expect((await hubCount()) - before).toBe(30 + 24);
    db.close();
  });

  it('pulls the user’s own open findings; a revoked browser stops and says so', async () => {
    const db = new CaseLintDb(`mine-${Math.random()}`);
    const b = browserOf(db);
    const s = await syncWithHub(b.deps);
    expect(s.mine.officer).toBe('王伟');
    expect(s.mine.findings.length).toBeGreaterThan(0);
    expect(s.mine.findings.every((f) => f.caseNumber.startsWith('XS2026-'))).toBe(true);
    // And what the hub serves (rule overrides, pack, holiday years) is kept for the configuration.
    expect(b.served()).toMatchObject({ ruleOverrides: {}, rulePack: null, calendars: [] });
    const devices = await hub.db.selectFrom('devices').select('id').execute();
    await hub.db.updateTable('devices').set({ revoked_at: T0 }).where('id', 'in', devices.map((d) => d.id)).execute();
    await db.findings.add(row(30_000));
    const refused = await syncWithHub(b.deps);
    expect(refused.revoked).toBe(true);
    expect(refused.lastError).toMatch(/已停用本机/);
    let calls = 0;
    await syncWithHub({ ...b.deps, fetch: async (i, init) => (calls++, fetch(i, init)) });
    expect(calls).toBe(0);
    db.close();
  });
});
