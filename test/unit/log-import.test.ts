/** Imports in chunks through the staging store, merged all or nothing (#16.2), on fake-indexeddb. */
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDbPerTest } from './fresh-db';
import { CaseLintDb } from '../../lib/db/database';
import { backup, recordPage } from '../../lib/db/repository';
import { abortImport, beginImport, chunksOf, commitImport, importLog, splitLogFile, stageRows, type LogFileParts } from '../../lib/db/log-import';
import type { FindingRow } from '../../lib/db/rows';

let db: CaseLintDb;
let n = 0;
const newId = () => `id-${++n}`;
const T0 = Date.UTC(2024, 2, 6, 2, 0);
const NOW = Date.UTC(2026, 11, 1);

/** A backup of `count` distinct findings of 4 cases, as a reviewer's machine would write it. */
async function backupOf(count: number) {
  const source = new CaseLintDb(`source-${Math.random()}`);
  await source.open();
  await recordPage(source, {
    visit: 'v1', url: 'http://10.1.2.3/case/XS2024-0302', caseNumber: 'XS2024-0302', caseKind: '刑事', unit: '城西派出所', officers: ['刘洋'],
    findings: [{ ruleId: 'detention-custody-24h', fieldKey: 'detention.custodyAt', severity: 'error', kind: 'violation', message: '送看守所时间晚于拘留时间27小时30分', basis: '《刑事诉讼法》第八十三条', category: 'detention' }],
    passed: [],
  }, T0, newId);
  const file = JSON.parse(JSON.stringify(await backup(source, T0 + 1)));
  const base = file.findings[0] as FindingRow;
  file.findings = Array.from({ length: count }, (_, i) => ({ ...base, id: `row-${i}`, caseKey: `XS2024-${1000 + (i % 4)}`, caseNumber: `XS2024-${1000 + (i % 4)}`, row: i, key: '' }));
  source.close();
  await Dexie.delete(source.name);
  return file;
}

const currentDb = freshDbPerTest();
beforeEach(() => {
  db = currentDb();
});

describe('importing in chunks', () => {
  it('a file of 2,500 rows goes in three chunks and arrives whole, once; again it changes nothing', async () => {
    const file = await backupOf(2500);
    const split = splitLogFile(file) as { ok: true } & LogFileParts;
    expect([...chunksOf(split.parts)].map((c) => `${c.part}@${c.offset}:${c.rows.length}`)).toEqual(['findings@0:1000', 'findings@1000:1000', 'findings@2000:500', 'pageChecks@0:1']);
    expect(await importLog(db, file, newId, NOW)).toEqual({ ok: true, added: 2500, updated: 0, unchanged: 0 });
    expect(await db.findings.count()).toBe(2500);
    expect(await db.importStaging.count()).toBe(0);
    expect(await importLog(db, file, newId, NOW)).toEqual({ ok: true, added: 0, updated: 0, unchanged: 2500 });
  }, 30_000);

  it('the same finding twice in one file (even in one chunk) is one row, with the newer review', async () => {
    const file = await backupOf(1);
    const row = file.findings[0];
    file.findings.push({ ...row, id: 'other-id', status: 'confirmed', subjectiveLevel: '疏忽大意', reviewer: '王审核', updatedAt: row.updatedAt + 10, reviewedAt: row.updatedAt + 10 });
    expect(await importLog(db, file, newId, NOW)).toEqual({ ok: true, added: 1, updated: 1, unchanged: 0 });
    expect(await db.findings.toArray()).toMatchObject([{ id: 'row-0', status: 'confirmed', reviewer: '王审核' }]);
  });

  it('into an empty log, the same finding in two chunks is still one row, with the newer review', async () => {
    const file = await backupOf(1500);
    const row = file.findings[5];
    file.findings[1200] = { ...row, id: 'later-copy', status: 'confirmed', subjectiveLevel: '主观故意', reviewer: '王审核', updatedAt: row.updatedAt + 10, reviewedAt: row.updatedAt + 10 };
    expect(await importLog(db, file, newId, NOW)).toEqual({ ok: true, added: 1499, updated: 1, unchanged: 0 });
    expect(await db.findings.count()).toBe(1499);
    expect(await db.findings.get('row-5')).toMatchObject({ status: 'confirmed', reviewer: '王审核' });
  }, 30_000);

  it('names a bad row by its place in the whole file, in a later chunk, and writes nothing', async () => {
    const file = await backupOf(2500);
    file.findings[2345].severity = 'fatal';
    const r = await importLog(db, file, newId, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^findings\[2345\]\.severity: /);
    expect(await db.findings.count()).toBe(0);
    expect(await db.importStaging.count()).toBe(0);
  });

  it('the merge is all or nothing: a chunk that cannot be written leaves the log as it was', async () => {
    const file = await backupOf(3000);
    const split = splitLogFile(file) as { ok: true } & LogFileParts;
    const id = await beginImport(db, split.header, NOW, newId);
    for (const c of chunksOf(split.parts)) expect(await stageRows(db, id, c.part, c.offset, c.rows, NOW)).toEqual({ ok: true });
    // The third chunk is damaged in the staging store (a row without its primary key cannot be stored).
    const third = (await db.importStaging.where('stagingId').equals(id).toArray()).find((c) => c.part === 'findings' && c.offset === 2000)!;
    (third.rows[999] as Partial<FindingRow>).id = undefined;
    await db.importStaging.put(third);
    await expect(commitImport(db, id, newId)).rejects.toThrow();
    expect(await db.findings.count()).toBe(0);
    expect(await db.pageChecks.count()).toBe(0);
  }, 30_000);

  it('a chunk for an import that was abandoned or never begun is refused in Chinese', async () => {
    const split = splitLogFile(await backupOf(3)) as { ok: true } & LogFileParts;
    const id = await beginImport(db, split.header, NOW, newId);
    await abortImport(db, id);
    const r = await stageRows(db, id, 'findings', 0, split.parts.findings, NOW);
    expect(r).toEqual({ ok: false, errors: [expect.stringContaining('导入已中断或已过期')] });
    expect(await commitImport(db, 'never', newId)).toEqual({ ok: false, errors: [expect.stringContaining('请重新导入')] });
  });

  it('staging left by an import that never finished is removed a day later', async () => {
    const split = splitLogFile(await backupOf(3)) as { ok: true } & LogFileParts;
    const old = await beginImport(db, split.header, NOW - 2 * 86_400_000, newId);
    await stageRows(db, old, 'findings', 0, split.parts.findings, NOW - 2 * 86_400_000);
    await beginImport(db, split.header, NOW, newId);
    expect(await db.importStaging.where('stagingId').equals(old).count()).toBe(0);
  });

  it('refuses a file whose shape is wrong around the rows, by path', () => {
    expect(splitLogFile({ format: 'caselint.backup/v1', exportedAt: 1, findings: [] })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^dismissals: /), expect.stringMatching(/^pageChecks: /)] });
    expect(splitLogFile({ format: 'caselint.findings/v1', exportedAt: 1, findings: {} })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^findings: /)] });
    expect(splitLogFile(null)).toMatchObject({ ok: false });
  });
});
