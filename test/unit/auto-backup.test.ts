/** Automatic rolling backups and the expected row count, kept apart from the log (#16.1). */
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDbPerTest } from './fresh-db';
import { CaseLintDb } from '../../lib/db/database';
import { recordPage } from '../../lib/db/repository';
import { importLog } from '../../lib/db/log-import';
import { backupDue, BACKUPS_KEPT, listBackups, logHealth, lossMessage, noteRowsAdded, noteRowsDeleted, readBackup, writeBackup, type StorageArea } from '../../lib/db/auto-backup';
import { availableBytes, shortOfSpace } from '../../lib/db/storage-space';

/** storage.local as the browser gives it, in memory; `full` makes every write fail as on a full disk. */
function memoryArea() {
  const items = new Map<string, unknown>();
  const area = {
    full: false,
    items,
    async get(keys: string | string[] | null) {
      const list = keys === null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))]));
    },
    async set(o: Record<string, unknown>) {
      if (area.full) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [k, v] of Object.entries(o)) items.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of typeof keys === 'string' ? [keys] : keys) items.delete(k);
    },
  };
  return area satisfies StorageArea;
}

let db: CaseLintDb;
let n = 0;
const newId = () => `id-${++n}`;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 1, 0); // 2026-11-20 09:00 Beijing

async function fill(count: number, from = 0) {
  for (let i = from; i < from + count; i++) {
    await recordPage(db, {
      visit: `v${i}`, url: `http://10.1.2.3/case/XS2026-${i}`, caseNumber: `XS2026-${1000 + i}`, caseKind: '刑事', unit: '城西派出所', officers: ['刘洋'],
      findings: [{ ruleId: 'detention-custody-24h', fieldKey: 'detention.custodyAt', severity: 'error', kind: 'violation', message: '送看守所时间晚于拘留时间27小时30分', basis: '《刑事诉讼法》第八十三条', category: 'detention' }],
      passed: [],
    }, T0, newId);
  }
}

const currentDb = freshDbPerTest();
beforeEach(() => {
  db = currentDb();
});

describe('automatic backups', () => {
  it('a backup comes back whole: compressed, in parts, restorable into an empty log', async () => {
    await fill(30);
    const area = memoryArea();
    const entry = await writeBackup(db, area, T0);
    expect(entry).toMatchObject({ day: '2026-11-20', rows: 30, encoding: 'gzip-base64', parts: 1 });
    const file = await readBackup(area, entry.id);
    const fresh = new CaseLintDb(`fresh-${Math.random()}`);
    expect(await importLog(fresh, file, newId, T0 + DAY)).toMatchObject({ ok: true, added: 30 });
    expect(await fresh.findings.count()).toBe(30);
    fresh.close();
    await Dexie.delete(fresh.name);
  });

  it('one a day, the newest seven days kept; the parts of dropped ones are removed', async () => {
    await fill(3);
    const area = memoryArea();
    expect(await backupDue(area, T0)).toBe(true);
    for (let d = 0; d < 10; d++) {
      await writeBackup(db, area, T0 + d * DAY);
      await writeBackup(db, area, T0 + d * DAY + 3_600_000); // the same day again replaces it
    }
    const kept = await listBackups(area);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept.map((b) => b.day)).toEqual(['2026-11-29', '2026-11-28', '2026-11-27', '2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23']);
    expect([...area.items.keys()].filter((k) => k.startsWith('autoBackup:') && k !== 'autoBackup:index')).toHaveLength(BACKUPS_KEPT);
    expect(await backupDue(area, T0 + 9 * DAY + 3_600_000)).toBe(false);
    expect(await backupDue(area, T0 + 10 * DAY)).toBe(true);
  });

  it('a backup that cannot be written (disk full) leaves the earlier ones as they were', async () => {
    await fill(3);
    const area = memoryArea();
    const first = await writeBackup(db, area, T0);
    area.full = true;
    await expect(writeBackup(db, area, T0 + DAY)).rejects.toThrow(/quota/);
    expect(await listBackups(area)).toEqual([first]);
    expect(await readBackup(area, first.id)).toMatchObject({ format: 'caselint.backup/v1' });
  });
});

describe('the expected row count', () => {
  it('a log that opens emptier than the count kept apart is reported lost, with the backups to restore', async () => {
    await fill(5);
    const area = memoryArea();
    expect(await logHealth(db, area)).toMatchObject({ ok: true, rows: 5 }); // no count kept yet: a fresh install is fine
    await noteRowsAdded(db, area, 5, T0); // the first time, the log is counted
    await writeBackup(db, area, T0);
    expect(await logHealth(db, area)).toMatchObject({ ok: true, rows: 5 });
    await db.findings.clear(); // what Chromium did to the damaged store
    const health = await logHealth(db, area);
    expect(health).toMatchObject({ ok: false, expected: 5, found: 0, backups: [{ rows: 5 }] });
    expect(!health.ok && lossMessage(health)).toBe('⚠ 数据可能已丢失：问题台账现仅有 0 条记录，而此前应有 5 条。常见原因是磁盘空间不足时浏览器丢弃了损坏的数据库。可从最近的自动备份恢复。');
    // A page reporting a finding afterwards never accepts the loss; a retention deleting some lowers the count.
    await fill(1);
    await noteRowsAdded(db, area, 1, T0 + 1);
    expect(await logHealth(db, area)).toMatchObject({ ok: false, expected: 5, found: 1 });
    await noteRowsDeleted(db, area, 2, T0 + 2);
    expect(await logHealth(db, area)).toMatchObject({ ok: false, expected: 3, found: 1 });
  });

  it('counts moved by writes at once are all kept (one update at a time)', async () => {
    const area = memoryArea();
    await noteRowsAdded(db, area, 0, T0);
    await fill(20);
    await Promise.all(Array.from({ length: 20 }, (_, i) => noteRowsAdded(db, area, 1, T0 + i)));
    await db.findings.limit(1).delete();
    expect(await logHealth(db, area)).toMatchObject({ ok: false, expected: 20, found: 19 });
  });

  it('a log that cannot open at all is reported, not counted as empty', async () => {
    await fill(2);
    const area = memoryArea();
    await noteRowsAdded(db, area, 2, T0);
    db.close();
    const health = await logHealth(db, area);
    expect(health).toMatchObject({ ok: false, expected: 2, found: null });
    expect(!health.ok && lossMessage(health)).toMatch(/^⚠ 数据可能已丢失：问题台账无法打开（.+），而此前应有 2 条。.*本机没有自动备份/);
    await db.open();
  });
});

describe('free space before large writes', () => {
  it('refuses what would not fit with the reserve, in Chinese with the figures; silent where the browser cannot tell', async () => {
    expect(await availableBytes(async () => ({ quota: 50 * 2 ** 20, usage: 48 * 2 ** 20 }))).toBe(2 * 2 ** 20);
    expect(await availableBytes(async () => undefined)).toBeNull();
    expect(shortOfSpace('导入此文件', 3 * 2 ** 20, 2 * 2 ** 20)).toBe('存储空间不足：导入此文件约需 19 MB，本机可用约 2.0 MB。请清理磁盘后重试。');
    expect(shortOfSpace('导入此文件', 3 * 2 ** 20, 500 * 2 ** 20)).toBeNull();
    expect(shortOfSpace('导入此文件', 3 * 2 ** 20, null)).toBeNull();
  });
});

describe('the expected count after a merge', () => {
  it('a restore into a short log brings it back to what it was; the alert goes when every row is back', async () => {
    const area = memoryArea();
    await fill(4);
    await noteRowsAdded(db, area, 4, T0);
    const file = await (await import('../../lib/db/repository')).backup(db, T0);
    await fill(1, 4); // another case page: 5 rows now
    await noteRowsAdded(db, area, 1, T0);
    await db.findings.clear(); // lost
    const r = await importLog(db, JSON.parse(JSON.stringify(file)), newId, T0 + DAY);
    expect(r).toMatchObject({ ok: true, added: 4 });
    await noteRowsAdded(db, area, 4, T0 + DAY);
    expect(await logHealth(db, area)).toMatchObject({ ok: false, expected: 5, found: 4 }); // one row is still missing
    await fill(1, 4); // the page seen again: its row is back
    await noteRowsAdded(db, area, 1, T0 + DAY);
    expect(await logHealth(db, area)).toMatchObject({ ok: true, rows: 5 });
    await noteRowsAdded(db, area, 0, T0 + DAY);
    expect(await logHealth(db, area)).toMatchObject({ ok: true, rows: 5 });
  });
});
