/**
 * id-number — an 18-digit citizen ID number (GB 11643-1999): length, province code, birth date,
 * check digit; and its agreement with the birth date and gender recorded beside it.
 */
import { formatDate, startOfDay } from '../periods/time';
import { isolate } from '../format';
import { validateIdNumber } from '../values/id-number';
import { defineCheck, PASS, fail } from './types';
import type { CheckParams } from './params';

type Params = CheckParams['id-number'];

export default defineCheck<Params>({
  id: 'id-number',
  description: 'A valid 18-digit citizen ID number consistent with birth date and gender.',
  messages: {
    length: { 'zh-CN': '{{field}}“{{value}}”不是18位公民身份号码', en: '{{fieldEn}} "{{value}}" is not an 18-digit citizen ID number' },
    region: { 'zh-CN': '{{field}}“{{value}}”的行政区划代码无效', en: '{{fieldEn}} "{{value}}" has an invalid region code' },
    date: { 'zh-CN': '{{field}}“{{value}}”中的出生日期无效', en: '{{fieldEn}} "{{value}}" holds an invalid birth date' },
    checksum: {
      'zh-CN': '{{field}}“{{value}}”校验码错误（应为 {{expected}}），请核对录入',
      en: '{{fieldEn}} "{{value}}" has a wrong check digit (expected {{expected}})',
    },
    birthMismatch: {
      'zh-CN': '{{field}}中的出生日期（{{idBirth}}）与出生日期栏（{{birth}}）不一致',
      en: 'The birth date in {{fieldEn}} ({{idBirth}}) differs from the birth date field ({{birth}})',
    },
    genderMismatch: {
      'zh-CN': '{{field}}显示性别为{{idGender}}，与性别栏（{{gender}}）不一致',
      en: '{{fieldEn}} gives gender {{idGender}}, the gender field says {{gender}}',
    },
  },
  triggers: (p) => [[p.field]],
  reads: (p) => [p.field, ...(p.birthDate ? [p.birthDate] : []), ...(p.gender ? [p.gender] : [])],
  evaluate(ctx, p) {
    const value = ctx.text(p.field);
    if (!value) return PASS;
    const base = { value: isolate(value) };
    const result = validateIdNumber(value, startOfDay(ctx.now));
    if (!result.ok) {
      return fail(result.problem, p.field, { ...base, expected: result.expectedCheck ?? '' });
    }
    if (p.birthDate) {
      const birth = ctx.time(p.birthDate);
      if (birth && startOfDay(birth.ms) !== result.info.birthDay) {
        return fail('birthMismatch', p.field, { ...base, idBirth: formatDate(result.info.birthDay), birth: formatDate(birth.ms) });
      }
    }
    if (p.gender) {
      const gender = ctx.text(p.gender);
      if (gender && (gender === '男' || gender === '女') && gender !== result.info.gender) {
        return fail('genderMismatch', p.field, { ...base, idGender: result.info.gender, gender });
      }
    }
    return PASS;
  },
});
