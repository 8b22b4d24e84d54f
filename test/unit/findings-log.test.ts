/** The findings log repository on fake-indexeddb: dedup, fixed marking, review workflow, merge, upgrade. */
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDbPerTest } from './fresh-db';
import { CaseLintDb, SCHEMA_VERSION } from '../../lib/db/database';
import { applyRetention, backup, caseKeyOf, exportFindings, importLog, recordPage, review, type PageReport } from '../../lib/db/repository';
import type { FindingRow } from '../../lib/db/rows';

let db: CaseLintDb;
let n = 0;
const newId = () => `id-${++n}`;
const T0 = Date.UTC(2024, 2, 6, 2, 0);

const familyLate = {
  ruleId: 'detention-family-notice-24h',
  fieldKey: 'detention.familyNotifiedAt',
  severity: 'error' as const,
  kind: 'violation' as const,
  message: '通知家属时间晚于拘留时间26小时15分，超过法定24小时（应于 2024-03-06 14:30 前通知）',
  basis: '《中华人民共和国刑事诉讼法》第八十五条第二款',
  category: 'detention',
};
const custodyLate = { ...familyLate, ruleId: 'detention-custody-24h', fieldKey: 'detention.custodyAt', message: '送看守所时间晚于拘留时间27小时30分' };

function report(over: Partial<PageReport> = {}): PageReport {
  return {
    visit: 'v1',
    url: 'http://10.1.2.3:8080/case/XS2024-0302/detention',
    caseNumber: 'XS2024-0302',
    caseKind: '刑事',
    unit: '滨江分局城西派出所',
    officers: ['刘洋', '陈晨'],
    findings: [familyLate, custodyLate],
    passed: ['detention-warrant'],
    ...over,
  };
}

const currentDb = freshDbPerTest();
beforeEach(() => {
  db = currentDb();
});

describe('recording pages', () => {
  it('one row per case + rule + field + row; seen again updates first/last seen and times seen', async () => {
    await recordPage(db, report(), T0, newId);
    await recordPage(db, report(), T0 + 1000, newId); // a keystroke in the same visit
    await recordPage(db, report({ visit: 'v2' }), T0 + 60_000, newId); // the page opened again
    const rows = await db.findings.orderBy('ruleId').toArray();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ ruleId: 'detention-family-notice-24h', firstSeen: T0, lastSeen: T0 + 60_000, timesSeen: 2, status: 'open', unit: '滨江分局城西派出所', officers: ['刘洋', '陈晨'] });
  });

  it('several tabs reporting at once never make duplicates', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => recordPage(db, report({ visit: `tab-${i}` }), T0 + i, newId)));
    expect(await db.findings.count()).toBe(2);
    expect((await db.findings.get({ key: 'XS2024-0302|/case/{案号}/detention|detention-custody-24h|detention.custodyAt|' }))!.timesSeen).toBe(12);
  });

  it('a finding that disappears after a fix is marked fixed with the time, not deleted; it reopens if it comes back', async () => {
    await recordPage(db, report(), T0, newId);
    await recordPage(db, report({ findings: [custodyLate], passed: ['detention-family-notice-24h'] }), T0 + 5000, newId);
    const fixed = await db.findings.where('ruleId').equals('detention-family-notice-24h').first();
    expect(fixed).toMatchObject({ status: 'fixed', fixedAt: T0 + 5000 });
    // Not applicable on another page of the case (the rule was not checked there): left alone.
    await recordPage(db, report({ url: 'http://10.1.2.3:8080/case/XS2024-0302/bail', findings: [], passed: ['bail-max-12m'] }), T0 + 6000, newId);
    expect(await db.findings.where('status').equals('open').count()).toBe(1); // custody, still late
    await recordPage(db, report({ visit: 'v3' }), T0 + 9000, newId);
    expect(await db.findings.where('ruleId').equals('detention-family-notice-24h').first()).toMatchObject({ status: 'open', fixedAt: null });
  });

  it('records each page checked, once per visit, with its findings count', async () => {
    await recordPage(db, report(), T0, newId);
    await recordPage(db, report({ findings: [custodyLate] }), T0 + 10, newId);
    await recordPage(db, report({ visit: 'v2' }), T0 + 20, newId);
    const checks = await db.pageChecks.toArray();
    expect(checks.map((c) => [c.visit, c.findingsCount])).toEqual([
      ['v1', 1],
      ['v2', 2],
    ]);
  });

  it('a page without a case number is keyed by its address', () => {
    expect(caseKeyOf(null, 'http://10.1.2.3:8080/form?id=1#x')).toBe('页面:http://10.1.2.3:8080/form');
  });
});

describe('the reviewer’s workflow', () => {
  const me = { name: '李审核', unit: '法制大队' };

  it('confirm records the subjective level and a note', async () => {
    await recordPage(db, report(), T0, newId);
    const row = (await db.findings.where('ruleId').equals('detention-family-notice-24h').first())!;
    expect(await review(db, { action: 'confirm', ids: [row.id], subjectiveLevel: '疏忽大意', note: '已当面提醒' }, me, T0 + 1)).toBe(1);
    expect(await db.findings.get(row.id)).toMatchObject({ status: 'confirmed', subjectiveLevel: '疏忽大意', note: '已当面提醒', reviewer: '李审核', reviewerUnit: '法制大队' });
  });

  it('a dismissal is remembered for that case and rule, and never spills onto other cases', async () => {
    await recordPage(db, report(), T0, newId);
    const row = (await db.findings.where('ruleId').equals('detention-family-notice-24h').first())!;
    await review(db, { action: 'dismiss', ids: [row.id], reason: 'accepted-exception', note: '家属在境外，已书面说明' }, me, T0 + 1);
    const again = await recordPage(db, report({ visit: 'v2' }), T0 + 2, newId);
    expect(again.dismissedRules).toEqual(['detention-family-notice-24h']);
    expect(await db.findings.get(row.id)).toMatchObject({ status: 'dismissed', dismissReason: 'accepted-exception' });
    // Another case with the same problem is raised as usual.
    const other = await recordPage(db, report({ caseNumber: 'XS2024-0399', url: 'http://10.1.2.3:8080/case/XS2024-0399/detention' }), T0 + 3, newId);
    expect(other.dismissedRules).toEqual([]);
    expect(await db.findings.where({ caseKey: 'XS2024-0399' }).filter((r) => r.status === 'open').count()).toBe(2);
    // Reopen: raised again on the next visit.
    await review(db, { action: 'reopen', ids: [row.id] }, me, T0 + 4);
    expect((await recordPage(db, report({ visit: 'v3' }), T0 + 5, newId)).dismissedRules).toEqual([]);
    expect((await db.findings.get(row.id))!.status).toBe('open');
  });
});

describe('export, import and backup', () => {
  it('exports in the caselint.findings/v1 format with the contract’s columns', async () => {
    await recordPage(db, report(), T0, newId);
    const file = await exportFindings(db, { name: '李审核', unit: '法制大队' }, T0);
    expect(file.format).toBe('caselint.findings/v1');
    for (const col of ['id', 'ruleId', 'category', 'severity', 'fieldKey', 'caseNumber', 'unit', 'officer', 'pageUrl', 'firstSeen', 'lastSeen', 'status', 'reviewer', 'subjectiveLevel', 'note']) {
      expect(file.findings[0]).toHaveProperty(col);
    }
    expect(file.findings[0]!.officer).toBe('刘洋、陈晨');
  });

  it('merges another reviewer’s export without duplicates and keeps the newer edit', async () => {
    await recordPage(db, report(), T0, newId);
    const theirs = JSON.parse(JSON.stringify(await exportFindings(db, { name: '王审核', unit: '法制大队' }, T0)));
    const mine = (await db.findings.where('ruleId').equals('detention-custody-24h').first())!;
    // They confirmed the family-notice finding later than anything here; I confirmed custody after their export.
    const fam = theirs.findings.find((f: { ruleId: string }) => f.ruleId === 'detention-family-notice-24h');
    Object.assign(fam, { id: 'their-id', status: 'confirmed', subjectiveLevel: '主观故意', reviewer: '王审核', updatedAt: T0 + 100 });
    const cus = theirs.findings.find((f: { ruleId: string }) => f.ruleId === 'detention-custody-24h');
    Object.assign(cus, { status: 'dismissed', dismissReason: 'false-positive', updatedAt: T0 + 50 });
    await review(db, { action: 'confirm', ids: [mine.id], subjectiveLevel: '确实不懂', note: null }, { name: '李审核', unit: null }, T0 + 200);
    // Plus a finding of a case we never saw.
    theirs.findings.push({ ...fam, id: 'x-1', key: 'XS2024-0500|detention-family-notice-24h|detention.familyNotifiedAt|', caseKey: 'XS2024-0500', caseNumber: 'XS2024-0500' });
    const r = await importLog(db, theirs, newId);
    expect(r).toEqual({ ok: true, added: 1, updated: 1, unchanged: 1 });
    expect(await db.findings.count()).toBe(3);
    expect(await db.findings.where('ruleId').equals('detention-family-notice-24h').and((x) => x.caseKey === 'XS2024-0302').first()).toMatchObject({ status: 'confirmed', subjectiveLevel: '主观故意', reviewer: '王审核' });
    expect(await db.findings.get(mine.id)).toMatchObject({ status: 'confirmed', subjectiveLevel: '确实不懂' });
    // Importing the same file again changes nothing.
    expect(await importLog(db, theirs, newId)).toEqual({ ok: true, added: 0, updated: 0, unchanged: 3 });
  });

  it('recomputes an imported row\'s key from what it is about: a wrong key does not make a double (#16.9)', async () => {
    await recordPage(db, report(), T0, newId);
    const theirs = JSON.parse(JSON.stringify(await exportFindings(db, { name: '王审核', unit: null }, T0)));
    for (const f of theirs.findings) Object.assign(f, { id: `their-${f.id}`, key: `forged|${f.key}` });
    expect(await importLog(db, theirs, newId)).toMatchObject({ ok: true, added: 0 });
    expect(await db.findings.count()).toBe(2);
    expect((await db.findings.toArray()).every((r) => !r.key.startsWith('forged'))).toBe(true);
  });

  it('refuses times out of range and a first sighting after the last, by path, writing nothing (#16.9)', async () => {
    await recordPage(db, report(), T0, newId);
    const file = JSON.parse(JSON.stringify(await exportFindings(db, { name: null, unit: null }, T0)));
    await db.findings.clear();
    const year275760 = 8.64e15;
    Object.assign(file.findings[0], { lastSeen: year275760 });
    Object.assign(file.findings[1], { updatedAt: Date.now() + 30 * 86_400_000, firstSeen: T0 + 1000, lastSeen: T0 });
    const r = await importLog(db, file, newId);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toContain('findings[0].lastSeen: 时间超出范围（应在 2000 年至今之间）');
    expect(errors).toContain('findings[1].updatedAt: 时间超出范围（应在 2000 年至今之间）');
    expect(errors).toContain('findings[1].firstSeen: 首次发现时间晚于最近发现时间');
    expect(await db.findings.count()).toBe(0);
  });

  it('rejects a malformed file with errors by path and writes nothing', async () => {
    const r = await importLog(db, { format: 'caselint.findings/v1', exportedAt: 1, findings: [{ id: 'a', severity: 'fatal' }] }, newId);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.some((e) => e.startsWith('findings[0].severity'))).toBe(true);
    expect(await db.findings.count()).toBe(0);
  });

  it('a backup restores the whole log (findings, dismissals, pages) into an empty database', async () => {
    await recordPage(db, report(), T0, newId);
    const row = (await db.findings.toArray())[0]!;
    await review(db, { action: 'dismiss', ids: [row.id], reason: 'false-positive', note: null }, { name: null, unit: null }, T0 + 1);
    const file = JSON.parse(JSON.stringify(await backup(db, T0 + 2)));
    const fresh = new CaseLintDb(`restore-${Math.random()}`);
    await fresh.open();
    expect(await importLog(fresh, file, newId)).toMatchObject({ ok: true, added: 2 });
    expect(await fresh.dismissals.count()).toBe(1);
    expect(await fresh.pageChecks.count()).toBe(1);
    fresh.close();
    await Dexie.delete(fresh.name);
  });

  it('keeps everything by default; a retention period deletes what was last seen before it', async () => {
    await recordPage(db, report(), T0, newId);
    expect(await applyRetention(db, null, T0 + 400 * 86_400_000)).toBe(0);
    expect(await applyRetention(db, 365, T0 + 10 * 86_400_000)).toBe(0);
    expect(await applyRetention(db, 365, T0 + 400 * 86_400_000)).toBe(2);
  });
});

describe('schema upgrades', () => {
  it('a database written by schema version 1 opens under the current version with every row', async () => {
    const name = `v1-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      findings: 'id, &key, caseKey, ruleId, category, severity, status, unit, firstSeen, lastSeen, *officers',
      dismissals: '[caseKey+ruleId], caseKey',
    });
    const base = {
      caseNumber: 'XS2023-0001', caseKey: 'XS2023-0001', caseKind: '刑事', unit: '城东派出所', officers: ['王伟'], category: 'detention', severity: 'error',
      fieldKey: 'detention.custodyAt', row: null, message: 'm', basis: 'b', pageUrl: 'http://10.1.2.3/x', firstSeen: 1, lastSeen: 2, timesSeen: 1,
      status: 'open', fixedAt: null, reviewer: null, reviewerUnit: null, subjectiveLevel: null, dismissReason: null, note: null,
    };
    await v1.table('findings').bulkAdd(Array.from({ length: 250 }, (_, i) => ({ ...base, id: `old-${i}`, key: `XS2023-0001|r${i}|detention.custodyAt|`, ruleId: `r${i}` })));
    await v1.table('dismissals').add({ caseKey: 'XS2023-0001', ruleId: 'r1', reason: 'false-positive', note: null, reviewer: null, at: 5 });
    v1.close();

    const current = new CaseLintDb(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(await current.findings.count()).toBe(250);
    const row = (await current.findings.get('old-7'))!;
    expect(row).toMatchObject({ updatedAt: 2, kind: 'violation', lastVisit: '', reviewedAt: null });
    expect(await current.findings.where('[status+lastSeen]').between(['open', 0], ['open', Infinity]).count()).toBe(250);
    expect(await current.dismissals.count()).toBe(1);
    current.close();
    await Dexie.delete(name);
  });
});

describe('upgrades from every earlier schema version', () => {
  it('a database written by schema version 2 opens under the current version with every row and its review time', async () => {
    const name = `v2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({
      findings: 'id, &key, caseKey, ruleId, category, severity, status, unit, firstSeen, lastSeen, updatedAt, *officers, [status+lastSeen]',
      dismissals: '[caseKey+ruleId], caseKey',
      pageChecks: '++id, &visit, caseKey, unit, at',
    });
    await recordPage(v2 as unknown as CaseLintDb, report(), T0, newId).catch(() => undefined);
    const base = (await (v2 as unknown as CaseLintDb).findings.toArray())[0];
    const rows = Array.from({ length: 120 }, (_, i) => {
      const { reviewedAt: _r, ...row } = { ...base!, id: `v2-${i}`, key: `K${i}`, status: i % 2 ? 'confirmed' : 'open', updatedAt: 1000 + i };
      return row;
    });
    await v2.table('findings').clear();
    await v2.table('pageChecks').clear();
    await v2.table('findings').bulkAdd(rows);
    await v2.table('pageChecks').add({ visit: 'old', caseKey: 'K', caseNumber: 'K', caseKind: null, unit: null, officers: [], url: 'u', at: 1, findingsCount: 0 });
    v2.close();
    const current = new CaseLintDb(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(await current.findings.count()).toBe(120);
    expect(await current.pageChecks.count()).toBe(1);
    expect((await current.findings.get('v2-1'))!.reviewedAt).toBe(1001);
    expect((await current.findings.get('v2-2'))!.reviewedAt).toBeNull();
    current.close();
    await Dexie.delete(name);
  });
});

describe('documents of a case and the review history (#15.1, #15.2)', () => {
  const detention = report();
  const bail = report({ visit: 'b1', url: 'http://10.1.2.3:8080/case/XS2024-0302/bail', findings: [], passed: ['detention-custody-24h', 'detention-family-notice-24h'] });

  it('another document of the case where the rule passes never marks the finding fixed; the same document does', async () => {
    await recordPage(db, detention, T0, newId);
    await recordPage(db, bail, T0 + 60_000, newId);
    expect((await db.findings.toArray()).map((r) => r.status)).toEqual(['open', 'open']);
    await recordPage(db, report({ visit: 'v2', findings: [familyLate], passed: ['detention-custody-24h'] }), T0 + 120_000, newId);
    const custody = (await db.findings.where('ruleId').equals('detention-custody-24h').first())!;
    expect(custody).toMatchObject({ status: 'fixed', fixedAt: T0 + 120_000, document: '/case/{案号}/detention' });
    expect(custody.history.map((e) => e.event)).toEqual(['first-seen', 'fixed']);
  });

  it('a rule not applicable on the page never marks its finding fixed', async () => {
    await recordPage(db, detention, T0, newId);
    await recordPage(db, report({ visit: 'v2', findings: [], passed: [] }), T0 + 1000, newId);
    expect((await db.findings.toArray()).every((r) => r.status === 'open')).toBe(true);
  });

  it('each review is an event with only its own inputs; a later action carries nothing over', async () => {
    await recordPage(db, detention, T0, newId);
    const [a, b] = await db.findings.orderBy('ruleId').toArray();
    const li = { name: '李审核', unit: '法制大队' };
    await review(db, { action: 'confirm', ids: [a!.id], subjectiveLevel: '疏忽大意', note: '已口头提醒' }, li, T0 + 1);
    await review(db, { action: 'dismiss', ids: [b!.id], reason: 'not-applicable', note: null }, li, T0 + 2);
    await review(db, { action: 'reopen', ids: [a!.id] }, { name: '王审核', unit: '法制大队' }, T0 + 3);
    const [ra, rb] = await db.findings.orderBy('ruleId').toArray();
    expect(rb).toMatchObject({ status: 'dismissed', dismissReason: 'not-applicable', note: null, subjectiveLevel: null });
    expect(ra).toMatchObject({ status: 'open', note: null, reviewer: '王审核', subjectiveLevel: null });
    expect(ra!.history).toEqual([
      expect.objectContaining({ event: 'first-seen', at: T0, reviewer: null }),
      expect.objectContaining({ event: 'confirmed', at: T0 + 1, reviewer: '李审核', reviewerUnit: '法制大队', subjectiveLevel: '疏忽大意', note: '已口头提醒' }),
      expect.objectContaining({ event: 'reopened', at: T0 + 3, reviewer: '王审核', note: null, subjectiveLevel: null }),
    ]);
  });

  it('the history goes into exports and backups and is merged on import, each event once', async () => {
    await recordPage(db, detention, T0, newId);
    const row = (await db.findings.toArray())[0]!;
    await review(db, { action: 'confirm', ids: [row.id], subjectiveLevel: '主观故意', note: 'n' }, { name: '李审核', unit: null }, T0 + 5);
    const file = JSON.parse(JSON.stringify(await exportFindings(db, { name: null, unit: null }, T0 + 6)));
    expect(file.findings.find((f: FindingRow) => f.id === row.id).history).toHaveLength(2);
    expect((await backup(db, T0 + 6)).findings.find((f) => f.id === row.id)!.history).toHaveLength(2);
    const fresh = new CaseLintDb(`fresh-${Math.random()}`);
    await recordPage(fresh, detention, T0 - 1000, newId);
    expect(await importLog(fresh, file, newId)).toMatchObject({ ok: true, added: 0 });
    const merged = (await fresh.findings.where('ruleId').equals(row.ruleId).first())!;
    expect(merged.history.map((e) => `${e.event}@${e.at - T0}`)).toEqual(['first-seen@-1000', 'first-seen@0', 'confirmed@5']);
    expect(await importLog(fresh, file, newId)).toMatchObject({ ok: true, unchanged: 2 });
    fresh.close();
    await Dexie.delete(fresh.name);
  });

  it('a log written by schema version 4 opens under version 5 with every row, its document and a history from its fields', async () => {
    const name = `v4-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores({
      findings: 'id, &key, caseKey, ruleId, category, severity, status, unit, firstSeen, lastSeen, updatedAt, reviewedAt, fixedAt, *officers, [status+lastSeen]',
      dismissals: '[caseKey+ruleId], caseKey',
      pageChecks: '++id, &visit, caseKey, unit, at',
      importStaging: '++seq, stagingId, createdAt',
    });
    await recordPage(db, detention, T0, newId);
    const base = (await db.findings.toArray())[0]!;
    const { document: _d, history: _h, ...old } = base;
    const rows = Array.from({ length: 50 }, (_, i) => ({ ...old, id: `v4-${i}`, row: i, key: `XS2024-0302|${old.ruleId}|${old.fieldKey}|${i}`, status: i % 2 ? 'confirmed' : 'open', reviewer: i % 2 ? '李审核' : null, reviewedAt: i % 2 ? T0 + 10 : null }));
    await v4.table('findings').bulkAdd(rows);
    v4.close();
    const current = new CaseLintDb(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(await current.findings.count()).toBe(50);
    const one = (await current.findings.get('v4-1'))!;
    expect(one).toMatchObject({ document: '/case/{案号}/detention', key: `XS2024-0302|/case/{案号}/detention|${old.ruleId}|${old.fieldKey}|1` });
    expect(one.history.map((e) => e.event)).toEqual(['first-seen', 'confirmed']);
    // The upgraded row is the one the page's next report finds: no double.
    const same = [familyLate, custodyLate].find((f) => f.ruleId === old.ruleId)!;
    await recordPage(current, report({ visit: 'after', findings: [{ ...same, row: 1 }] }), T0 + 20, newId);
    expect(await current.findings.count()).toBe(50);
    expect((await current.findings.get('v4-1'))!.timesSeen).toBe(old.timesSeen + 1);
    current.close();
    await Dexie.delete(name);
  });
});

describe('times seen', () => {
  it('two tabs of the same page reporting in turns are two sightings, not one per report', async () => {
    await recordPage(db, report({ visit: 'tab-a' }), T0, newId);
    await recordPage(db, report({ visit: 'tab-b' }), T0 + 100, newId);
    await recordPage(db, report({ visit: 'tab-a' }), T0 + 200, newId); // tab A again (a keystroke, a worker restart)
    await recordPage(db, report({ visit: 'tab-b' }), T0 + 300, newId);
    expect((await db.findings.toArray()).map((r) => r.timesSeen)).toEqual([2, 2]);
    await recordPage(db, report({ visit: 'next-day' }), T0 + 86_400_000, newId);
    expect((await db.findings.toArray()).map((r) => r.timesSeen)).toEqual([3, 3]);
  });
});
