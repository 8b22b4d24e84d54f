/**
 * The unit hub (汇总服务): one branch's browsers push their findings here; its 法制大队 and units
 * read branch-wide reports; officers get their own open findings (点对点预警). Every route says who
 * may call it — an enrolled browser (bearer token) or a signed-in account of certain roles — and
 * every read is limited to the caller's scope (hub/auth.ts). Reads of case rows are logged.
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { FindingRowSchema, PageCheckSchema } from '../lib/db/rows';
import { HubServedConfigSchema } from '../lib/hub/sync';
import { validatePack, type Pack } from '../rules/pack';
import { defaultPack } from '../rules/packs/default';
import { buildReport, REPORT_KINDS } from '../lib/reports/build';
import { z } from '../rules/zod';
import { newSecret, safeEqual, scopeOf, sha256, verifyPassword, type AccountActor, type Actor, type DeviceActor } from './auth';
import { createAccount, createUnit } from './admin';
import { ROLES, type HubRole, type HubSchema } from './db/schema';
import { countNew, ingest, loadRange, openFindingsOf, reportSource } from './store';

export const SESSION_COOKIE = 'caselint_hub';
const SESSION_MS = 12 * 3600_000;
/** Rows a browser sends at once (its outbox sends in batches of this size). */
export const SYNC_BATCH = 500;

export const SyncBatchSchema = z.strictObject({
  findings: z.array(FindingRowSchema).max(SYNC_BATCH),
  pageChecks: z.array(PageCheckSchema).max(SYNC_BATCH),
});
const EnrollSchema = z.strictObject({
  code: z.string().min(8).max(200),
  name: z.string().min(1).max(200),
  officerName: z.string().max(100).nullable().default(null),
  badge: z.string().max(50).nullable().default(null),
});
const LoginSchema = z.strictObject({ login: z.string().min(1).max(100), password: z.string().min(1).max(200) });
const AccountSchema = z.strictObject({
  login: z.string().min(1).max(100),
  password: z.string().min(10, '密码至少 10 位').max(200),
  role: z.enum(ROLES),
  unit: z.string().max(200).nullable().default(null),
  officerName: z.string().max(100).nullable().default(null),
  badge: z.string().max(50).nullable().default(null),
});
const RangeQuery = z.object({
  from: z.coerce.number(),
  to: z.coerce.number(),
  open: z.enum(['0', '1']).optional(),
  reviewedFrom: z.coerce.number().optional(),
  checksFrom: z.coerce.number().optional(),
});

export interface HubOptions {
  db: Kysely<HubSchema>;
  /** Cookies only over HTTPS (behind a TLS proxy, or with the hub's own certificate). */
  secureCookies?: boolean;
  /** The built web pages (hub/web → .output/hub-web). */
  webDir?: string;
  now?: () => number;
  logger?: boolean;
  /** Requests per minute and client address (off only for the loopback benchmark, all of whose browsers share one address). */
  rateLimit?: number | false;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

type Who = 'device' | readonly HubRole[];

export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 16 * 1024 * 1024, trustProxy: false });
  await app.register(cookie);
  if (options.rateLimit !== false) await app.register(rateLimit, { max: options.rateLimit ?? 1200, timeWindow: '1 minute' });

  const fail = (reply: FastifyReply, status: number, error: string) => reply.code(status).send({ ok: false, error });

  async function deviceOf(req: FastifyRequest): Promise<DeviceActor | null> {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m) return null;
    const d = await db.selectFrom('devices').selectAll().where('token_hash', '=', sha256(m[1]!)).executeTakeFirst();
    if (!d || d.revoked_at !== null) return null;
    await db.updateTable('devices').set({ last_seen_at: now() }).where('id', '=', d.id).execute();
    return { kind: 'device', id: d.id, unit: d.unit, officerName: d.officer_name, badge: d.badge };
  }

  async function accountOf(req: FastifyRequest): Promise<AccountActor | null> {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return null;
    const s = await db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select(['accounts.id', 'accounts.login', 'accounts.role', 'accounts.unit', 'accounts.officer_name', 'accounts.disabled', 'sessions.csrf', 'sessions.expires_at'])
      .where('sessions.id_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!s || s.disabled || s.expires_at < now()) return null;
    return { kind: 'account', id: s.id, login: s.login, role: s.role, unit: s.unit, officerName: s.officer_name, csrf: s.csrf };
  }

  /** The guard of a route: who may call it; a session's state-changing call also shows its CSRF token. */
  const allow = (who: Who) => async (req: FastifyRequest, reply: FastifyReply) => {
    if (who === 'device') {
      const device = await deviceOf(req);
      if (!device) return fail(reply, 401, '设备未登记或已被停用');
      req.actor = device;
      return;
    }
    const account = await accountOf(req);
    if (!account) return fail(reply, 401, '请先登录');
    if (!who.includes(account.role)) return fail(reply, 403, '无权访问');
    if (req.method !== 'GET' && !safeEqual(String(req.headers['x-csrf-token'] ?? ''), account.csrf)) return fail(reply, 403, 'CSRF 校验失败');
    req.actor = account;
  };

  /** The rule pack the hub serves (its admin's), else the built-in one: reports name rules by it. */
  const packInForce = async (): Promise<Pack> => {
    const c = await db.selectFrom('hub_config').select('rule_pack').where('id', '=', 1).executeTakeFirst();
    const v = c?.rule_pack ? validatePack(c.rule_pack) : null;
    return v?.ok ? v.pack : defaultPack();
  };

  const logAccess = async (actor: Actor, route: string, caseNumbers: Iterable<string>) => {
    await db
      .insertInto('access_log')
      .values({ at: now(), account_id: actor.kind === 'account' ? actor.id : null, device_id: actor.kind === 'device' ? actor.id : null, route, case_numbers: [...new Set(caseNumbers)] })
      .execute();
  };

  const parse = <T>(schema: z.ZodType<T>, value: unknown, reply: FastifyReply): T | undefined => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    void fail(reply, 400, r.error.issues.map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`).slice(0, 5).join('；'));
    return undefined;
  };

  // ---- Browsers ----
  // The browsers' routes answer any origin (CORS): an extension whose hub the unit's policy set has
  // no host permission for it. They authenticate by bearer token, never by cookie, so this opens no
  // session to other sites; the people's routes (cookies) stay same-origin.
  const DEVICE_ROUTES = new Set(['/api/enroll', '/api/sync', '/api/mine', '/api/config']);
  app.addHook('onRequest', async (req, reply) => {
    if (!DEVICE_ROUTES.has(req.url.split('?')[0]!)) return;
    reply.header('access-control-allow-origin', '*').header('access-control-allow-headers', 'authorization, content-type').header('access-control-allow-methods', 'GET, POST');
    if (req.method === 'OPTIONS') return reply.code(204).send();
  });
  app.post('/api/enroll', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const body = parse(EnrollSchema, req.body, reply);
    if (!body) return;
    const unit = await db.selectFrom('units').select('name').where('enrollment_code_hash', '=', sha256(body.code)).executeTakeFirst();
    if (!unit) return fail(reply, 403, '登记码无效');
    const token = newSecret();
    const d = await db
      .insertInto('devices')
      .values({ token_hash: sha256(token), unit: unit.name, name: body.name, officer_name: body.officerName, badge: body.badge, enrolled_at: now(), last_seen_at: null, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true, token, deviceId: d.id, unit: unit.name };
  });

  app.post('/api/sync', { preHandler: allow('device') }, async (req, reply) => {
    const batch = parse(SyncBatchSchema, req.body, reply);
    if (!batch) return;
    const device = req.actor as DeviceActor;
    return { ok: true, ...(await ingest(db, device, batch, now())) };
  });

  app.get('/api/mine', { preHandler: allow('device') }, async (req) => {
    const device = req.actor as DeviceActor;
    if (!device.officerName) return { ok: true, officer: null, findings: [] };
    const findings = await openFindingsOf(db, { unit: device.unit, officer: device.officerName });
    await logAccess(device, 'GET /api/mine', findings.map((f) => f.caseNumber));
    return { ok: true, officer: device.officerName, findings };
  });

  /** The rule overrides, rule pack and holiday years in force for the branch (the browser's policy still wins). */
  app.get('/api/config', { preHandler: allow('device') }, async () => {
    const c = await db.selectFrom('hub_config').selectAll().where('id', '=', 1).executeTakeFirst();
    return { ok: true, config: HubServedConfigSchema.parse({ ruleOverrides: c?.rule_overrides ?? {}, rulePack: c?.rule_pack ?? null, calendars: c?.calendars ?? [], updatedAt: c?.updated_at ?? 0 }) };
  });

  // ---- People ----
  app.post('/api/login', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const body = parse(LoginSchema, req.body, reply);
    if (!body) return;
    const a = await db.selectFrom('accounts').selectAll().where('login', '=', body.login).executeTakeFirst();
    // The same work whether the account exists or not (no timing oracle for logins).
    const ok = await verifyPassword(body.password, a?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    if (!a || !ok || a.disabled) return fail(reply, 401, '账号或密码错误');
    const token = newSecret();
    const csrf = newSecret();
    await db.deleteFrom('sessions').where('expires_at', '<', now()).execute();
    await db.insertInto('sessions').values({ id_hash: sha256(token), account_id: a.id, csrf, expires_at: now() + SESSION_MS }).execute();
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: !!options.secureCookies, path: '/', maxAge: SESSION_MS / 1000 });
    return { ok: true, csrf, account: { login: a.login, role: a.role, unit: a.unit, officerName: a.officer_name } };
  });

  app.get('/api/me', { preHandler: allow(ROLES) }, async (req) => {
    const a = req.actor as AccountActor;
    return { ok: true, csrf: a.csrf, account: { login: a.login, role: a.role, unit: a.unit, officerName: a.officerName } };
  });

  app.post('/api/logout', { preHandler: allow(ROLES) }, async (req, reply) => {
    await db.deleteFrom('sessions').where('id_hash', '=', sha256(req.cookies[SESSION_COOKIE]!)).execute();
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  /**
   * A report over the caller's scope, computed here (the same code as the extension's, on the rows
   * of the branch): the page receives the finished tables, never the branch's rows.
   */
  app.get('/api/report', { preHandler: allow(ROLES) }, async (req, reply) => {
    const q = parse(
      z.object({ kind: z.enum(REPORT_KINDS), at: z.coerce.number(), scope: z.enum(['quarter', 'year']).optional(), officer: z.string().max(200).optional() }),
      req.query,
      reply,
    );
    if (!q) return;
    const actor = req.actor as AccountActor;
    const seen = new Set<string>();
    const unit = actor.role === 'unit' || actor.role === 'officer' ? actor.unit : '全部单位';
    const built = await buildReport(reportSource(db, scopeOf(actor), seen), await packInForce(), { kind: q.kind, at: q.at, ...(q.scope ? { scope: q.scope } : {}), ...(q.officer ? { officer: q.officer } : {}), unit });
    await logAccess(actor, 'GET /api/report', seen);
    return { ok: true, ...built };
  });

  /** The rows a report is computed from, within the caller's scope. */
  app.get('/api/report-data', { preHandler: allow(ROLES) }, async (req, reply) => {
    const q = parse(RangeQuery, req.query, reply);
    if (!q) return;
    const actor = req.actor as AccountActor;
    const data = await loadRange(db, scopeOf(actor), q.from, q.to, {
      open: q.open === '1',
      ...(q.reviewedFrom !== undefined ? { reviewedFrom: q.reviewedFrom } : {}),
      ...(q.checksFrom !== undefined ? { checksFrom: q.checksFrom } : {}),
    });
    await logAccess(actor, 'GET /api/report-data', data.findings.map((f) => f.caseNumber));
    return { ok: true, ...data };
  });

  app.get('/api/count-new', { preHandler: allow(ROLES) }, async (req, reply) => {
    const q = parse(z.object({ starts: z.string().max(2000), ends: z.string().max(2000) }), req.query, reply);
    if (!q) return;
    const starts = q.starts.split(',').map(Number);
    const ends = q.ends.split(',').map(Number);
    const periods = starts.map((start, i) => ({ kind: 'month' as const, start, end: ends[i]!, label: '', labelEn: '' }));
    const counts = await countNew(db, scopeOf(req.actor!), periods);
    return { ok: true, counts: periods.map((p) => counts(p) ?? 0) };
  });

  // ---- Administration (hub admin) ----
  const admin = allow(['admin']);
  app.post('/api/units', { preHandler: admin }, async (req, reply) => {
    const body = parse(z.strictObject({ name: z.string().min(1).max(200) }), req.body, reply);
    if (!body) return;
    return { ok: true, unit: body.name, enrollmentCode: await createUnit(db, body.name, now()) };
  });
  app.get('/api/units', { preHandler: allow(['admin', 'branch']) }, async () => ({ ok: true, units: (await db.selectFrom('units').select(['name', 'created_at']).orderBy('name').execute()).map((u) => u.name) }));
  app.post('/api/accounts', { preHandler: admin }, async (req, reply) => {
    const body = parse(AccountSchema, req.body, reply);
    if (!body) return;
    if ((body.role === 'unit' || body.role === 'officer') && !body.unit) return fail(reply, 400, 'unit: 单位法制员和民警须指定单位');
    if (body.role === 'officer' && !body.officerName) return fail(reply, 400, 'officerName: 民警账号须填写姓名');
    const exists = await db.selectFrom('accounts').select('id').where('login', '=', body.login).executeTakeFirst();
    if (exists) return fail(reply, 409, 'login: 账号已存在');
    if (body.unit && !(await db.selectFrom('units').select('name').where('name', '=', body.unit).executeTakeFirst())) return fail(reply, 400, 'unit: 无此单位');
    const id = await createAccount(db, body, now());
    return { ok: true, id };
  });
  app.put('/api/config', { preHandler: admin }, async (req, reply) => {
    const body = parse(HubServedConfigSchema.omit({ updatedAt: true }), req.body, reply);
    if (!body) return;
    if (body.rulePack !== null) {
      const v = validatePack(body.rulePack);
      if (!v.ok) return fail(reply, 400, `rulePack: ${v.errors.slice(0, 3).join('；')}`);
    }
    const row = { rule_overrides: JSON.stringify(body.ruleOverrides), rule_pack: body.rulePack === null ? null : JSON.stringify(body.rulePack), calendars: JSON.stringify(body.calendars), updated_at: now() };
    await db.insertInto('hub_config').values({ id: 1, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    return { ok: true };
  });
  app.get('/api/devices', { preHandler: admin }, async () => ({
    ok: true,
    devices: await db.selectFrom('devices').select(['id', 'unit', 'name', 'officer_name', 'badge', 'enrolled_at', 'last_seen_at', 'revoked_at']).orderBy('id').execute(),
  }));
  app.post('/api/devices/:id/revoke', { preHandler: admin }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const r = await db.updateTable('devices').set({ revoked_at: now() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (!Number(r.numUpdatedRows)) return fail(reply, 404, '无此设备或已停用');
    return { ok: true };
  });
  app.get('/api/access-log', { preHandler: admin }, async () => ({
    ok: true,
    entries: await db.selectFrom('access_log').selectAll().orderBy('id', 'desc').limit(500).execute(),
  }));

  // ---- The hub's own pages ----
  if (options.webDir) {
    const root = normalize(options.webDir);
    const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };
    const serve = (file: string, reply: FastifyReply) => {
      const path = normalize(join(root, file));
      if (!path.startsWith(root)) return fail(reply, 404, '无此页面');
      try {
        const body = readFileSync(path);
        return reply
          .header('content-type', TYPES[extname(path)] ?? 'application/octet-stream')
          .header('content-security-policy', "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
          .header('x-content-type-options', 'nosniff')
          .send(body);
      } catch {
        return fail(reply, 404, '无此页面');
      }
    };
    app.get('/', (_req, reply) => serve('index.html', reply));
    app.get('/assets/*', (req, reply) => serve(`assets/${(req.params as { '*': string })['*']}`, reply));
  }
  return app;
}
