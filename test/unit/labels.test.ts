/** The label dictionary: every label of fields.md, and the normalisations it names. */
import { describe, expect, it } from 'vitest';
import { keyForLabel, normalizeLabel } from '../../lib/page/labels';
import { FIELDS } from '../../rules/fields';

describe('label dictionary', () => {
  it('maps every listed label to its canonical field (first listing wins on a shared label)', () => {
    const owner = new Map<string, string>();
    for (const def of FIELDS) for (const l of def.labels) if (!owner.has(normalizeLabel(l))) owner.set(normalizeLabel(l), def.key);
    for (const def of FIELDS) {
      for (const label of def.labels) expect(keyForLabel(label), label).toBe(owner.get(normalizeLabel(label)));
      expect(keyForLabel(def.labels[0]!), def.labels[0]).toBe(def.key);
    }
  });

  it.each([
    ['*拘留时间：', 'detention.startAt'],
    ['拘 留 时 间:', 'detention.startAt'],
    ['保证金（元）', 'bail.depositAmount'],
    ['罚款金额(元)：', 'penalty.fineAmount'],
    ['＊通知家属时间：', 'detention.familyNotifiedAt'],
    ['讯（询）问人', 'interrogation.interrogators'],
    ['身份证号码', 'suspect.idNumber'],
    ['　案号　', 'case.number'],
  ])('%s → %s', (label, key) => expect(keyForLabel(label)).toBe(key));

  it('does not match longer texts or unrelated words', () => {
    expect(keyForLabel('拘留时间应在二十四小时内')).toBeUndefined();
    expect(keyForLabel('备注')).toBeUndefined();
  });
});

describe('site profiles', () => {
  it('picks the profile whose URL pattern matches; a broken pattern matches nothing', async () => {
    const { profileFor } = await import('../../lib/page/read');
    const profiles = [
      { id: 'broken', urlPattern: '(', fields: [] },
      { id: 'jz', urlPattern: '^http://10\\.1\\.2\\.3:8080/jz/', fields: [{ key: 'detention.startAt', selector: '#jlsj' }] },
    ];
    expect(profileFor('http://10.1.2.3:8080/jz/case?id=1', profiles)?.id).toBe('jz');
    expect(profileFor('http://10.1.2.4:8080/jz/case', profiles)).toBeUndefined();
  });
});
