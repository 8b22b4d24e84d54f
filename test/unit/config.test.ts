/**
 * Configuration: origins as users type them, the unit's policy (storage.managed) merged with the
 * user's choices, overrides that survive a new pack, pack previews, calendars and site profiles —
 * through the same storage functions the options page and the popup call (fake-browser).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultCalendar } from '../../rules/periods/bundled-calendar';
import { effectiveConfig, isActiveOn, registeredOrigins } from '../../lib/config/effective';
import { diffPacks } from '../../lib/config/pack-diff';
import { readPolicy } from '../../lib/config/policy';
import { normalizeOrigin } from '../../lib/config/schema';
import {
  addSite,
  applyPack,
  assignProfileField,
  exportProfiles,
  importCalendar,
  importProfiles,
  loadCalendar,
  loadConfig,
  mirrorPolicy,
  removeSite,
  restoreBuiltInPack,
  rulePackItem,
  setRuleOverride,
  setSiteEnabled,
  updateSettings,
} from '../../lib/config/store';
import { urlPatternFor } from '../../lib/page/selector';
import { compilePack, evaluate } from '../../rules/engine';
import type { Pack } from '../../rules/pack';
import { defaultPack } from '../../rules/packs/default';
import { beijing } from './check-tester';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Next year's pack: one rule removed, one added, one with a new severity. */
function nextYearPack(): Pack {
  const pack = clone(defaultPack());
  pack.version = '2027.1.0';
  const removed = pack.rules.findIndex((r) => r.id === 'case-receipt-served');
  pack.rules.splice(removed, 1);
  const changed = pack.rules.find((r) => r.id === 'detention-family-notice-24h')!;
  changed.severity = 'warning';
  const added = clone(changed);
  added.id = 'detention-family-notice-12h';
  added.title = { 'zh-CN': '拘留后十二小时内通知家属（试行）', en: 'Notify the family within 12 hours (trial)' };
  pack.rules.push(added);
  return pack;
}

describe('origins as users type them', () => {
  it.each([
    ['http://10.12.3.4:8080', 'http://10.12.3.4:8080'],
    ['10.12.3.4:8080', 'http://10.12.3.4:8080'],
    ['  http://10.12.3.4:8080/  ', 'http://10.12.3.4:8080'],
    ['HTTP://JZ.GAJ.LOCAL', 'http://jz.gaj.local'],
    ['https://10.1.1.1:443', 'https://10.1.1.1'],
  ])('%s → %s', (input, origin) => {
    expect(normalizeOrigin(input)).toEqual({ ok: true, origin });
  });
  it.each([
    ['', '请输入站点地址'],
    ['http://10.*:8080', '通配符'],
    ['ftp://10.1.1.1', '只支持 http 或 https'],
    ['http://10.12.3.4:8080/jz/case', '不要含路径'],
    ['http://admin:pw@10.1.1.1', '用户名或密码'],
    ['http://10.1.1.1:99999', '无法识别'],
  ])('refuses %j', (input, error) => {
    const r = normalizeOrigin(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(error);
  });
});

describe('the unit’s policy (storage.managed)', () => {
  it('reads every field, and reports broken ones by path while applying the rest', () => {
    const r = readPolicy({
      origins: ['http://10.12.3.4:8080', '10.12.3.5', 'http://10.*', 42],
      units: ['城关派出所', '刑侦大队'],
      settings: { role: 'reviewer', reviewerUnit: '城关派出所', retentionDays: -3 },
      lockedSettings: ['role', 'sites'],
      ruleOverrides: { 'bail-max-12m': { severity: 'info' } },
      colour: 'red',
    });
    expect(r.present).toBe(true);
    expect(r.policy.origins).toEqual(['http://10.12.3.4:8080', 'http://10.12.3.5']);
    expect(r.policy.units).toEqual(['城关派出所', '刑侦大队']);
    expect([...r.policy.locked]).toEqual(['role', 'sites']);
    expect(r.policy.ruleOverrides).toEqual({ 'bail-max-12m': { severity: 'info' } });
    // The settings object had an error: it is reported and not applied.
    expect(r.policy.settings).toEqual({});
    expect(r.errors).toEqual([
      'colour: 未知的策略项',
      expect.stringMatching(/^origins\[2\]: .*通配符/),
      'origins[3]: 应为字符串',
      expect.stringMatching(/^settings\.retentionDays: /),
    ]);
  });

  it('takes a rule pack as JSON text and lists its errors by path when it is broken', () => {
    const good = readPolicy({ rulePack: JSON.stringify(nextYearPack()) });
    expect(good.errors).toEqual([]);
    expect(good.policy.pack?.version).toBe('2027.1.0');
    const broken = clone(nextYearPack()) as unknown as { rules: { severity: string }[] };
    broken.rules[3]!.severity = 'fatal';
    const bad = readPolicy({ rulePack: JSON.stringify(broken) });
    expect(bad.policy.pack).toBeUndefined();
    expect(bad.errors).toEqual([expect.stringMatching(/^rulePack\.rules\[3\]\.severity: /)]);
    expect(readPolicy({ rulePack: '{not json' }).errors[0]).toMatch(/^rulePack\.（规则包）: 不是有效的 JSON/);
  });

  it('is absent when the browser has none', () => {
    expect(readPolicy(undefined)).toMatchObject({ present: false, errors: [] });
    expect(readPolicy({})).toMatchObject({ present: false, errors: [] });
  });
});

describe('the configuration in force', () => {
  const user = { reviewerName: '张三', reviewerUnit: '自填单位', retentionDays: null, reminders: false, role: 'officer', locale: 'zh-CN' };

  it('locked policy settings win; unlocked ones are defaults the user may change', () => {
    const policy = readPolicy({ settings: { role: 'reviewer', reviewerUnit: '城关派出所', reminders: true }, lockedSettings: ['reviewerUnit'] });
    const c = effectiveConfig({ settings: user, config: null, rulePack: null }, policy);
    expect(c.settings.reviewerUnit).toBe('城关派出所'); // locked
    expect(c.settings.role).toBe('officer'); // the user chose
    expect(c.settings.reminders).toBe(false); // the user's stored value
    const fresh = effectiveConfig({ settings: undefined, config: null, rulePack: null }, policy);
    expect(fresh.settings).toMatchObject({ role: 'reviewer', reviewerUnit: '城关派出所', reminders: true });
  });

  it('lists policy origins as sites the user cannot remove, and with `sites` locked cannot switch off', () => {
    const config = { sites: [{ origin: 'http://10.9.9.9:8080', addedAt: 1 }], disabledOrigins: ['http://10.12.3.4:8080', 'http://10.9.9.9:8080'] };
    const open = effectiveConfig({ settings: null, config, rulePack: null }, readPolicy({ origins: ['http://10.12.3.4:8080'] }));
    expect(open.sites).toEqual([
      { origin: 'http://10.12.3.4:8080', managed: true, enabled: false },
      { origin: 'http://10.9.9.9:8080', managed: false, enabled: false, addedAt: 1 },
    ]);
    const locked = effectiveConfig({ settings: null, config, rulePack: null }, readPolicy({ origins: ['http://10.12.3.4:8080'], lockedSettings: ['sites'] }));
    expect(locked.sites).toEqual([{ origin: 'http://10.12.3.4:8080', managed: true, enabled: true }]);
    expect(registeredOrigins(locked)).toEqual(['http://10.12.3.4:8080']);
    expect(isActiveOn(locked, 'http://10.12.3.4:8080')).toBe(true);
    expect(isActiveOn(locked, 'http://10.9.9.9:8080')).toBe(false);
    expect(isActiveOn(locked, 'http://127.0.0.1:8080')).toBe(true);
  });

  it('uses the policy pack, else the imported one, else the built-in; a broken import falls back and says so', () => {
    const none = readPolicy(undefined);
    expect(effectiveConfig({ settings: null, config: null, rulePack: null }, none).packSource).toBe('built-in');
    expect(effectiveConfig({ settings: null, config: null, rulePack: nextYearPack() }, none)).toMatchObject({ packSource: 'user', pack: { version: '2027.1.0' } });
    const broken = effectiveConfig({ settings: null, config: null, rulePack: { format: 'caselint.pack/v1' } }, none);
    expect(broken.packSource).toBe('built-in');
    expect(broken.problems[0]).toContain('导入的规则包无效');
    const policyPack = { ...nextYearPack(), version: '2027.9.9' };
    expect(effectiveConfig({ settings: null, config: null, rulePack: nextYearPack() }, readPolicy({ rulePack: JSON.stringify(policyPack) }))).toMatchObject({
      packSource: 'policy',
      pack: { version: '2027.9.9' },
    });
  });

  it('lays the user’s rule overrides over the policy’s, unless `rules` is locked', () => {
    const config = { ruleOverrides: { 'bail-max-12m': { severity: 'error' }, 'case-receipt-served': { enabled: false } } };
    const policy = { ruleOverrides: { 'bail-max-12m': { severity: 'info', dueSoonCapHours: 72 } } };
    expect(effectiveConfig({ settings: null, config, rulePack: null }, readPolicy(policy)).ruleOverrides).toEqual({
      'bail-max-12m': { severity: 'error', dueSoonCapHours: 72 },
      'case-receipt-served': { enabled: false },
    });
    expect(effectiveConfig({ settings: null, config, rulePack: null }, readPolicy({ ...policy, lockedSettings: ['rules'] })).ruleOverrides).toEqual({
      'bail-max-12m': { severity: 'info', dueSoonCapHours: 72 },
    });
  });
});

describe('the unit’s hub in the configuration (#21.2, #21.4)', () => {
  const served = { ruleOverrides: { 'bail-max-12m': { severity: 'info' }, 'case-receipt-served': { enabled: false } }, rulePack: null, calendars: [], updatedAt: 1 };
  const withHub = { hub: { url: 'http://10.1.2.9:8787', enrollmentCode: 'code-12345678' } };

  it('no hub configured: none in force, and what a hub once served is not used', () => {
    const c = effectiveConfig({ settings: null, config: null, rulePack: null, hubConfig: served }, readPolicy(undefined));
    expect(c.hub).toBeNull();
    expect(c.ruleOverrides).toEqual({});
  });

  it('the policy’s hub wins over the user’s; a code without an address is reported', () => {
    const policy = readPolicy({ hubUrl: 'http://10.7.7.7:8787/', hubEnrollmentCode: 'unit-code-1' });
    expect(effectiveConfig({ settings: null, config: withHub, rulePack: null }, policy).hub).toEqual({ url: 'http://10.7.7.7:8787', enrollmentCode: 'unit-code-1', byPolicy: true });
    expect(effectiveConfig({ settings: null, config: withHub, rulePack: null }, readPolicy(undefined)).hub).toEqual({ ...withHub.hub, byPolicy: false });
    expect(readPolicy({ hubEnrollmentCode: 'unit-code-1' }).errors).toEqual(['hubEnrollmentCode: 未设置 hubUrl，登记码不起作用']);
  });

  it('the hub’s overrides and pack lie under the policy’s, the user’s on top unless locked', () => {
    const config = { ...withHub, ruleOverrides: { 'bail-max-12m': { dueSoonCapHours: 48 } } };
    const c = effectiveConfig({ settings: null, config, rulePack: null, hubConfig: served }, readPolicy({ ruleOverrides: { 'bail-max-12m': { severity: 'error' } } }));
    expect(c.ruleOverrides).toEqual({ 'bail-max-12m': { severity: 'error', dueSoonCapHours: 48 }, 'case-receipt-served': { enabled: false } });
    const pack = { ...nextYearPack(), version: '2027.5.5' };
    expect(effectiveConfig({ settings: null, config, rulePack: nextYearPack(), hubConfig: { ...served, rulePack: pack } }, readPolicy(undefined))).toMatchObject({ packSource: 'hub', pack: { version: '2027.5.5' } });
    expect(effectiveConfig({ settings: null, config, rulePack: null, hubConfig: { ...served, rulePack: pack } }, readPolicy({ rulePack: JSON.stringify({ ...pack, version: '2027.9.9' }) })).packSource).toBe('policy');
  });
});

describe('storage, as the options page and the popup change it (fake-browser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adds, switches off and removes a site; refuses what policy locks', async () => {
    expect(await addSite('10.12.3.4:8080', 5)).toBe('http://10.12.3.4:8080');
    await addSite('http://10.12.3.4:8080/'); // the same origin once
    expect((await loadConfig()).sites).toEqual([{ origin: 'http://10.12.3.4:8080', managed: false, enabled: true, addedAt: 5 }]);
    await setSiteEnabled('http://10.12.3.4:8080', false);
    await setSiteEnabled('http://127.0.0.1', false);
    const off = await loadConfig();
    expect(isActiveOn(off, 'http://10.12.3.4:8080')).toBe(false);
    expect(isActiveOn(off, 'http://127.0.0.1')).toBe(false);
    expect(registeredOrigins(off)).toEqual([]);
    await removeSite('http://10.12.3.4:8080');
    expect((await loadConfig()).sites).toEqual([]);
    await expect(addSite('http://10.*')).rejects.toThrow('通配符');

    await fakeBrowser.storage.managed.set({ origins: ['http://10.1.1.1'], lockedSettings: ['sites'] });
    await mirrorPolicy(); // what the worker does when the policy changes
    await expect(addSite('http://10.2.2.2')).rejects.toThrow('单位策略锁定');
    await expect(setSiteEnabled('http://10.1.1.1', false)).rejects.toThrow('单位策略锁定');
    expect((await loadConfig()).sites).toEqual([{ origin: 'http://10.1.1.1', managed: true, enabled: true }]);
  });

  it('applies managed settings and refuses to change locked ones', async () => {
    await fakeBrowser.storage.managed.set({ settings: { role: 'reviewer', reviewerUnit: '城关派出所' }, lockedSettings: ['reviewerUnit'], units: ['城关派出所'] });
    expect((await loadConfig()).policyPresent).toBe(false); // not copied yet
    await mirrorPolicy();
    const c = await loadConfig();
    expect(c).toMatchObject({ policyPresent: true, units: ['城关派出所'], settings: { role: 'reviewer', reviewerUnit: '城关派出所' } });
    await expect(updateSettings({ reviewerUnit: '别的单位' })).rejects.toThrow('单位策略锁定');
    await updateSettings({ reviewerUnit: '城关派出所', reviewerName: '李四', role: 'officer' }); // unchanged locked value is fine
    expect((await loadConfig()).settings).toMatchObject({ reviewerName: '李四', role: 'officer', reviewerUnit: '城关派出所' });
  });

  it('pages and content scripts never wait for storage.managed (its first read took 3 s per browser session)', async () => {
    await fakeBrowser.storage.managed.set({ origins: ['http://10.1.1.1'] });
    await mirrorPolicy();
    const managedRead = vi.spyOn(fakeBrowser.storage.managed, 'get');
    const config = await loadConfig();
    await setSiteEnabled('http://10.1.1.1', false);
    await updateSettings({ reviewerName: '李四' });
    expect(managedRead).not.toHaveBeenCalled();
    expect(config.sites.map((s) => s.origin)).toEqual(['http://10.1.1.1']);
    managedRead.mockRestore();
  });

  it('follows the policy as the worker copies it: changed, then withdrawn', async () => {
    await fakeBrowser.storage.managed.set({ origins: ['http://10.1.1.1'] });
    await mirrorPolicy();
    expect((await loadConfig()).sites.map((s) => s.origin)).toEqual(['http://10.1.1.1']);
    await fakeBrowser.storage.managed.set({ origins: ['http://10.2.2.2'] });
    await mirrorPolicy();
    expect((await loadConfig()).sites.map((s) => s.origin)).toEqual(['http://10.2.2.2']);
    await fakeBrowser.storage.managed.clear();
    await mirrorPolicy();
    expect(await loadConfig()).toMatchObject({ policyPresent: false, sites: [] });
  });

  it('keeps the user’s overrides when a new pack comes, and the engine applies them', async () => {
    await setRuleOverride('detention-family-notice-24h', { severity: 'info', dueSoonCapHours: 6 });
    await setRuleOverride('bail-max-12m', { enabled: false });
    expect(await applyPack(nextYearPack())).toEqual({ ok: true });
    const c = await loadConfig();
    expect(c.packSource).toBe('user');
    expect(c.ruleOverrides).toEqual({ 'detention-family-notice-24h': { severity: 'info', dueSoonCapHours: 6 }, 'bail-max-12m': { enabled: false } });

    const fields = [
      { key: 'case.kind', raw: '刑事' },
      { key: 'detention.startAt', raw: '2024-03-05 14:30' },
      { key: 'detention.familyNotifiedAt', raw: '2024-03-06 16:45' },
    ];
    const result = evaluate(compilePack(c.pack), fields, { overrides: c.ruleOverrides, now: beijing('2024-03-07 10:00') });
    const finding = result.findings.find((f) => f.ruleId === 'detention-family-notice-24h');
    expect(finding?.severity).toBe('info'); // the pack says warning, the user said info
    expect(finding?.message).toContain('26小时15分');

    await setRuleOverride('bail-max-12m', null);
    expect((await loadConfig()).ruleOverrides['bail-max-12m']).toBeUndefined();
    await restoreBuiltInPack();
    expect((await loadConfig()).packSource).toBe('built-in');
  });

  it('refuses a broken pack with every error by path and changes nothing', async () => {
    await applyPack(nextYearPack());
    const broken = clone(nextYearPack()) as unknown as Record<string, unknown> & { rules: Record<string, unknown>[] };
    broken.rules[0]!.severity = 'fatal';
    delete broken.rules[1]!.check;
    const r = await applyPack(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.stringMatching(/^rules\[0\]\.severity: /), expect.stringMatching(/^rules\[1\]\.check: /)]);
    expect(((await rulePackItem.getValue()) as Pack).version).toBe('2027.1.0');
  });

  it('imports a newer year’s holidays and uses them for working-day periods', async () => {
    expect((await loadCalendar()).covers(2027)).toBe(false);
    // A year shaped like an arrangement (a file with two days off is refused as implausible): 2026's, a year on.
    const year2026 = defaultCalendar.daysOf(2026);
    const on = (d: string) => `2027${d.slice(4)}`;
    const r = await importCalendar({ holidays: year2026.holidays.map(on), workdays: [...year2026.workdays.map(on), '2027-09-26'] });
    expect(r).toEqual({ ok: true, years: [2027] });
    const calendar = await loadCalendar();
    expect(calendar.covers(2027)).toBe(true);
    expect(calendar.covers(2024)).toBe(true); // the bundled years stay
    expect(calendar.status(Date.UTC(2027, 9, 4)).working).toBe(false); // a Monday holiday
    expect(calendar.status(Date.UTC(2027, 8, 26)).working).toBe(true); // a Sunday made a working day
    const bad = await importCalendar({ holidays: { '2027/10/01': '国庆节' }, workdays: [] });
    expect(bad).toEqual({ ok: false, errors: [expect.stringMatching(/^holidays(\.|: )/)] });
  });

  it('saves picked fields into a profile per page address, and exports and imports profiles', async () => {
    const pattern = urlPatternFor('http://10.12.3.4:8080/jz/case/XS2024-0302/detention?tab=2');
    expect(pattern).toBe('^http://10\\.12\\.3\\.4:8080/jz/case/[^/]+/detention(?:[?#]|$)');
    expect(new RegExp(pattern).test('http://10.12.3.4:8080/jz/case/XZ2025-0001/detention')).toBe(true);
    expect(new RegExp(pattern).test('http://10.12.3.4:8080/jz/case/XZ2025-0001/bail')).toBe(false);
    await assignProfileField(pattern, { key: 'detention.startAt', selector: '#kssj' });
    await assignProfileField(pattern, { key: 'detention.familyNotifiedAt', selector: '#tzsj' });
    await assignProfileField(pattern, { key: 'detention.startAt', selector: 'input[name="jlsj"]' }); // re-assigned
    const [profile] = (await loadConfig()).profiles;
    expect(profile?.fields).toEqual([
      { key: 'detention.familyNotifiedAt', selector: '#tzsj' },
      { key: 'detention.startAt', selector: 'input[name="jlsj"]' },
    ]);
    const file = JSON.parse(exportProfiles((await loadConfig()).profiles));
    fakeBrowser.reset();
    expect(await importProfiles(file)).toEqual({ ok: true, count: 1 });
    expect((await loadConfig()).profiles).toEqual([profile]);
    const bad = await importProfiles({ format: 'caselint.profiles/v1', profiles: [{ id: 'x', urlPattern: '([', fields: [{ key: 'no.such', selector: '#a' }] }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual([expect.stringMatching(/^profiles\[0\]\.urlPattern: /), expect.stringMatching(/^profiles\[0\]\.fields\[0\]\.key: 未知的字段/)]);
  });
});

describe('what a new pack would change', () => {
  it('lists added, removed and changed rules, and overrides left without a rule', () => {
    const diff = diffPacks(defaultPack(), nextYearPack(), ['case-receipt-served', 'bail-max-12m']);
    expect(diff.added).toEqual([{ id: 'detention-family-notice-12h', title: '拘留后十二小时内通知家属（试行）' }]);
    expect(diff.removed).toEqual([{ id: 'case-receipt-served', title: '受案应出具回执' }]);
    expect(diff.changed).toEqual([{ id: 'detention-family-notice-24h', title: '拘留后二十四小时内通知家属', parts: ['severity'] }]);
    expect(diff.unchanged).toBe(defaultPack().rules.length - 2);
    expect(diff.orphanedOverrides).toEqual(['case-receipt-served']);
  });
  it('sees no change when only the key order differs', () => {
    const reordered = clone(defaultPack());
    reordered.rules = reordered.rules.map((r) => Object.fromEntries(Object.entries(r).reverse()) as typeof r);
    expect(diffPacks(defaultPack(), reordered)).toMatchObject({ added: [], removed: [], changed: [] });
  });
});
