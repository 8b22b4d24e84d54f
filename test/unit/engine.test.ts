/** Engine semantics (contracts.md §3, §6, §7) over realistic records. */
import { describe, expect, it } from 'vitest';
import { compilePack, evaluate, rulesAffectedBy } from '../../rules/engine';
import { defaultPack } from '../../rules/packs/default';
import { beijing, snapshots } from './check-tester';

const compiled = compilePack(defaultPack());
const run = (fields: Parameters<typeof snapshots>[0], now = '2026-11-01 09:00', extra = {}) =>
  evaluate(compiled, snapshots(fields), { now: beijing(now), ...extra });
const ids = (r: ReturnType<typeof run>, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId);

describe('applicability (contracts.md §6)', () => {
  it('a deadline rule is not applicable on a page without its start or closing field', () => {
    const r = run({ 'detention.startAt': '2024-03-05 14:30' });
    expect(r.notApplicable).toContain('detention-family-notice-24h');
    expect(r.passed).not.toContain('detention-family-notice-24h');
  });
  it('checked and passed when its condition is not met', () => {
    const r = run({ 'case.filingDecision': '立案', 'case.filingDecidedAt': '2024-03-04 10:00', 'case.refusalNoticeServedAt': '' });
    expect(r.passed).toContain('case-refusal-notice-3d');
  });
  it('a qualifying field that is absent counts as not recorded (no approval)', () => {
    const r = run({ 'detention.startAt': '2024-03-05 14:30', 'detention.arrestRequestedAt': '2024-03-11 10:00', 'detention.extension': '延长1至4日' });
    expect(ids(r, 'detention-arrest-request-deadline')).toHaveLength(1);
  });
  it('criminal rules are not applicable to an administrative case; administrative rules need case.kind 行政', () => {
    const admin = run({ 'case.kind': '行政', 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '2024-03-07 10:00' });
    expect(admin.notApplicable).toContain('detention-custody-24h');
    const unknown = run({ 'penalty.decidedAt': '2024-03-06 15:00', 'penalty.basis': '依据治安管理处罚法' });
    expect(unknown.notApplicable).toContain('adm-decision-basis');
  });
  it('the station-authority rule applies to 治安 cases only; a page that does not say is 治安', () => {
    const fields = { 'case.kind': '行政', 'penalty.decider': '派出所', 'penalty.kind': '罚款', 'penalty.fineAmount': '800', 'penalty.decidedAt': '2024-03-06 10:00' };
    expect(ids(run(fields), 'adm-station-authority')).toHaveLength(1);
    expect(run({ ...fields, 'case.adminType': '其他行政案件' }).notApplicable).toContain('adm-station-authority');
  });
  it('a rule whose qualifying fields are all off the page is not applicable, not passed (interrogation recording)', () => {
    const bare = run({ 'interrogation.recorded': '否' });
    expect(bare.notApplicable).toContain('interrogation-av-recording');
    expect(bare.passed).not.toContain('interrogation-av-recording');
    const other = run({ 'interrogation.recorded': '否', 'interrogation.maxPenalty': '其他' });
    expect(other.passed).toContain('interrogation-av-recording');
    expect(ids(run({ 'interrogation.recorded': '否', 'case.majorCrime': '是' }), 'interrogation-av-recording')).toHaveLength(1);
  });
  it('an old case with its closing date emptied says the delay in days with the due time', () => {
    const [f] = ids(run({ 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '' }, '2026-11-30 09:00'), 'detention-custody-24h');
    expect(f!.message).toContain('已超期998日');
    expect(f!.message).toContain('2024-03-06 14:30');
    expect(f!.message).not.toMatch(/\d{4,}小时/);
  });
  it('an empty page gives nothing at all', () => {
    const r = run({});
    expect(r.findings).toEqual([]);
    expect(r.passed).toEqual([]);
    expect(r.notApplicable).toHaveLength(compiled.rules.length);
  });
});

describe('unreadable values (needs review)', () => {
  it('names the field and the text, severity warning, never a guess', () => {
    const r = run({ 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '3月6日下午' });
    const f = ids(r, 'detention-family-notice-24h');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'needs-review', severity: 'warning', fieldKey: 'detention.familyNotifiedAt' });
    expect(f[0]!.message).toContain('通知家属时间“3月6日下午”无法识别');
    expect(r.fields['detention.familyNotifiedAt']).toBe('3月6日下午');
  });
  it('a value with right-to-left letters is isolated in the message, so it cannot reorder the text around it (#16.7)', () => {
    const r = run({ 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '2024-03-06 שעה 14' });
    const [f] = ids(r, 'detention-family-notice-24h');
    expect(f!.message).toContain('通知家属时间“\u20682024-03-06 שעה 14\u2069”无法识别');
    const id = run({ 'suspect.idNumber': '5101072008\u05d0' });
    expect(id.findings.find((x) => x.fieldKey === 'suspect.idNumber')?.message).toContain('“\u20685101072008\u05d0\u2069”');
  });
});

describe('repeated groups', () => {
  it('evaluates each suspect and says which row', () => {
    const r = run({ 'suspect.idNumber': ['320102198503120012', '320102198503120013', '110105199005010034'] });
    const f = ids(r, 'id-number-valid');
    expect(f.map((x) => x.row)).toEqual([1]);
    expect(r.fields['suspect.idNumber']).toBe('320102198503120012');
  });
  it('pairs each interrogation with its suspect age', () => {
    const r = run({
      'interrogation.startAt': ['2024-03-05 19:00', '2024-03-06 10:00'],
      'suspect.birthDate': ['2008-01-02', '1990-01-02'],
      'interrogation.adultPresent': ['', ''],
    });
    expect(ids(r, 'minor-adult-present').map((x) => x.row)).toEqual([0]);
  });
  it('a row the page skips is there but empty, and a one-row field serves every row', () => {
    // Interrogation sessions 0 and 2 are filled in; the page has no row 1 for the interrogators.
    const r = evaluate(
      compiled,
      [
        { key: 'interrogation.interrogators', raw: '王伟', row: 0 },
        { key: 'interrogation.interrogators', raw: '王伟、张磊', row: 2 },
        { key: 'interrogation.startAt', raw: '2024-03-05 19:00', row: 0 },
        { key: 'interrogation.startAt', raw: '2024-03-06 10:00', row: 1 },
        { key: 'interrogation.startAt', raw: '2024-03-07 10:00', row: 2 },
        { key: 'case.kind', raw: '刑事' },
      ],
      { now: beijing('2026-11-01 09:00') },
    );
    const rows = ids(r, 'interrogation-two-officers').map((x) => [x.row, x.message]);
    expect(rows).toEqual([
      [0, expect.stringContaining('仅1人（王伟）')],
      [1, expect.stringContaining('仅0人（未填写）')],
    ]);
    expect(r.fields['case.kind']).toBe('刑事');
  });
  it('several controls with one label: a list joins them, other fields keep the first filled one', () => {
    const r = evaluate(
      compiled,
      [
        { key: 'seizure.officers', raw: '王伟' },
        { key: 'seizure.officers', raw: ' ' },
        { key: 'seizure.officers', raw: '张磊' },
        { key: 'case.number', raw: '' },
        { key: 'case.number', raw: 'XS2024-7' },
        { key: 'case.number', raw: 'XS2024-8' },
      ],
      { now: beijing('2026-11-01 09:00') },
    );
    expect(r.fields['seizure.officers']).toBe('王伟、张磊');
    expect(r.fields['case.number']).toBe('XS2024-7');
    expect(ids(r, 'seizure-two-officers')).toEqual([]);
  });
});

describe('deadline warnings from the current time (期限预警)', () => {
  const fields = { 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '' };
  it('passes early in the period', () => {
    expect(ids(run(fields, '2024-03-05 20:00'), 'detention-family-notice-24h')).toEqual([]);
  });
  it('due-soon in the last quarter, with the due instant for a countdown', () => {
    const f = ids(run(fields, '2024-03-06 10:00'), 'detention-family-notice-24h')[0]!;
    expect(f).toMatchObject({ kind: 'due-soon', severity: 'warning' });
    expect(f.message).toBe('尚未通知家属，应于 2024-03-06 14:30 前通知（剩余 4小时30分）');
    expect(f.dueAt).toBe(beijing('2024-03-06 14:30'));
  });
  it('violation once overdue', () => {
    const f = ids(run(fields, '2024-03-07 09:00'), 'detention-family-notice-24h')[0]!;
    expect(f).toMatchObject({ kind: 'violation', severity: 'error' });
    expect(f.message).toContain('已超期18小时30分');
  });
  it('does not depend on the computer’s time zone (tests run in America/New_York)', () => {
    expect(process.env.TZ).toBe('America/New_York');
    expect(new Date(beijing('2024-03-06 10:00')).toISOString()).toBe('2024-03-06T02:00:00.000Z');
  });
  it('the due-soon window is a user threshold', () => {
    const r = run(fields, '2024-03-06 10:00', { overrides: { 'detention-family-notice-24h': { dueSoonCapHours: 2 } } });
    expect(ids(r, 'detention-family-notice-24h')).toEqual([]);
  });
});

describe('holiday data outside its years', () => {
  it('warns in the scan and in the finding when a roll-over needs a missing year', () => {
    const r = run({ 'case.kind': '行政', 'penalty.decidedAt': '2027-09-29 10:00', 'penalty.servedAt': '2027-10-08 10:00' }, '2027-11-01 09:00');
    expect(r.warnings).toContain('节假日数据未覆盖该年份：2027');
    expect(ids(r, 'adm-service-deadline')[0]!.message).toContain('节假日数据未覆盖2027年');
  });
  it('hour and custody periods never raise it', () => {
    const r = run({ 'detention.startAt': '2030-03-05 14:30', 'detention.custodyAt': '2030-03-06 10:00', 'detention.arrestRequestedAt': '2030-03-08 10:00' }, '2030-04-01 09:00');
    expect(r.warnings).toEqual([]);
  });
});

describe('user overrides kept apart from the pack', () => {
  const fields = { 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '2024-03-06 16:45' };
  it('disables a rule', () => {
    const r = run(fields, undefined, { overrides: { 'detention-family-notice-24h': { enabled: false } } });
    expect(ids(r, 'detention-family-notice-24h')).toEqual([]);
    expect(r.passed).not.toContain('detention-family-notice-24h');
  });
  it('changes a severity', () => {
    const r = run(fields, undefined, { overrides: { 'detention-family-notice-24h': { severity: 'warning' } } });
    expect(ids(r, 'detention-family-notice-24h')[0]!.severity).toBe('warning');
  });
});

describe('messages', () => {
  it('English is a full second locale', () => {
    const r = run({ 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '2024-03-06 16:45' }, undefined, { locale: 'en' });
    const f = ids(r, 'detention-family-notice-24h')[0]!;
    expect(f.message).toBe('The family was notified 26 h 15 min after detention, beyond the legal 24 hours (due 2024-03-06 14:30)');
    expect(f.title).toBe('Notify the family within 24 hours of detention');
  });
  it('a reference with its own condition is cited only where it holds, row by row (PS12 84③: under 16)', () => {
    const fields = {
      'case.kind': '行政',
      'interrogation.startAt': ['2024-03-05 19:00', '2024-03-05 21:00'],
      'suspect.birthDate': ['2008-08-18', '2006-08-18'],
      'interrogation.adultPresent': ['', ''],
    };
    const [young, older] = ids(run(fields), 'adm-minor-guardian');
    expect(young!.row).toBe(0);
    expect(young!.basis).toContain('第八十四条第三款');
    expect(older!.row).toBe(1);
    expect(older!.basis).not.toContain('第八十四条');
    expect(older!.basis).toContain('《公安机关办理行政案件程序规定》第七十五条');
  });
  it('the basis cites the law version in force at the act', () => {
    const base = { 'case.kind': '行政', 'penalty.decider': '派出所', 'penalty.kind': '罚款', 'penalty.fineAmount': '1500' };
    const old = ids(run({ ...base, 'penalty.decidedAt': '2025-06-01 10:00' }), 'adm-station-authority')[0]!;
    expect(old.basis).toBe('《中华人民共和国治安管理处罚法》（2012年修正）第九十一条');
    const now = ids(run({ ...base, 'penalty.decidedAt': '2026-06-01 10:00' }), 'adm-station-authority')[0]!;
    expect(now.basis).toBe('《中华人民共和国治安管理处罚法》（2025年修订）第一百零九条');
    // Each selection of references is joined once and kept: asking again gives each its own.
    expect(ids(run({ ...base, 'penalty.decidedAt': '2025-07-01 10:00' }), 'adm-station-authority')[0]!.basis).toBe(old.basis);
    expect(ids(run({ ...base, 'penalty.decidedAt': '2026-07-01 10:00' }), 'adm-station-authority')[0]!.basis).toBe(now.basis);
  });
});

describe('re-checking after a keystroke', () => {
  it('re-runs only the rules that read the changed field', () => {
    const affected = rulesAffectedBy(compiled, ['detention.familyNotifiedAt']);
    expect(affected).toEqual(new Set(['detention-family-notice-24h']));
    const partial = evaluate(compiled, snapshots({ 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '2024-03-06 16:45', 'bail.endDate': 'x' }), { only: affected });
    expect(partial.findings.map((f) => f.ruleId)).toEqual(['detention-family-notice-24h']);
  });
  it('pages with other fields in the same places, read one after another, are each read as they are', () => {
    // The engine remembers the keys of the last page by position: a page that differs must not
    // inherit them (a custody page, then a seizure page with its keys where the custody page had its own).
    const custody = { 'detention.startAt': '2024-03-05 14:30', 'detention.custodyAt': '2024-03-07 10:00' };
    const seizure = { 'seizure.startDate': '2024-03-05', 'seizure.officers': '王伟' };
    const shorter = { 'detention.startAt': '2024-03-05 14:30' };
    const found = (fields: Record<string, string>) => run(fields).findings.map((f) => `${f.ruleId}@${f.fieldKey}`);
    for (let round = 0; round < 2; round++) {
      expect(found(custody)).toContain('detention-custody-24h@detention.custodyAt');
      expect(found(seizure)).toEqual(['seizure-two-officers@seizure.officers']);
      expect(run(shorter).fields).toEqual({ 'detention.startAt': '2024-03-05 14:30' });
    }
  });
});

describe('what would make a rule pass (#15.4)', () => {
  it('names the lawful exception a user records on the form; none where it depends on the case type or a date', () => {
    const r = run({ 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '2024-03-06 16:45', 'detention.noNoticeReason': '' });
    const family = r.findings.find((f) => f.ruleId === 'detention-family-notice-24h')!;
    expect(family.remedy).toBe('或依法在“未通知家属原因”中注明：“无法通知”、“涉嫌危害国家安全犯罪通知可能有碍侦查”、“涉嫌恐怖活动犯罪通知可能有碍侦查”之一（法定例外情形）。');
    const en = run({ 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '2024-03-06 16:45' }, '2026-11-01 09:00', { locale: 'en' });
    expect(en.findings.find((f) => f.ruleId === 'detention-family-notice-24h')!.remedy).toMatch(/^Or, where the law allows it: record one of “无法通知”/);
    const custody = r.findings.find((f) => f.ruleId === 'detention-custody-24h');
    expect(custody?.remedy).toBeUndefined();
  });
});
