import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatWall } from '../../rules/periods/time';
import { normalizedText, normalizeText, parseAmount, parseBool, parseDateTime, parseInt10, parseList, parseValue, stripInvisible, toHalfWidth } from '../../rules/values/parse';
import { validateIdNumber } from '../../rules/values/id-number';
import { chineseNumber, formatAmount, formatPeriod, groupedNumber, interpolate } from '../../rules/format';

describe('dates and times as case pages write them (fields.md)', () => {
  const cases: [string, string][] = [
    ['2024-03-05 14:30', '2024-03-05 14:30'],
    ['2024-03-05 14:30:00', '2024-03-05 14:30'],
    ['2024/3/5 14:30:00', '2024-03-05 14:30'],
    ['2024年03月05日14时30分', '2024-03-05 14:30'],
    ['2024年03月05日 14时30分', '2024-03-05 14:30'],
    ['2024年3月5日 14:30', '2024-03-05 14:30'],
    ['2024-03-05T14:30', '2024-03-05 14:30'],
    ['２０２４－０３－０５　１４：３０', '2024-03-05 14:30'],
    ['2024.03.05 14:30', '2024-03-05 14:30'],
    ['2024-03-05 24:00', '2024-03-06 00:00'],
    ['2024年3月5日14点30分', '2024-03-05 14:30'],
    ['20240305 1430', '2024-03-05 14:30'],
  ];
  for (const [text, want] of cases) it(`${text}`, () => expect(formatWall(parseDateTime(text)!.ms)).toBe(want));

  it('reads dates alone as dates', () => {
    for (const text of ['2024-03-05', '1985年03月12日', '2024/3/5', '20240305']) {
      const v = parseDateTime(text)!;
      expect(v.dateOnly, text).toBe(true);
    }
    expect(formatWall(parseDateTime('1985年03月12日')!.ms, true)).toBe('1985-03-12');
  });

  it('refuses what is not a date, never guesses', () => {
    for (const text of ['2024-02-30', '2024-13-01', '3月5日', '昨天下午', '2024-03-05 25:10', '2024-03-05 14:61', '14:30', '']) {
      expect(parseDateTime(text), text).toBeNull();
    }
  });
});

describe('amounts, integers, booleans, lists', () => {
  it('amounts', () => {
    expect(parseAmount('3000')).toBe(3000);
    expect(parseAmount('3,000.00')).toBe(3000);
    expect(parseAmount('3000元')).toBe(3000);
    expect(parseAmount('￥3000')).toBe(3000);
    expect(parseAmount('¥ 1,500.50 元')).toBe(1500.5);
    expect(parseAmount('人民币贰仟元')).toBeNull();
    expect(parseAmount('三千')).toBeNull();
    expect(parseAmount('1万元')).toBe(10000);
  });
  it('integers in digits or small Chinese numerals', () => {
    expect(parseInt10('15')).toBe(15);
    expect(parseInt10('十五日')).toBe(15);
    expect(parseInt10('二十')).toBe(20);
    expect(parseInt10('三')).toBe(3);
    expect(parseInt10('3次')).toBe(3);
    expect(parseInt10('若干')).toBeNull();
  });
  it('booleans', () => {
    for (const t of ['是', '有', '√', 'true', 'checked']) expect(parseBool(t), t).toBe(true);
    for (const t of ['否', '无', '×', 'false']) expect(parseBool(t), t).toBe(false);
    expect(parseBool('不详')).toBeNull();
  });
  it('lists split on the separators forms use', () => {
    expect(parseList('王伟、张磊，刘洋;陈晨 赵敏')).toEqual(['王伟', '张磊', '刘洋', '陈晨', '赵敏']);
  });
  it('a date field drops a time a page appends', () => {
    const r = parseValue('date', '2024-03-05 14:30');
    expect(r.ok && normalizedText(r.parsed)).toBe('2024-03-05');
  });
});

describe('citizen ID numbers', () => {
  it('accepts valid numbers and reads birth date and gender', () => {
    const r = validateIdNumber('320102198503120012');
    expect(r.ok && r.info.gender).toBe('男');
    expect(validateIdNumber('11010519510101001X').ok).toBe(true);
  });
  it('names the problem', () => {
    expect(validateIdNumber('3201021985031200')).toMatchObject({ ok: false, problem: 'length' });
    expect(validateIdNumber('000102198503120012')).toMatchObject({ ok: false, problem: 'region' });
    expect(validateIdNumber('320102198513120012')).toMatchObject({ ok: false, problem: 'date' });
    expect(validateIdNumber('320102198503120019')).toMatchObject({ ok: false, problem: 'checksum', expectedCheck: '2' });
  });
});

describe('article numbers in Chinese', () => {
  it.each([
    [3, '三'], [10, '十'], [16, '十六'], [85, '八十五'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [119, '一百一十九'], [200, '二百'], [202, '二百零二'], [324, '三百二十四'],
  ])('%i → %s', (n, s) => expect(chineseNumber(n)).toBe(s));
});

describe('groupedNumber', () => {
  it('groups whole amounts as Intl does, and leaves fractions and huge numbers to Intl', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    for (const n of [0, 7, 10, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 20_000_000, -5, -1000, -1_234_567, 1234.5, 0.25, 2 ** 53 + 2, 1e21]) {
      expect(groupedNumber(n), String(n)).toBe(intl.format(n));
    }
    expect(formatAmount(3000)).toBe('3,000元');
    expect(formatAmount(3000, 'en')).toBe('3,000 yuan');
  });
});

describe('message templates', () => {
  it('fill placeholders from the data, call a function only when its placeholder is used, and leave other names visible', () => {
    let calls = 0;
    const due = () => {
      calls++;
      return '2024-03-06 15:00';
    };
    expect(interpolate('{{to}}晚于{{from}}{{count}}次（截止 {{ due }}）', { to: '送押时间', from: '拘留时间', count: 0, due })).toBe('送押时间晚于拘留时间0次（截止 2024-03-06 15:00）');
    expect(calls).toBe(1);
    expect(interpolate('{{to}}未填写', { to: '送押时间', due })).toBe('送押时间未填写');
    expect(calls).toBe(1);
    // A pack author's typo, or a name every object inherits, is shown as written.
    expect(interpolate('{{missing}} {{constructor}} {{toString}} {{__proto__}}', { to: 'x' })).toBe('{{missing}} {{constructor}} {{toString}} {{__proto__}}');
  });
  it('write periods as the guideline does', () => {
    expect(formatPeriod({ unit: 'hour', amount: 24 })).toBe('24小时');
    expect(formatPeriod({ unit: 'day', amount: 7 })).toBe('7日');
    expect(formatPeriod({ unit: 'day', amount: 5, workingDays: true })).toBe('5个工作日');
    expect(formatPeriod({ unit: 'month', amount: 2 })).toBe('2个月');
    expect(formatPeriod({ unit: 'year', amount: 1 })).toBe('1年');
    expect(formatPeriod({ unit: 'day', amount: 5, workingDays: true }, 'en')).toBe('5 working days');
    expect(formatPeriod({ unit: 'hour', amount: 12 }, 'en')).toBe('12 hours');
  });
});

describe('the fast reading of `2024-03-05 14:30` and `2024-03-05`', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  it('gives what the general pattern gives for the same parts, valid or not (fast-check, 3,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1890, max: 2110 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))),
        (y, mo, d, time) => {
          const hm = time ? ` ${pad(time[0])}:${pad(time[1])}` : '';
          // Slashes are not the fast form: the general pattern reads them.
          expect(parseDateTime(`${y}-${pad(mo)}-${pad(d)}${hm}`)).toEqual(parseDateTime(`${y}/${pad(mo)}/${pad(d)}${hm}`));
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('leaves every other shape to the general pattern', () => {
    expect(parseDateTime('2024-03-05 24:00')).toEqual(parseDateTime('2024-03-06 00:00'));
    expect(parseDateTime('2024-02-30')).toBeNull();
    expect(parseDateTime('2024-03-05 14:3x')).toBeNull();
    expect(parseDateTime('2024-3-5 9:05')).toEqual(parseDateTime('2024-03-05 09:05'));
    expect(parseDateTime('２０２４-03-05 14:30')).toEqual(parseDateTime('2024-03-05 14:30'));
    expect(parseDateTime(' 2024-03-05 14:30')).toEqual(parseDateTime('2024-03-05 14:30'));
    expect(parseDateTime('2024-03-05T14:30')).toEqual(parseDateTime('2024-03-05 14:30'));
  });
});

describe('normalizeText', () => {
  // The rule it must keep: full-width folded, white space collapsed to one space, ends trimmed.
  const reference = (s: string) => toHalfWidth(s).replace(/\s+/g, ' ').trim();
  it('returns text with nothing to change as it is, and changes the rest as the rule says (fast-check, 3,000 runs)', () => {
    const pieces = fc.constantFrom('王伟', '、', ' ', '  ', '\t', '\n', '\u3000', '\u00a0', 'Ａ', '１', '，', '2024-03-05', '14:30', 'abc', '是');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(normalizeText(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('invisible characters in what a page shows (#16.7)', () => {
  const invisible = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\u200e', '\u202e', '\ufeff', '\0', '\ud800', '\udc00'];
  for (const ch of invisible) {
    it(`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is stripped, so the value reads as it shows`, () => {
      const shown = stripInvisible(`2024-03-${ch}05 14:30`);
      expect(shown).toBe('2024-03-05 14:30');
      expect(parseDateTime(shown)).not.toBeNull();
      expect(validateIdNumber(stripInvisible(`51010720080818${ch}0021`)).ok).toBe(true);
    });
  }
  it('keeps what is text: Chinese, full-width forms, and characters outside the BMP (paired surrogates)', () => {
    for (const s of ['王伟、张磊', '２０２４年３月５日', '𠀋𡈽 王', '']) expect(stripInvisible(s)).toBe(s);
  });
});
