/**
 * The browser's side of the unit hub (#21.2, #21.4), run by the background worker: it enrolls
 * once with the unit's code (a device token, kept in storage.local), then pushes the log through
 * an outbox — a cursor over the rows' change times and the page checks' ids, moved only after the
 * hub has taken a batch, so a retry, a stopped worker or a day offline loses and doubles nothing
 * (the hub merges by finding identity) — and pulls the user's own open findings (点对点预警).
 * With no hub configured it does nothing at all: no request is made.
 */
import { CalendarFileSchema } from '../../rules/periods/calendar-file';
import { z } from '../../rules/zod';
import { RuleOverridesSchema } from '../config/schema';
import type { CaseLintDb } from '../db/database';
import { FindingRowSchema, type FindingRow, type PageCheck } from '../db/rows';

/** Rows per request (the hub takes at most this many). */
export const HUB_BATCH = 500;

/** The officer's own open findings as the hub gives them back: a part of the log's row. */
const MineSchema = FindingRowSchema.pick({ caseNumber: true, ruleId: true, message: true, pageUrl: true, firstSeen: true, severity: true, kind: true });
export type MineFinding = z.infer<typeof MineSchema>;

/** What the hub serves its browsers: the branch's rule overrides, rule pack and holiday years. */
export const HubServedConfigSchema = z.strictObject({
  ruleOverrides: RuleOverridesSchema,
  rulePack: z.unknown().nullable(),
  calendars: z.array(CalendarFileSchema).max(50),
  updatedAt: z.number(),
});
export type HubServedConfig = z.infer<typeof HubServedConfigSchema>;

export const HubSyncStateSchema = z.strictObject({
  url: z.string().nullable(),
  token: z.string().nullable(),
  unit: z.string().nullable(),
  /** The outbox: the last row the hub has, by (updatedAt, id); the last page check by id. */
  findingsCursor: z.strictObject({ at: z.number(), id: z.string() }),
  checksCursor: z.number(),
  lastSyncAt: z.number().nullable(),
  lastError: z.string().nullable(),
  /** The hub refused this browser (停用): nothing is sent until it is enrolled again. */
  revoked: z.boolean(),
  mine: z.strictObject({ officer: z.string().nullable(), at: z.number().nullable(), findings: z.array(MineSchema) }),
});
export type HubSyncState = z.infer<typeof HubSyncStateSchema>;

export const freshHubState = (url: string | null): HubSyncState => ({
  url,
  token: null,
  unit: null,
  findingsCursor: { at: -1, id: '' },
  checksCursor: -1,
  lastSyncAt: null,
  lastError: null,
  revoked: false,
  mine: { officer: null, at: null, findings: [] },
});

export interface HubSyncDeps {
  db: CaseLintDb;
  hub: { url: string; enrollmentCode: string | null };
  /** Who uses this browser (the settings' name and unit): their own findings are pulled. */
  user: { name: string | null };
  deviceName: string;
  load(): Promise<HubSyncState | null>;
  save(state: HubSyncState): Promise<void>;
  /** Keeps what the hub serves (storage.local `hubConfig`, read by the effective configuration). */
  saveServed(config: HubServedConfig): Promise<void>;
  fetch: typeof fetch;
  now(): number;
}

class HubRefused extends Error {}

/** The next rows the hub has not taken, in (updatedAt, id) order. */
async function nextFindings(db: CaseLintDb, c: HubSyncState['findingsCursor']): Promise<FindingRow[]> {
  return db.findings
    .where('updatedAt')
    .aboveOrEqual(c.at)
    .filter((r) => r.updatedAt > c.at || r.id > c.id)
    .limit(HUB_BATCH)
    .toArray();
}

async function nextChecks(db: CaseLintDb, after: number): Promise<PageCheck[]> {
  return db.pageChecks.where('id').above(after).limit(HUB_BATCH).toArray();
}

/** One round: enroll if needed, push everything new, pull the user's own findings. Never throws. */
export async function syncWithHub(d: HubSyncDeps): Promise<HubSyncState> {
  const stored = HubSyncStateSchema.safeParse(await d.load());
  let s = stored.success && stored.data.url === d.hub.url ? stored.data : freshHubState(d.hub.url);
  const base = d.hub.url.replace(/\/$/, '');
  const call = async <T>(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}): Promise<T> => {
    const res = await d.fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      credentials: 'omit',
    });
    const data = (await res.json().catch(() => ({}))) as T & { ok?: boolean; error?: string };
    if (res.status === 401 || res.status === 403) throw new HubRefused(data.error ?? `HTTP ${res.status}`);
    if (!res.ok || data.ok === false) throw new Error(data.error ?? `HTTP ${res.status}`);
    return data;
  };
  const save = async (patch: Partial<HubSyncState>) => {
    s = { ...s, ...patch };
    await d.save(s);
  };
  if (s.revoked) return s;
  try {
    if (!s.token) {
      if (!d.hub.enrollmentCode) {
        await save({ lastError: '未填写汇总服务登记码，尚未登记' });
        return s;
      }
      const r = await call<{ token: string; unit: string }>('/api/enroll', { method: 'POST', body: { code: d.hub.enrollmentCode, name: d.deviceName, officerName: d.user.name, badge: null } }).catch((e) => {
        if (e instanceof HubRefused) throw new Error(`登记失败：${e.message}`);
        throw e;
      });
      await save({ token: r.token, unit: r.unit });
    }
    for (;;) {
      const [findings, pageChecks] = await Promise.all([nextFindings(d.db, s.findingsCursor), nextChecks(d.db, s.checksCursor)]);
      if (!findings.length && !pageChecks.length) break;
      await call('/api/sync', { method: 'POST', token: s.token, body: { findings, pageChecks: pageChecks.map(({ id: _id, ...c }) => c) } });
      const last = findings[findings.length - 1];
      await save({
        ...(last ? { findingsCursor: { at: last.updatedAt, id: last.id } } : {}),
        ...(pageChecks.length ? { checksCursor: pageChecks[pageChecks.length - 1]!.id! } : {}),
      });
    }
    const served = await call<{ config: unknown }>('/api/config', { token: s.token });
    const parsed = HubServedConfigSchema.safeParse(served.config);
    if (parsed.success) await d.saveServed(parsed.data);
    const mine = await call<{ officer: string | null; findings: FindingRow[] }>('/api/mine', { token: s.token });
    await save({
      mine: {
        officer: mine.officer,
        at: d.now(),
        findings: mine.findings.map((f) => ({ caseNumber: f.caseNumber, ruleId: f.ruleId, message: f.message, pageUrl: f.pageUrl, firstSeen: f.firstSeen, severity: f.severity, kind: f.kind })),
      },
      lastSyncAt: d.now(),
      lastError: null,
    });
  } catch (e) {
    if (e instanceof HubRefused) await save({ revoked: true, token: null, lastError: `汇总服务已停用本机（${e.message}），请联系管理员重新登记` });
    else await save({ lastError: `无法连接汇总服务：${(e as Error).message}（稍后自动重试，未同步的记录不会丢失）` });
  }
  return s;
}
