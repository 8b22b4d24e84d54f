/**
 * Rule packs: the guideline's conduct rules as data (axe-core's `lib/rules/*.json`). A pack is
 * validated in full before it is used; every error is listed by its path, and a rejected pack
 * changes nothing.
 */
import { CheckSchema } from './checks/params';
import { registryMessageIds } from './checks/registry';
import type { CheckSpec, Localized, Severity } from './checks/types';
import { ConditionSchema } from './condition-schema';
import type { Condition } from './conditions';
import { fieldGroup } from './fields';
import { DateSchema, FieldKeySchema, FieldKeysSchema, LocalizedSchema, SeveritySchema } from './schema-common';
import { FindingKindSchema } from './finding';
import { z } from './zod';

export const PACK_FORMAT = 'caselint.pack/v1';

const LawSchema = z.strictObject({
  /** Full title without 《》: 中华人民共和国刑事诉讼法. */
  title: z.string().min(1),
  /** Shown after the title when two versions coexist: 2012年修正. */
  edition: z.string().optional(),
  /** In force from (inclusive) / until (exclusive): used to cite the version that applies. */
  from: DateSchema.optional(),
  until: DateSchema.optional(),
});

const LawRefSchema = z.strictObject({
  law: z.string().min(1),
  article: z.number().int().positive('应为正数').optional(),
  clause: z.number().int().positive('应为正数').optional(),
  item: z.number().int().positive('应为正数').optional(),
  /** Free text instead of or after the article (a national standard, a policy paper). */
  text: z.string().optional(),
  /** Cited only for criminal or administrative cases. */
  scope: z.enum(['criminal', 'administrative']).optional(),
  adminType: z.enum(['治安案件', '其他行政案件']).optional(),
  /** Cited only when this holds for the finding's row (PS12 84 第三款: a person under 16). */
  when: ConditionSchema.optional(),
});

const ExampleValue = z.union([z.string(), z.null(), z.array(z.union([z.string(), z.null()])).min(1)]);

const ExampleSchema = z.strictObject({
  name: z.string().min(1),
  /** Field values as a page shows them; an array gives one value per repeated row (suspects). */
  fields: z.record(FieldKeySchema, ExampleValue),
  /** Now, Beijing time, for deadline warnings: `2024-03-06 10:00`. */
  now: z.string().optional(),
  expect: z
    .strictObject({
      kind: FindingKindSchema.optional(),
      severity: SeveritySchema.optional(),
      fieldKey: FieldKeySchema.optional(),
      row: z.number().int().nonnegative().optional(),
      messageIncludes: z.string().optional(),
      /** The legal basis cited with the finding includes / does not include this text. */
      basisIncludes: z.string().optional(),
      basisExcludes: z.string().optional(),
    })
    .optional(),
});

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '应为小写字母、数字和连字符组成的编号（如 detention-custody-24h）'),
  category: z.string().min(1),
  /** 刑事 (applies unless case.kind is 行政), 行政 (only when case.kind is 行政), or both. */
  scope: z.enum(['criminal', 'administrative', 'both']),
  /** Administrative types the rule applies to; a page that does not say is a 治安 case. */
  adminTypes: z.array(z.enum(['治安案件', '其他行政案件'])).min(1).optional(),
  severity: SeveritySchema,
  title: LocalizedSchema,
  guideline: z.strictObject({
    /** 行为规范 */
    norm: z.string().min(1),
    /** 相关依据 */
    basis: z.array(LawRefSchema).min(1),
    basisNote: z.string().optional(),
    /** 常见顽疾 */
    chronicProblem: z.string().min(1),
    /** 巡查标准 */
    patrolStandard: z.string().min(1),
  }),
  /** The act whose date decides the law version (first one set; now when none is). */
  versionDate: z.array(FieldKeySchema).min(1).optional(),
  /** Fields that start the rule (each entry: any of its keys); defaults to the check's own. */
  triggers: z.array(FieldKeysSchema).optional(),
  /** The rule is checked only when this holds; otherwise it counts as passed. */
  when: ConditionSchema.optional(),
  /** A lawful exception: when it holds, the rule passes. */
  exceptWhen: ConditionSchema.optional(),
  check: CheckSchema,
  /** Messages per message id of the check, overriding the check's defaults. */
  messages: z.record(z.string(), LocalizedSchema),
  examples: z.strictObject({ pass: z.array(ExampleSchema).min(1), fail: z.array(ExampleSchema).min(1) }),
});

export const PackSchema = z
  .strictObject({
    format: z.literal(PACK_FORMAT),
    id: z.string().min(1),
    version: z.string().min(1),
    name: LocalizedSchema,
    categories: z.record(z.string(), LocalizedSchema),
    laws: z.record(z.string(), LawSchema),
    rules: z.array(RuleSchema).min(1),
  });

type Issue = { path: PropertyKey[]; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
/** Own keys only (Object.hasOwn is Chrome 93+; the plugin runs in older cores). */
const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Checks across rules (duplicate ids, known categories and laws, message ids the check emits).
 * They run on the raw input, so a pack with other errors still gets these listed too.
 */
function crossIssues(pack: unknown): Issue[] {
  const out: Issue[] = [];
  if (!isObj(pack) || !Array.isArray(pack.rules)) return out;
  const categories = isObj(pack.categories) ? pack.categories : {};
  const laws = isObj(pack.laws) ? pack.laws : {};
  const seen = new Map<string, number>();
  pack.rules.forEach((rule, i) => {
    if (!isObj(rule)) return;
    if (typeof rule.id === 'string') {
      const first = seen.get(rule.id);
      if (first !== undefined) out.push({ path: ['rules', i, 'id'], message: `规则编号“${rule.id}”重复（另见 rules[${first}]）` });
      else seen.set(rule.id, i);
    }
    if (typeof rule.category === 'string' && !hasOwn(categories, rule.category)) {
      out.push({ path: ['rules', i, 'category'], message: `未知的规则类别“${rule.category}”` });
    }
    const basis = isObj(rule.guideline) && Array.isArray(rule.guideline.basis) ? rule.guideline.basis : [];
    basis.forEach((ref, j) => {
      if (isObj(ref) && typeof ref.law === 'string' && !hasOwn(laws, ref.law)) {
        out.push({ path: ['rules', i, 'guideline', 'basis', j, 'law'], message: `未知的法律“${ref.law}”` });
      }
    });
    if (isObj(rule.messages) && isObj(rule.check)) {
      let ids: Set<string> | undefined;
      try {
        ids = new Set(registryMessageIds(rule.check as CheckSpec));
      } catch {
        ids = undefined; // an unknown check type is reported by the schema
      }
      for (const id of Object.keys(rule.messages)) {
        if (ids && !ids.has(id)) {
          out.push({ path: ['rules', i, 'messages', id], message: `该检查不会产生消息“${id}”（可产生：${[...ids].join('、')}）` });
        }
      }
    }
    if (isObj(rule.examples)) {
      for (const kind of ['pass', 'fail'] as const) {
        const list = rule.examples[kind];
        if (!Array.isArray(list)) continue;
        list.forEach((ex, j) => {
          if (!isObj(ex) || !isObj(ex.fields)) return;
          for (const [key, v] of Object.entries(ex.fields)) {
            if (Array.isArray(v) && !fieldGroup(key)) {
              out.push({
                path: ['rules', i, 'examples', kind, j, 'fields', key],
                message: '只有成组字段（suspect.*、interrogation.*）才能按行取值',
              });
            }
          }
        });
      }
    }
  });
  return out;
}

export type Pack = z.infer<typeof PackSchema>;
export type Rule = Pack['rules'][number];
export type Example = Rule['examples']['pass'][number];
export type { CheckSpec, Condition, Localized, Severity };

/** `rules[3].check.period.amount` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '（规则包）';
}

/** Where JSON.parse stopped, in Chinese (the browser's own message is English). */
function jsonPosition(e: unknown): string {
  const at = /position (\d+)/.exec((e as Error)?.message ?? '')?.[1];
  return at ? `（第 ${Number(at) + 1} 个字符处）` : '';
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys that could reach an object's prototype, wherever they stand in the input. */
function forbiddenKeys(value: unknown, path: PropertyKey[] = [], out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => forbiddenKeys(v, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) out.push(`${formatPath([...path, key])}: 不允许的键“${key}”`);
      else forbiddenKeys((value as Record<string, unknown>)[key], [...path, key], out);
    }
  }
  return out;
}

/** Deeper than any pack needs (a rule's checks nest a few levels): refused before anything recurses. */
const MAX_DEPTH = 64;

/** The path of the first value nested deeper than MAX_DEPTH, found without recursion. */
function tooDeep(value: unknown): PropertyKey[] | undefined {
  const stack: [unknown, PropertyKey[]][] = [[value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (path.length > MAX_DEPTH) return path;
    if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) stack.push([child, [...path, Array.isArray(v) ? Number(k) : k]]);
  }
  return undefined;
}

export class PackError extends Error {
  constructor(readonly errors: string[]) {
    super(`规则包无效：\n${errors.map((e) => `- ${e}`).join('\n')}`);
    this.name = 'PackError';
  }
}

export type PackValidation = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/** Validates a pack (parsed JSON or JSON text); lists every error by path. */
export function validatePack(input: unknown): PackValidation {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [`（规则包）: 不是有效的 JSON${jsonPosition(e)}`] };
    }
  }
  const deep = tooDeep(value);
  if (deep) return { ok: false, errors: [`${formatPath(deep.slice(0, 8))}…: 嵌套超过 ${MAX_DEPTH} 层，不是规则包 / nested deeper than ${MAX_DEPTH} levels`] };
  const forbidden = forbiddenKeys(value);
  const parsed = PackSchema.safeParse(value);
  const errors = [
    ...forbidden,
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`)),
    ...crossIssues(value).map((i) => `${formatPath(i.path)}: ${i.message}`),
  ];
  if (errors.length || !parsed.success) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, pack: parsed.data };
}

export function parsePack(input: unknown): Pack {
  const r = validatePack(input);
  if (!r.ok) throw new PackError(r.errors);
  return r.pack;
}
