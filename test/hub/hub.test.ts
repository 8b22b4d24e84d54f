/**
 * The hub against both of its databases — PGlite (the embedded default) and a real PostgreSQL
 * server: enrollment, idempotent sync (a batch sent twice, the same finding from two browsers,
 * newer edits win, histories joined), scopes (法制大队 all units, a unit's 法制员 its own, an officer
 * his own findings), who may call each route and who may not, CSRF, revoked devices, hashed
 * secrets and the access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, type FindingRow, type PageCheck } from '../../lib/db/rows';
import { createAccount, createUnit } from '../../hub/admin';
import { openDatabase, type HubDatabase } from '../../hub/db/connect';
import { migrate } from '../../hub/db/migrations';
import { buildHub, SESSION_COOKIE } from '../../hub/server';
import { testPostgres, type TestPostgres } from './postgres';

const T0 = Date.UTC(2026, 10, 16, 2); // Monday 2026-11-16 10:00 Beijing
const H = 3_600_000;

function finding(key: string, o: Partial<FindingRow> = {}): FindingRow {
  return {
    id: `id-${key.slice(0, 12)}`, key, caseNumber: key.split('|')[0]!, caseKey: key.split('|')[0]!, document: '/case/{案号}/detention', caseKind: '刑事', unit: '城西派出所', officers: ['王伟', '张磊'],
    ruleId: 'detention-family-notice-24h', category: 'detention', severity: 'error', kind: 'violation', fieldKey: 'detention.familyNotifiedAt', row: null, rows: null,
    message: '通知家属时间晚于拘留时间26小时15分，超过法定24小时', basis: '《中华人民共和国刑事诉讼法》第八十五条第二款', pageUrl: 'http://10.1.2.3/case/x/detention',
    firstSeen: T0, lastSeen: T0, timesSeen: 1, lastVisit: 'v1', status: 'open', fixedAt: null, reviewer: null, reviewerUnit: null, subjectiveLevel: null, dismissReason: null, note: null,
    updatedAt: T0, reviewedAt: null, history: [event({ event: 'first-seen', at: T0 })], ...o,
  };
}
const check = (visit: string, caseNumber: string, unit: string, n: number): PageCheck => ({ visit, caseKey: caseNumber, caseNumber, caseKind: '刑事', unit, officers: ['王伟'], url: `http://10.1.2.3/case/${caseNumber}`, at: T0, findingsCount: n });

let pgServer: TestPostgres;
beforeAll(async () => {
  pgServer = await testPostgres();
}, 60_000);
afterAll(async () => {
  await pgServer?.stop();
});

describe.each([
  ['PGlite', () => openDatabase({ dataDir: null })],
  ['PostgreSQL', () => openDatabase({ url: pgServer.url })],
])('hub on %s', (_name, open) => {
  let hub: HubDatabase;
  let app: Awaited<ReturnType<typeof buildHub>>;
  const codes: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  const asDevice = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const asAccount = (who: string, csrf = true) => ({ cookie: `${SESSION_COOKIE}=${sessions[who]!.cookie}`, ...(csrf ? { 'x-csrf-token': sessions[who]!.csrf } : {}) });
  const sync = (who: string, findings: FindingRow[], pageChecks: PageCheck[] = []) => app.inject({ method: 'POST', url: '/api/sync', headers: asDevice(who), payload: { findings, pageChecks } });

  beforeAll(async () => {
    hub = await open();
    // The migrations run once: opening again changes nothing.
    app = await buildHub({ db: hub.db, now: () => T0 + 48 * H });
    codes.west = await createUnit(hub.db, '城西派出所');
    codes.north = await createUnit(hub.db, '城北派出所');
    await createAccount(hub.db, { login: 'admin', password: 'admin-password-1', role: 'admin' });
    await createAccount(hub.db, { login: 'fzdd', password: 'branch-password-1', role: 'branch' });
    await createAccount(hub.db, { login: 'west-fzy', password: 'unit-password-1', role: 'unit', unit: '城西派出所' });
    await createAccount(hub.db, { login: 'wangwei', password: 'officer-password-1', role: 'officer', unit: '城西派出所', officerName: '王伟', badge: '012345' });
    for (const [who, password] of [['admin', 'admin-password-1'], ['fzdd', 'branch-password-1'], ['west-fzy', 'unit-password-1'], ['wangwei', 'officer-password-1']] as const) {
      const r = await app.inject({ method: 'POST', url: '/api/login', payload: { login: who, password } });
      expect(r.statusCode, who).toBe(200);
      const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Strict');
      sessions[who] = { cookie: cookie.value, csrf: r.json().csrf };
    }
    for (const [who, unit, officerName] of [['west', 'west', '王伟'], ['west2', 'west', null], ['north', 'north', '刘洋']] as const) {
      const r = await app.inject({ method: 'POST', url: '/api/enroll', payload: { code: codes[unit], name: `${who} 的浏览器`, officerName } });
      expect(r.statusCode).toBe(200);
      tokens[who] = r.json().token;
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await hub?.close();
  });

  it('migrations are versioned: opening the database again runs none', async () => {
    const rows = await hub.db.selectFrom('kysely_migration' as never).selectAll().execute();
    expect(rows.map((r) => (r as { name: string }).name)).toEqual(['0001_init', '0002_config']);
    expect(await migrate(hub.db as never)).toEqual([]);
  });

  it('enrollment needs a unit’s code; secrets are stored only as hashes', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/enroll', payload: { code: 'not-a-real-code', name: 'x' } })).statusCode).toBe(403);
    const devices = await hub.db.selectFrom('devices').selectAll().execute();
    for (const d of devices) expect(Object.values(tokens)).not.toContain(d.token_hash);
    const accounts = await hub.db.selectFrom('accounts').select('password_hash').execute();
    for (const a of accounts) expect(a.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    const units = await hub.db.selectFrom('units').select('enrollment_code_hash').execute();
    for (const u of units) expect(Object.values(codes)).not.toContain(u.enrollment_code_hash);
  });

  it('sync is idempotent: a batch sent twice is one set of rows; the same finding from two browsers is one', async () => {
    const batch = [finding('XS2026-0001|/case/{案号}/detention|detention-family-notice-24h|detention.familyNotifiedAt|'), finding('XS2026-0002|/case/{案号}/detention|detention-custody-24h|detention.custodyAt|', { ruleId: 'detention-custody-24h' })];
    const first = await sync('west', batch, [check('v-1', 'XS2026-0001', '城西派出所', 1), check('v-2', 'XS2026-0002', '城西派出所', 1)]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().findings).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const again = await sync('west', batch, [check('v-1', 'XS2026-0001', '城西派出所', 1)]);
    expect(again.json().findings).toEqual({ added: 0, updated: 0, unchanged: 2 });
    // Another browser of the unit saw the first one too, later.
    const other = await sync('west2', [finding(batch[0]!.key, { id: 'other-id', lastSeen: T0 + H, timesSeen: 2, lastVisit: 'v9' })]);
    expect(other.json().findings).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const rows = await hub.db.selectFrom('findings').selectAll().where('key', 'in', batch.map((b) => b.key)).execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.key === batch[0]!.key)).toMatchObject({ last_seen: T0 + H, times_seen: 2 });
    expect(await hub.db.selectFrom('page_checks').selectAll().execute()).toHaveLength(2);
    // One finding twice in one batch (a retry queued behind the first): one row, the sightings joined.
    const twice = 'XS2026-0009|/case/{案号}/detention|detention-family-notice-24h|detention.familyNotifiedAt|';
    const r = await sync('west', [finding(twice), finding(twice, { lastSeen: T0 + 2 * H, timesSeen: 3, updatedAt: T0 + 2 * H })]);
    expect(r.json().findings).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await hub.db.selectFrom('findings').select(['times_seen', 'last_seen']).where('key', '=', twice).executeTakeFirstOrThrow()).toEqual({ times_seen: 3, last_seen: T0 + 2 * H });
  });

  it('the newer review wins and histories are joined, whichever order they arrive in', async () => {
    const key = 'XS2026-0003|/case/{案号}/detention|detention-family-notice-24h|detention.familyNotifiedAt|';
    const confirmedAt = T0 + 2 * H;
    const confirmed = finding(key, {
      status: 'confirmed', reviewer: '李审核', reviewerUnit: '法制大队', subjectiveLevel: '疏忽大意', note: '已补正', reviewedAt: confirmedAt, updatedAt: confirmedAt,
      history: [event({ event: 'first-seen', at: T0 }), event({ event: 'confirmed', at: confirmedAt, reviewer: '李审核', subjectiveLevel: '疏忽大意', note: '已补正' })],
    });
    await sync('west', [confirmed]);
    // An older copy (a browser that was offline) arrives after: it changes nothing.
    const stale = await sync('west2', [finding(key, { timesSeen: 1 })]);
    expect(stale.json().findings.unchanged).toBe(1);
    const row = await hub.db.selectFrom('findings').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'confirmed', reviewer: '李审核', subjective_level: '疏忽大意' });
    expect((row.history as { event: string }[]).map((e) => e.event)).toEqual(['first-seen', 'confirmed']);
  });

  it('who may call each route, and who may not', async () => {
    const routes: { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: object; allowed: string[] }[] = [
      { method: 'GET', url: '/api/config', allowed: ['device'] },
      { method: 'PUT', url: '/api/config', payload: { ruleOverrides: { 'adm-two-officers': { severity: 'warning' } }, rulePack: null, calendars: [] }, allowed: ['admin'] },
      { method: 'POST', url: '/api/sync', payload: { findings: [], pageChecks: [] }, allowed: ['device'] },
      { method: 'GET', url: '/api/mine', allowed: ['device'] },
      { method: 'GET', url: `/api/report-data?from=${T0 - 24 * H}&to=${T0 + 24 * H}`, allowed: ['admin', 'fzdd', 'west-fzy', 'wangwei'] },
      { method: 'GET', url: `/api/count-new?starts=${T0}&ends=${T0 + H}`, allowed: ['admin', 'fzdd', 'west-fzy', 'wangwei'] },
      { method: 'GET', url: `/api/report?kind=weekly&at=${T0}`, allowed: ['admin', 'fzdd', 'west-fzy', 'wangwei'] },
      { method: 'GET', url: '/api/me', allowed: ['admin', 'fzdd', 'west-fzy', 'wangwei'] },
      { method: 'GET', url: '/api/units', allowed: ['admin', 'fzdd'] },
      { method: 'POST', url: '/api/units', payload: { name: '城南派出所' }, allowed: ['admin'] },
      { method: 'POST', url: '/api/accounts', payload: { login: `x${Math.random()}`, password: 'long-enough-pw', role: 'branch' }, allowed: ['admin'] },
      { method: 'GET', url: '/api/devices', allowed: ['admin'] },
      { method: 'GET', url: '/api/access-log', allowed: ['admin'] },
      { method: 'POST', url: '/api/devices/999999/revoke', allowed: [] },
    ];
    for (const r of routes) {
      for (const who of ['anonymous', 'device', 'admin', 'fzdd', 'west-fzy', 'wangwei']) {
        const headers = who === 'anonymous' ? {} : who === 'device' ? asDevice('west') : asAccount(who);
        const payload = r.url === '/api/accounts' ? { ...r.payload, login: `x-${who}-${Math.random()}` } : r.payload;
        const res = await app.inject({ method: r.method, url: r.url, headers, ...(payload ? { payload } : {}) });
        const ok = res.statusCode === 200;
        expect(ok, `${who} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 80)}`).toBe(r.allowed.includes(who));
        if (!ok) expect([401, 403, 404]).toContain(res.statusCode);
      }
    }
  });

  it('serves its browsers the branch’s rule overrides (a bad pack is refused, naming the path)', async () => {
    const bad = await app.inject({ method: 'PUT', url: '/api/config', headers: asAccount('admin'), payload: { ruleOverrides: {}, rulePack: { format: 'caselint.pack/v1' }, calendars: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^rulePack: /);
    const put = await app.inject({ method: 'PUT', url: '/api/config', headers: asAccount('admin'), payload: { ruleOverrides: { 'detention-custody-24h': { enabled: false } }, rulePack: null, calendars: [] } });
    expect(put.statusCode).toBe(200);
    const got = (await app.inject({ method: 'GET', url: '/api/config', headers: asDevice('west') })).json();
    expect(got.config.ruleOverrides).toEqual({ 'detention-custody-24h': { enabled: false } });
  });

  it('browsers’ routes answer other origins (bearer tokens, no cookies); people’s routes do not', async () => {
    const pre = await app.inject({ method: 'OPTIONS', url: '/api/sync', headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(pre.headers['access-control-allow-headers']).toContain('authorization');
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    const people = await app.inject({ method: 'GET', url: '/api/me', headers: { origin: 'http://evil.example', ...asAccount('fzdd') } });
    expect(people.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a session’s state-changing call without its CSRF token is refused', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/units', headers: asAccount('admin', false), payload: { name: '城东派出所' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toBe('CSRF 校验失败');
  });

  it('scopes: 法制大队 sees every unit, a unit’s 法制员 only its own, an officer only his own findings', async () => {
    await sync('north', [finding('XS2026-0100|/case/{案号}/detention|detention-family-notice-24h|detention.familyNotifiedAt|', { unit: '城北派出所', officers: ['刘洋'] })], [check('v-n', 'XS2026-0100', '城北派出所', 1)]);
    await sync('west', [finding('XS2026-0004|/case/{案号}/detention|detention-family-notice-24h|detention.familyNotifiedAt|', { officers: ['张磊'] })]);
    const range = `/api/report-data?from=${T0 - 24 * H}&to=${T0 + 24 * H}`;
    const units = async (who: string) => new Set(((await app.inject({ method: 'GET', url: range, headers: asAccount(who) })).json().findings as FindingRow[]).map((f) => f.unit));
    expect(await units('fzdd')).toEqual(new Set(['城西派出所', '城北派出所']));
    expect(await units('west-fzy')).toEqual(new Set(['城西派出所']));
    const mine = (await app.inject({ method: 'GET', url: range, headers: asAccount('wangwei') })).json().findings as FindingRow[];
    expect(mine.length).toBeGreaterThan(0);
    for (const f of mine) expect(f.officers).toContain('王伟');
    // Reports are computed on the hub within the same scopes: the unit 法制员's 周结 lists only the unit.
    const unitsIn = async (who: string) => {
      const doc = (await app.inject({ method: 'GET', url: `/api/report?kind=weekly&at=${T0}`, headers: asAccount(who) })).json().doc as { sections: { name: string; rows: unknown[][] }[]; unit: string };
      return { head: doc.unit, units: doc.sections.find((s) => s.name === '各单位')!.rows.map((r) => r[0]).filter((u) => u !== '合计') };
    };
    expect(await unitsIn('fzdd')).toEqual({ head: '全部单位', units: expect.arrayContaining(['城西派出所', '城北派出所']) });
    expect(await unitsIn('west-fzy')).toEqual({ head: '城西派出所', units: ['城西派出所'] });
    // A browser pulls its officer's own open findings (点对点).
    const pulled = (await app.inject({ method: 'GET', url: '/api/mine', headers: asDevice('north') })).json();
    expect(pulled.officer).toBe('刘洋');
    expect((pulled.findings as FindingRow[]).map((f) => f.caseNumber)).toEqual(['XS2026-0100']);
    // Reads of case rows are logged: who read which cases.
    const log = (await app.inject({ method: 'GET', url: '/api/access-log', headers: asAccount('admin') })).json().entries as { route: string; case_numbers: string[]; device_id: number | null }[];
    expect(log.find((e) => e.route === 'GET /api/mine' && e.case_numbers.includes('XS2026-0100'))).toBeTruthy();
  });

  it('a revoked browser can no longer sync', async () => {
    const devices = (await app.inject({ method: 'GET', url: '/api/devices', headers: asAccount('admin') })).json().devices as { id: number; name: string }[];
    const id = devices.find((d) => d.name === 'west2 的浏览器')!.id;
    expect((await app.inject({ method: 'POST', url: `/api/devices/${id}/revoke`, headers: asAccount('admin') })).statusCode).toBe(200);
    const r = await sync('west2', []);
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toBe('设备未登记或已被停用');
  });

  it('signing out needs a session and its CSRF token; the session is gone after', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/logout' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/logout', headers: asDevice('west') })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/logout', headers: asAccount('wangwei', false) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/logout', headers: asAccount('wangwei') })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: asAccount('wangwei') })).statusCode).toBe(401);
  });

  it('a wrong password and an unknown login get the same answer', async () => {
    const a = await app.inject({ method: 'POST', url: '/api/login', payload: { login: 'admin', password: 'wrong-password' } });
    const b = await app.inject({ method: 'POST', url: '/api/login', payload: { login: 'nobody', password: 'wrong-password' } });
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json()).toEqual(b.json());
  });
});
