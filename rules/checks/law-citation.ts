/** law-citation — a decision names the law and the article it applies (依据写明法律名称和条款). */
import { normalizeText } from '../values/parse';
import { isolate } from '../format';
import { defineCheck, PASS, fail } from './types';
import type { CheckParams } from './params';

type Params = CheckParams['law-citation'];

/** 《…》 or a title ending in 法/条例/规定/办法/解释. */
const LAW = /《[^》]{2,}》|[\u4e00-\u9fa5]{2,}(法|条例|规定|办法|解释)/;
/** 第八十五条, 第85条, 第二十六条第（一）项. */
const ARTICLE = /第\s*[0-9零〇一二两三四五六七八九十百千]+\s*条/;

export default defineCheck<Params>({
  id: 'law-citation',
  description: 'A text field names a law and one of its articles.',
  messages: {
    missing: { 'zh-CN': '{{field}}未填写', en: '{{fieldEn}} is empty' },
    noLaw: { 'zh-CN': '{{field}}未写明法律、法规名称（当前：{{value}}）', en: '{{fieldEn}} names no law (now: {{value}})' },
    noArticle: { 'zh-CN': '{{field}}未写明具体条款（当前：{{value}}）', en: '{{fieldEn}} names no article (now: {{value}})' },
  },
  triggers: (p) => [[p.field]],
  reads: (p) => [p.field],
  evaluate(ctx, p) {
    const value = normalizeText(ctx.text(p.field) ?? '');
    const data = { value: isolate(value) };
    if (!value) return fail('missing', p.field, data);
    if (!LAW.test(value)) return fail('noLaw', p.field, data);
    if (!ARTICLE.test(value)) return fail('noArticle', p.field, data);
    return PASS;
  },
});
