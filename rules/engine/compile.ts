/**
 * Compiling a pack: each rule resolved once — its check's definition, triggers as field infos, the
 * fields it reads, its legal references — and which rules each field affects.
 */
import { definitionOf, registryReads } from '../checks/registry';
import { type CheckDefinition, type CheckSpec, type Severity } from '../checks/types';
import { conditionReads, type Condition } from '../conditions';
import { fieldGroup, type FieldGroup } from '../fields';
import { chineseNumber } from '../format';
import type { RuntimePack, RuntimeRule } from '../runtime-pack';
import { FieldInfo, fieldInfos } from './record';

type LawRef = { law: string; point: string; from?: number; until?: number; scope?: string; adminType?: string; when?: Condition };

/**
 * A rule as the engine runs it. What a scan reads of the rule is copied here, every key always
 * present and in one order: rules in a pack differ in which optional keys they have (so in their
 * hidden classes), and the engine's look-ups should not.
 */
export class CompiledRule {
  readonly id: string;
  readonly scope: RuntimeRule['scope'];
  readonly adminTypes: readonly string[] | undefined;
  readonly severity: Severity;
  readonly category: string;
  readonly title: RuntimeRule['title'];
  readonly messages: RuntimeRule['messages'];
  readonly when: Condition | undefined;
  readonly exceptWhen: Condition | undefined;
  readonly versionDate: readonly string[] | undefined;
  readonly check: CheckSpec;
  /** The definition of the rule's check, looked up once. */
  readonly definition: CheckDefinition;
  /** Each entry is satisfied when the page has one of its fields (resolved to their field info). */
  readonly triggers: readonly (readonly FieldInfo[])[];
  /** Every field the rule reads: for re-checking only the rules a changed field affects. */
  readonly fields: Set<string>;
  readonly groups: FieldGroup[];

  constructor(
    rule: RuntimeRule,
    triggers: readonly (readonly string[])[] | undefined,
    readonly lawRefs: readonly LawRef[],
    /** The basis text when no reference depends on the case or the date (most rules). */
    readonly staticBasis: string | undefined,
  ) {
    this.id = rule.id;
    this.scope = rule.scope;
    this.adminTypes = rule.adminTypes;
    this.severity = rule.severity;
    this.category = rule.category;
    this.title = rule.title;
    this.messages = rule.messages;
    this.when = rule.when;
    this.exceptWhen = rule.exceptWhen;
    this.versionDate = rule.versionDate;
    this.check = rule.check;
    this.definition = definitionOf(rule.check);
    this.triggers = fieldInfos(triggers ?? this.definition.triggers(rule.check));
    this.fields = fieldsOf(rule);
    this.groups = [...new Set([...this.fields].map(fieldGroup).filter((g): g is FieldGroup => !!g))];
  }
}

export interface CompiledPack {
  pack: RuntimePack;
  rules: CompiledRule[];
  /** Rule id → compiled rule, for re-checking a few rules. */
  byId?: Map<string, CompiledRule>;
  /** Field key → ids of the rules that read it. */
  dependents: Map<string, Set<string>>;
}

/**
 * Every field a rule reads, from what its parts declare: its triggers, version date, conditions,
 * check (`CheckDefinition.reads`), the case kind that scopes it, and what chooses its legal basis.
 */
function fieldsOf(rule: RuntimeRule): Set<string> {
  const out = new Set<string>(['case.kind']);
  for (const t of rule.triggers ?? []) for (const k of typeof t === 'string' ? [t] : t) out.add(k);
  for (const k of rule.versionDate ?? []) out.add(k);
  for (const c of [rule.when, rule.exceptWhen]) if (c) for (const k of conditionReads(c)) out.add(k);
  for (const k of registryReads(rule.check)) out.add(k);
  if (rule.adminTypes) out.add('case.adminType');
  for (const ref of rule.guideline.basis) {
    if (ref.adminType) out.add('case.adminType');
    if (ref.when) for (const k of conditionReads(ref.when)) out.add(k);
  }
  return out;
}

const dayOf = (s: string | undefined) => (s ? Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) : undefined);

/** One reference: the law as cited (《…》 and edition) and the point in it (第四十四条第一款…). */
function citation(pack: RuntimePack, ref: RuntimeRule['guideline']['basis'][number]): { law: string; point: string } {
  const law = pack.laws[ref.law];
  let point = '';
  if (ref.article) point += `第${chineseNumber(ref.article)}条`;
  if (ref.clause) point += `第${chineseNumber(ref.clause)}款`;
  if (ref.item) point += `第（${chineseNumber(ref.item)}）项`;
  if (ref.text) point += ref.text;
  return { law: law ? `《${law.title}》${law.edition ? `（${law.edition}）` : ''}` : ref.law, point };
}

/** References cited together, each law named once (in the order first cited): 《行政处罚法》第四十四条、第四十五条；《…》第…条. */
export function citeAll(refs: readonly { law: string; point: string }[]): string {
  const byLaw = new Map<string, string[]>();
  for (const r of refs) {
    const points = byLaw.get(r.law) ?? [];
    if (r.point && !points.includes(r.point)) points.push(r.point);
    byLaw.set(r.law, points);
  }
  return [...byLaw].map(([law, points]) => `${law}${points.join('、')}`).join('；');
}

export function compilePack(pack: RuntimePack): CompiledPack {
  const dependents = new Map<string, Set<string>>();
  const rules = pack.rules.map((rule): CompiledRule => {
    const lawRefs = rule.guideline.basis.map((ref) => {
      const law = pack.laws[ref.law];
      return { ...citation(pack, ref), from: dayOf(law?.from), until: dayOf(law?.until), scope: ref.scope, adminType: ref.adminType, when: ref.when };
    });
    const conditional = lawRefs.some((r) => r.from !== undefined || r.until !== undefined || r.scope !== undefined || r.adminType !== undefined || r.when !== undefined);
    const triggers = rule.triggers?.map((t) => (typeof t === 'string' ? [t] : t));
    const c = new CompiledRule(rule, triggers, lawRefs, conditional ? undefined : citeAll(lawRefs));
    for (const f of c.fields) {
      let set = dependents.get(f);
      if (!set) dependents.set(f, (set = new Set()));
      set.add(rule.id);
    }
    return c;
  });
  return { pack, rules, dependents, byId: new Map(rules.map((c) => [c.id, c])) };
}

/** The rule ids to re-run when these fields change. */
export function rulesAffectedBy(compiled: CompiledPack, changed: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const key of changed) for (const id of compiled.dependents.get(key) ?? []) out.add(id);
  return out;
}
