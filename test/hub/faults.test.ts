/**
 * Faults on a real PostgreSQL server (#21.6): the server restarted in the middle of a browser's
 * sync, and the hub process killed while a batch is on its way — the batch in flight fails, the
 * browser says so and retries on its next round, and the hub ends with every row exactly once.
 */
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUnit } from '../../hub/admin';
import { openDatabase, type HubDatabase } from '../../hub/db/connect';
import { buildHub } from '../../hub/server';
import { CaseLintDb } from '../../lib/db/database';
import { event, type FindingRow } from '../../lib/db/rows';
import { HUB_BATCH, syncWithHub, type HubSyncState } from '../../lib/hub/sync';
import { freePort } from '../free-port';
import { throwaway, type TestPostgres } from './postgres';

const T0 = Date.UTC(2026, 10, 16, 2);
let server: TestPostgres;
let hub: HubDatabase;
let app: FastifyInstance;
let url: string;
let code: string;

beforeAll(async () => {
  server = await throwaway();
  hub = await openDatabase({ url: server.url });
  app = await buildHub({ db: hub.db });
  code = await createUnit(hub.db, '城西派出所');
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await hub?.close();
  await server?.stop();
});

const row = (i: number): FindingRow => ({
  id: `r${i}`, key: `XS2026-${i}|/d|detention-custody-24h|detention.custodyAt|`, caseNumber: `XS2026-${i}`, caseKey: `XS2026-${i}`, document: '/d', caseKind: '刑事', unit: '城西派出所',
  officers: ['王伟'], ruleId: 'detention-custody-24h', category: 'detention', severity: 'error', kind: 'violation', fieldKey: 'detention.custodyAt', row: null, rows: null,
  message: '送看守所时间晚于拘留时间27小时30分，超过法定24小时', basis: '《中华人民共和国刑事诉讼法》第八十五条第二款', pageUrl: 'http://10.1.2.3/x', firstSeen: T0, lastSeen: T0, timesSeen: 1,
  lastVisit: 'v', status: 'open', fixedAt: null, reviewer: null, reviewerUnit: null, subjectiveLevel: null, dismissReason: null, note: null, updatedAt: T0 + i, reviewedAt: null,
  history: [event({ event: 'first-seen', at: T0 })],
});

it('PostgreSQL restarted mid-sync: the batch in flight is retried, nothing lost, nothing doubled', { timeout: 120_000 }, async () => {
  const db = new CaseLintDb(`pg-restart-${Math.random()}`);
  await db.findings.bulkAdd(Array.from({ length: 3 * HUB_BATCH }, (_, i) => row(i)));
  let state: HubSyncState | null = null;
  let batches = 0;
  let restarting: Promise<void> | undefined;
  const deps = {
    db, hub: { url, enrollmentCode: code }, user: { name: '王伟' }, deviceName: 'b', load: async () => state, save: async (s: HubSyncState) => void (state = structuredClone(s)), saveServed: async () => {}, now: () => T0,
    // The database server restarts while the second batch is being written.
    fetch: (async (input, init) => {
      if (String(input).endsWith('/api/sync') && ++batches === 2) restarting = server.restart!();
      return fetch(input, init);
    }) as typeof fetch,
  };
  const first = await syncWithHub(deps);
  await restarting;
  const count = async () => Number((await hub.db.selectFrom('findings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // A request in flight failed (its transaction cut): the browser says so; its cursor stays.
  expect(first.lastError).toMatch(/^无法连接汇总服务/);
  // The next rounds finish the job.
  for (let i = 0; i < 3 && (await syncWithHub(deps)).lastError; i++);
  expect(state!.lastError).toBeNull();
  expect(await count()).toBe(3 * HUB_BATCH);
  const keys = await hub.db.selectFrom('findings').select('key').execute();
  expect(new Set(keys.map((k) => k.key)).size).toBe(3 * HUB_BATCH);
  db.close();
});

it('the hub killed mid-batch (SIGKILL) and started again: nothing lost, nothing doubled', { timeout: 180_000 }, async () => {
  // The real hub process (`npm run hub`'s entry point) on the same PostgreSQL server.
  const port = await freePort();
  const start = async () => {
    // node itself runs the hub (tsx's CLI would run it in a child process, which a kill would miss).
    const child = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], { env: { ...process.env, PORT: String(port), DATABASE_URL: server.url, HUB_ADMIN_PASSWORD: 'admin-password-1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (b) => (out += b));
    child.stderr!.on('data', (b) => (out += b));
    for (let i = 0; i < 600 && !out.includes('CaseLint 汇总服务 / hub:'); i++) await new Promise((r) => setTimeout(r, 100));
    if (!out.includes('CaseLint 汇总服务 / hub:')) throw new Error(`hub did not start: ${out}`);
    return child;
  };
  let child = await start();
  const db = new CaseLintDb(`hub-kill-${Math.random()}`);
  await db.findings.bulkAdd(Array.from({ length: 4 * HUB_BATCH }, (_, i) => row(100_000 + i)));
  let state: HubSyncState | null = null;
  let batches = 0;
  const deps = {
    db, hub: { url: `http://127.0.0.1:${port}`, enrollmentCode: code }, user: { name: '王伟' }, deviceName: 'k', load: async () => state,
    save: async (s: HubSyncState) => void (state = structuredClone(s)), saveServed: async () => {}, now: () => T0,
    // The second batch is on its way when the hub process is killed.
    fetch: (async (input, init) => {
      if (String(input).endsWith('/api/sync') && ++batches === 2) setTimeout(() => child.kill('SIGKILL'), 20);
      return fetch(input, init);
    }) as typeof fetch,
  };
  const keysOf = async () => (await hub.db.selectFrom('findings').select('key').execute()).map((k) => k.key).filter((k) => /^XS2026-1\d{5}\|/.test(k));
  const first = await syncWithHub(deps);
  expect(first.lastError).toMatch(/^无法连接汇总服务/);
  expect((await keysOf()).length).toBeLessThan(4 * HUB_BATCH);
  child = await start();
  const again = await syncWithHub(deps);
  expect(again.lastError).toBeNull();
  const keys = await keysOf();
  expect(keys).toHaveLength(4 * HUB_BATCH);
  expect(new Set(keys).size).toBe(4 * HUB_BATCH);
  child.kill('SIGTERM');
  db.close();
});
