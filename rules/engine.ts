/**
 * The engine: evaluates a rule pack over a case record of canonical fields. Pure: no DOM, no
 * extension APIs — the extension, the intranet plugin, Node tests and benchmarks run this code.
 *
 * Per rule (contracts.md §6): out of scope or missing a starting field → not applicable; `when`
 * false or `exceptWhen` true → passed; else the check decides; an unreadable value it needs →
 * needs-review. Rules that read a repeated group (suspects) run once per row.
 */
import { definitionOf, registryReads } from './checks/registry';
import { definitions } from './checks/walk';
import { UnreadableField, type CheckDefinition, type CheckSpec, type FindingKind, type Outcome, type RowContext, type Severity } from './checks/types';
import { conditionReads, evaluateCondition, type Condition } from './conditions';
import { FIELDS, fieldGroup, fieldLabel, type FieldDef, type FieldGroup } from './fields';
import { chineseNumber, interpolate, isolate, type Locale } from './format';
import { remedyOf } from './remedy';
import type { Pack, Rule } from './pack';
import { defaultCalendar, type HolidayCalendar } from './periods/calendar';
import { addMonths, BEIJING_OFFSET_MINUTES, instantToWall, startOfDay, wallToInstant, yearOf } from './periods/time';
import { validateIdNumber } from './values/id-number';
import { normalizedText, parsedOrNull, type ParsedValue } from './values/parse';

type FailOutcome = Extract<Outcome, { status: 'fail' }> & { check?: string };

/** One field as read from a page: its canonical key and text (null: the control is empty). */
export interface FieldSnapshot {
  key: string;
  raw: string | null;
  /** Row of a repeated group (suspect, interrogation session), from 0. */
  row?: number;
}

export interface Finding {
  ruleId: string;
  fieldKey: string;
  severity: Severity;
  kind: FindingKind;
  message: string;
  basis: string;
  row?: number;
  /** How many rows the rule ran over, with `row`: a page with one row shows no "（第1行）". */
  rows?: number;
  category: string;
  /** The rule's short title in the scan's locale. */
  title: string;
  /** For a countdown: the due instant (epoch ms). */
  dueAt?: number;
  /** What else makes the rule pass: its lawful exception, recorded on the form (rules/remedy.ts). */
  remedy?: string;
}

export interface ScanResult {
  fields: Record<string, string | null>;
  passed: string[];
  notApplicable: string[];
  findings: Finding[];
  warnings: string[];
}

export interface RuleOverride {
  enabled?: boolean;
  severity?: Severity;
  /** Cap of the due-soon window in hours (default 24). */
  dueSoonCapHours?: number;
}

export interface EngineOptions {
  /** The current instant (epoch ms); defaults to Date.now(). */
  now?: number;
  locale?: Locale;
  calendar?: HolidayCalendar;
  /** Per-rule user settings, kept apart from the pack. */
  overrides?: Readonly<Record<string, RuleOverride>>;
  /** Zone of the page's times in minutes east of UTC (Beijing: 480). */
  zoneOffsetMinutes?: number;
  /** Evaluate only these rules (re-check after a keystroke). */
  only?: ReadonlySet<string>;
  /** Which fields to report in `fields` (default: every field read); a re-check passes the changed ones. */
  fieldKeys?: Iterable<string>;
}

type LawRef = { law: string; point: string; from?: number; until?: number; scope?: string; adminType?: string; when?: Condition };

/**
 * A rule as the engine runs it. What a scan reads of the rule is copied here, every key always
 * present and in one order: rules in a pack differ in which optional keys they have (so in their
 * hidden classes), and the engine's look-ups should not.
 */
class CompiledRule {
  readonly id: string;
  readonly scope: Rule['scope'];
  readonly adminTypes: readonly string[] | undefined;
  readonly severity: Severity;
  readonly category: string;
  readonly title: Rule['title'];
  readonly messages: Rule['messages'];
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
    rule: Rule,
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
  pack: Pack;
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
function fieldsOf(rule: Rule): Set<string> {
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
function citation(pack: Pack, ref: Rule['guideline']['basis'][number]): { law: string; point: string } {
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

export function compilePack(pack: Pack): CompiledPack {
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

/** What the record needs to know of a field key, looked up once per snapshot. */
interface FieldInfo {
  /** Position in FIELDS: the record keeps its texts in arrays by this index. */
  index: number;
  def: FieldDef;
  group: FieldGroup | undefined;
  list: boolean;
}
const FIELD_COUNT = FIELDS.length;
const FIELD_INFO = new Map<string, FieldInfo>(
  FIELDS.map((def, index) => [def.key, { index, def, group: fieldGroup(def.key), list: def.type === 'list' }]),
);

/**
 * The field info of the last snapshots' keys, by position. A page read again (a re-check on every
 * keystroke) gives the same keys in the same order: comparing a key with the one last seen at its
 * position is cheaper than a Map look-up, which any difference falls back to.
 */
const lastKeys: string[] = [];
const lastInfos: (FieldInfo | undefined)[] = [];
function infoAt(n: number, key: string): FieldInfo | undefined {
  if (lastKeys[n] === key) return lastInfos[n];
  const info = FIELD_INFO.get(key);
  lastKeys[n] = key;
  lastInfos[n] = info;
  return info;
}

/** Trigger keys resolved to their field info (a key no field has can never be satisfied). */
function fieldInfos(triggers: readonly (readonly string[])[]): FieldInfo[][] {
  return triggers.map((alts) => alts.flatMap((k) => FIELD_INFO.get(k) ?? []));
}

/** No keys: a shared empty list (no array made per rule evaluation). */
const NO_KEYS: readonly string[] = [];

/** Nested checks' triggers as field info, worked out once per check object (asked on every keystroke). */
const triggerInfos = new WeakMap<CheckSpec, FieldInfo[][]>();

/** Blank text (spaces only, ASCII or ideographic) is an empty control; most text is not, and is told fast. */
function isBlank(raw: string): boolean {
  if (raw.length === 0) return true;
  const first = raw.charCodeAt(0);
  if (first > 32 && first !== 0x3000 && first !== 0xa0) return false;
  return raw.trim() === '';
}

/** A filled control whose text cannot be read as its field's type. */
class Unreadable {
  constructor(readonly raw: string) {}
}

/** A field's value on one row: null when the control is empty. */
type Cell = ParsedValue | Unreadable | null;

/**
 * One case record, read from the page's snapshots in one pass. Texts and parsed values live in
 * arrays by slot — field index for the first row, `row × FIELD_COUNT + index` for further rows of
 * a repeated group — so a record costs a few arrays, not an object per field. Every read of a
 * field goes through `slotOf` (exported so that a test can record what each rule reads).
 */
export class RecordView {
  /** Text by slot: null for an empty control, undefined where the page has no control. */
  private readonly texts: (string | null | undefined)[] = new Array(FIELD_COUNT);
  /** Rows per field index, only for group fields that have more than one. */
  private rowCounts: number[] | undefined;
  /** Parsed once per scan, lazily (undefined: not parsed yet). */
  private cells: (Cell | undefined)[] | undefined;
  /** The normalised text of parsed cells, made only when asked for. */
  private shown: (string | undefined)[] | undefined;
  private readonly snapshots: readonly FieldSnapshot[];
  private suspectRows = 0;
  private interrogationRows = 0;

  constructor(snapshots: readonly FieldSnapshot[]) {
    this.snapshots = snapshots;
    const texts = this.texts;
    for (let n = 0; n < snapshots.length; n++) {
      const s = snapshots[n]!;
      const info = infoAt(n, s.key);
      if (info === undefined) continue;
      const i = info.index;
      const raw = s.raw;
      const text = raw === null || isBlank(raw) ? null : raw;
      // Most controls: the first (or only) one of a field that is not in a group.
      if (info.group === undefined && texts[i] === undefined) {
        texts[i] = text;
        continue;
      }
      let slot = i;
      if (info.group) {
        const row = Math.max(0, Math.min(s.row ?? 0, 9999));
        const before = this.rowCounts?.[i] ?? (texts[i] === undefined ? 0 : 1);
        // Rows the page skipped are present but empty.
        for (let r = before; r < row; r++) texts[r * FIELD_COUNT + i] = null;
        const rows = Math.max(before, row + 1);
        if (rows > 1) (this.rowCounts ??= [])[i] = rows;
        if (info.group === 'suspect') this.suspectRows = Math.max(this.suspectRows, rows);
        else this.interrogationRows = Math.max(this.interrogationRows, rows);
        slot = row * FIELD_COUNT + i;
      }
      const prev = texts[slot] ?? null;
      // Several controls with one label: a list joins them; other types keep the first filled one.
      if (prev === null) texts[slot] = text;
      else if (text !== null && info.list) texts[slot] = `${prev}、${text}`;
    }
  }

  rowsOf(group: FieldGroup): number {
    return group === 'suspect' ? this.suspectRows : this.interrogationRows;
  }

  /** The canonical keys the page has, in the order it gave them. */
  keys(): string[] {
    const seen = new Set<string>();
    for (const s of this.snapshots) if (FIELD_INFO.has(s.key)) seen.add(s.key);
    return [...seen];
  }

  /** The slot of a field's value for a row (-1: none): a one-row group (or a plain field) serves every row. */
  slotOf(info: FieldInfo | undefined, row: number): number {
    if (info === undefined) return -1;
    const i = info.index;
    if (this.texts[i] === undefined) return -1;
    const rows = info.group ? (this.rowCounts?.[i] ?? 1) : 1;
    if (rows === 1) return i;
    return row < rows ? row * FIELD_COUNT + i : -1;
  }

  /** The text as read at a slot (null: none, or an empty control). */
  rawAt(slot: number): string | null {
    return slot === -1 ? null : (this.texts[slot] ?? null);
  }

  /** The parsed value at a slot, parsed on first asking. */
  cellAt(slot: number): Cell {
    if (slot === -1) return null;
    const cells = (this.cells ??= new Array(FIELD_COUNT));
    let c = cells[slot];
    if (c !== undefined) return c;
    const raw = this.texts[slot] ?? null;
    if (raw === null) c = null;
    else c = parsedOrNull(FIELDS[slot % FIELD_COUNT]!.type, raw) ?? new Unreadable(raw);
    cells[slot] = c;
    return c;
  }

  /** The normalised text of the value at a slot (null: empty or unreadable). */
  textAt(slot: number): string | null {
    const c = this.cellAt(slot);
    if (c === null || c instanceof Unreadable) return null;
    if (c.type === 'text' || c.type === 'enum') return c.value;
    const shown = (this.shown ??= []);
    return (shown[slot] ??= normalizedText(c));
  }
}

const MESSAGES = {
  unreadable: {
    'zh-CN': '{{field}}“{{raw}}”无法识别，请核实（本条规则需要该值）',
    en: '{{fieldEn}} "{{raw}}" cannot be read; please verify (this rule needs it)',
  },
  uncovered: {
    'zh-CN': '（节假日数据未覆盖{{years}}年，截止时间可能不准确）',
    en: ' (holiday data does not cover {{years}}; the due time may be inaccurate)',
  },
  calendarWarning: { 'zh-CN': '节假日数据未覆盖该年份：{{years}}', en: 'Holiday data does not cover: {{years}}' },
} as const;

interface Scan {
  record: RecordView;
  locale: Locale;
  now: number;
  offset: number;
  calendar: HolidayCalendar;
  /** The user's per-rule settings; none in most scans (a look-up in an empty object is not free). */
  overrides: Readonly<{ [id: string]: RuleOverride }> | undefined;
  /** Years the holiday data lacked (made only then). */
  uncovered: Set<number> | undefined;
  /** 行政 or not: read once per scan (every rule asks). */
  admin: boolean | undefined;
  /** The administrative type: read once per scan, and only when a rule asks. */
  adminType: string | undefined;
}

const CASE_KIND = FIELD_INFO.get('case.kind');
const CASE_ADMIN_TYPE = FIELD_INFO.get('case.adminType');

function isAdmin(scan: Scan): boolean {
  if (scan.admin === undefined) scan.admin = scan.record.textAt(scan.record.slotOf(CASE_KIND, 0)) === '行政';
  return scan.admin;
}

/** A page that does not say is taken as a 治安 case (guideline.md). */
function adminTypeOf(scan: Scan): string {
  if (scan.adminType === undefined) scan.adminType = scan.record.textAt(scan.record.slotOf(CASE_ADMIN_TYPE, 0)) || '治安案件';
  return scan.adminType;
}

/**
 * One rule on one row: typed accessors over the record. One per scan, moved from rule to rule and
 * row to row (no allocation per rule and row).
 */
class RowCtx implements RowContext {
  readonly locale: Locale;
  readonly now: number;
  readonly calendar: HolidayCalendar;
  dueSoonCapHours = 24;
  /** Years a holiday roll-over needed that the calendar lacks (rare: made only then). */
  uncovered: Set<number> | undefined;
  private readonly record: RecordView;
  private c!: CompiledRule;
  private row = 0;

  constructor(private readonly scan: Scan) {
    this.record = scan.record;
    this.locale = scan.locale;
    this.now = scan.now;
    this.calendar = scan.calendar;
  }

  moveTo(c: CompiledRule, row: number, override: RuleOverride | undefined): void {
    this.c = c;
    this.row = row;
    this.uncovered = undefined;
    this.dueSoonCapHours = override?.dueSoonCapHours ?? 24;
  }

  /** The slot of a key on this row (-1: none). */
  private slot(key: string): number {
    return this.record.slotOf(FIELD_INFO.get(key), this.row);
  }
  has(key: string): boolean {
    return this.slot(key) !== -1;
  }
  isSet(key: string): boolean {
    return this.record.cellAt(this.slot(key)) !== null;
  }
  raw(key: string): string | null {
    return this.record.rawAt(this.slot(key));
  }
  value(key: string): ParsedValue | null {
    const cell = this.record.cellAt(this.slot(key));
    if (cell instanceof Unreadable) throw new UnreadableField(key, cell.raw);
    return cell;
  }
  time(key: string) {
    const v = this.value(key);
    return v && (v.type === 'date' || v.type === 'datetime') ? v.value : null;
  }
  number(key: string): number | null {
    const v = this.value(key);
    return v && (v.type === 'amount' || v.type === 'int') ? v.value : null;
  }
  bool(key: string): boolean | null {
    const v = this.value(key);
    return v && v.type === 'bool' ? v.value : null;
  }
  text(key: string): string | null {
    const v = this.value(key);
    if (!v) return null;
    return this.record.textAt(this.slot(key));
  }
  list(key: string): string[] | null {
    const v = this.value(key);
    if (!v) return null;
    return v.type === 'list' ? v.value : v.type === 'text' || v.type === 'enum' ? [v.value] : null;
  }
  ageAt(dayMs: number): number | null {
    const birth = this.time('suspect.birthDate');
    let birthDay = birth ? startOfDay(birth.ms) : undefined;
    if (birthDay === undefined) {
      const id = this.text('suspect.idNumber');
      const r = id ? validateIdNumber(id) : undefined;
      if (r?.ok) birthDay = r.info.birthDay;
    }
    if (birthDay === undefined) return null;
    // 周岁 count from the day after the birthday: on the birthday itself one is still younger.
    const at = startOfDay(dayMs);
    let years = yearOf(at) - yearOf(birthDay);
    if (at <= addMonths(birthDay, 12 * years)) years -= 1;
    return years;
  }
  versionDate(): number {
    for (const key of this.c.versionDate ?? NO_KEYS) {
      const t = this.time(key);
      if (t) return t.ms;
    }
    return this.scan.now;
  }
  condition(cond: Condition): boolean {
    return evaluateCondition(this, cond);
  }
  applies(check: CheckSpec): boolean {
    let infos = triggerInfos.get(check);
    if (!infos) triggerInfos.set(check, (infos = fieldInfos(definitionOf(check).triggers(check))));
    return triggered(infos, this.record, this.row);
  }
  evaluate(check: CheckSpec): Outcome {
    return this.evaluateWith(definitionOf(check), check);
  }
  evaluateWith(definition: CheckDefinition, check: CheckSpec): Outcome {
    const out = definition.evaluate(this, check);
    if (out.status !== 'fail' || (out as FailOutcome).check !== undefined) return out;
    // One shape for every failure (checks write theirs in many), with the check that failed (for
    // its default messages); a combinator passes an inner failure on as it is.
    return {
      status: 'fail',
      messageId: out.messageId,
      data: out.data,
      fieldKey: out.fieldKey,
      kind: out.kind,
      severity: out.severity,
      dueAt: out.dueAt,
      check: check.type,
    } as FailOutcome;
  }
  noteUncoveredYears(years: readonly number[]): void {
    for (const y of years) (this.uncovered ??= new Set()).add(y);
  }
}

function inScope(c: CompiledRule, scan: Scan): boolean {
  const admin = isAdmin(scan);
  if (c.scope === 'criminal' && admin) return false;
  if (c.scope === 'administrative' && !admin) return false;
  if (c.adminTypes && admin && !c.adminTypes.includes(adminTypeOf(scan))) return false;
  return true;
}

/** A reference's own condition (cited only for a person under 16, say); a value it cannot read: not cited. */
function refHolds(ctx: RowCtx, when: Condition): boolean {
  try {
    return ctx.condition(when);
  } catch (e) {
    if (e instanceof UnreadableField) return false;
    throw e;
  }
}

/** The legal basis cited for a finding: the references that fit the case, the date and the row. */
function basisFor(c: CompiledRule, scan: Scan, ctx: RowCtx, versionDate: number): string {
  if (c.staticBasis !== undefined) return c.staticBasis;
  const admin = isAdmin(scan);
  const fits = c.lawRefs.filter(
    (r) =>
      (r.scope === undefined || (r.scope === 'administrative') === admin) &&
      (r.adminType === undefined || !admin || r.adminType === adminTypeOf(scan)) &&
      (r.from === undefined || versionDate >= r.from) &&
      (r.until === undefined || versionDate < r.until) &&
      (r.when === undefined || refHolds(ctx, r.when)),
  );
  return citeAll(fits.length ? fits : c.lawRefs);
}

/** The rows a rule runs over: the most any group it reads has on the page (at least one). */
function rowsFor(c: CompiledRule, record: RecordView): number {
  let rows = 1;
  for (const g of c.groups) rows = Math.max(rows, record.rowsOf(g));
  return rows;
}

/** Every trigger entry has one of its fields on the page (for this row). */
function triggered(triggers: CompiledRule['triggers'], record: RecordView, row: number): boolean {
  for (const alts of triggers) {
    let any = false;
    for (const k of alts) {
      if (record.slotOf(k, row) !== -1) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

/**
 * Where a finding was made: the rule's context on its row (the basis may depend on the row), the
 * row, the rows the rule ran over, the date that chose the law version.
 */
interface FindingPlace {
  ctx: RowCtx;
  row: number;
  rows: number;
  versionDate: number;
}

/**
 * A finding of a rule on a row. It names its row when it concerns one person (a group field) or
 * the page has several. Kept out of `evaluateRule` so that the path of a passing rule stays small.
 */
function findingOf(
  scan: Scan,
  c: CompiledRule,
  at: FindingPlace,
  fieldKey: string,
  severity: Severity,
  kind: FindingKind,
  message: string,
): Finding {
  const f: Finding = {
    ruleId: c.id,
    fieldKey,
    severity,
    kind,
    message,
    basis: basisFor(c, scan, at.ctx, at.versionDate),
    category: c.category,
    title: c.title[scan.locale],
  };
  if (kind !== 'needs-review') {
    const remedy = remedyOf(c.exceptWhen, scan.locale);
    if (remedy) f.remedy = remedy;
  }
  if (c.groups.length > 0 && (at.rows > 1 || fieldGroup(fieldKey))) {
    f.row = at.row;
    f.rows = at.rows;
  }
  return f;
}

/** The finding of a failed check: its message from the rule's or the check's template. */
function failureFinding(scan: Scan, c: CompiledRule, out: FailOutcome, baseSeverity: Severity, uncovered: Set<number> | undefined, at: FindingPlace): Finding {
  const locale = scan.locale;
  const checkType = out.check ?? c.check.type;
  const template = c.messages[out.messageId]?.[locale] ?? definitions.get(checkType)?.messages[out.messageId]?.[locale] ?? out.messageId;
  let message = interpolate(template, out.data);
  if (uncovered?.size) message += interpolate(MESSAGES.uncovered[locale], { years: [...uncovered].join('、') });
  const severity = out.kind === 'due-soon' ? 'warning' : (out.severity ?? baseSeverity);
  const f = findingOf(scan, c, at, out.fieldKey, severity, out.kind ?? 'violation', message);
  if (out.dueAt !== undefined) f.dueAt = wallToInstant(out.dueAt, scan.offset);
  return f;
}

/** The finding for a value the rule needs but cannot read: never a guess. */
function unreadableFinding(scan: Scan, c: CompiledRule, e: UnreadableField, at: FindingPlace): Finding {
  const message = interpolate(MESSAGES.unreadable[scan.locale], { field: fieldLabel(e.fieldKey), fieldEn: e.fieldKey, raw: isolate(e.raw) });
  return findingOf(scan, c, at, e.fieldKey, 'warning', 'needs-review', message);
}

function evaluateRule(scan: Scan, ctx: RowCtx, c: CompiledRule, override: RuleOverride | undefined, findings: Finding[]): 'passed' | 'na' | 'found' {
  if (!inScope(c, scan)) return 'na';
  const rows = rowsFor(c, scan.record);
  let applicable = false;
  let found = false;
  for (let row = 0; row < rows; row++) {
    if (!triggered(c.triggers, scan.record, row)) continue;
    ctx.moveTo(c, row, override);
    applicable = true;
    let out: Outcome;
    let versionDate = scan.now;
    try {
      if (c.versionDate !== undefined) versionDate = ctx.versionDate();
      if (c.when && !ctx.condition(c.when)) continue;
      if (c.exceptWhen && ctx.condition(c.exceptWhen)) continue;
      out = ctx.evaluateWith(c.definition, c.check);
    } catch (e) {
      if (!(e instanceof UnreadableField)) throw e;
      found = true;
      findings.push(unreadableFinding(scan, c, e, { ctx, row, rows, versionDate }));
      continue;
    }
    const uncovered = ctx.uncovered;
    if (uncovered) for (const y of uncovered) (scan.uncovered ??= new Set()).add(y);
    if (out.status !== 'fail') continue;
    found = true;
    findings.push(failureFinding(scan, c, out as FailOutcome, override?.severity ?? c.severity, uncovered, { ctx, row, rows, versionDate }));
  }
  return found ? 'found' : applicable ? 'passed' : 'na';
}

/** Canonical key → normalised value as read (first row); null for an empty control. */
function readFields(record: RecordView, keys: Iterable<string> = record.keys()): Record<string, string | null> {
  const out: { [key: string]: string | null } = {};
  for (const key of keys) {
    const slot = record.slotOf(FIELD_INFO.get(key), 0);
    if (slot === -1) continue;
    const cell = record.cellAt(slot);
    out[key] = cell instanceof Unreadable ? cell.raw.trim() : record.textAt(slot);
  }
  return out;
}

/** A scan of one page's snapshots with the options' clock, zone, locale and calendar. */
function scanOf(snapshots: readonly FieldSnapshot[], options: EngineOptions): Scan {
  const offset = options.zoneOffsetMinutes ?? BEIJING_OFFSET_MINUTES;
  return {
    record: new RecordView(snapshots),
    locale: options.locale ?? 'zh-CN',
    now: instantToWall(options.now ?? Date.now(), offset),
    offset,
    calendar: options.calendar ?? defaultCalendar,
    overrides: options.overrides,
    uncovered: undefined,
    admin: undefined,
    adminType: undefined,
  };
}

export function evaluate(compiled: CompiledPack, snapshots: readonly FieldSnapshot[], options: EngineOptions = {}): ScanResult {
  const scan = scanOf(snapshots, options);
  const result: ScanResult = { fields: readFields(scan.record, options.fieldKeys), passed: [], notApplicable: [], findings: [], warnings: [] };
  const ctx = new RowCtx(scan);
  const run = (c: CompiledRule) => {
    const override = scan.overrides?.[c.id];
    if (override?.enabled === false) return;
    const r = evaluateRule(scan, ctx, c, override, result.findings);
    if (r === 'passed') result.passed.push(c.id);
    else if (r === 'na') result.notApplicable.push(c.id);
  };
  if (options.only) {
    // A re-check: only the rules asked for, in the order asked.
    for (const id of options.only) {
      const c = compiled.byId?.get(id) ?? compiled.rules.find((r) => r.id === id);
      if (c) run(c);
    }
  } else for (const c of compiled.rules) run(c);
  if (scan.uncovered?.size) {
    result.warnings.push(interpolate(MESSAGES.calendarWarning[scan.locale], { years: [...scan.uncovered].sort().join('、') }));
  }
  return result;
}

export type CheckResult = Outcome | { status: 'review'; fieldKey: string; raw: string };

/**
 * Runs one check (not a whole rule) over snapshots, once per row: the `CheckTester` of the check
 * tables, in the style of ESLint's RuleTester. Returns the raw outcomes with their message ids.
 */
export function evaluateCheck(
  check: CheckSpec,
  snapshots: readonly FieldSnapshot[],
  options: EngineOptions & { versionDate?: string[] } = {},
): CheckResult[] {
  const rule = { id: 'check-under-test', check, versionDate: options.versionDate, guideline: { basis: [] }, messages: {} } as unknown as Rule;
  const c = new CompiledRule(rule, undefined, [], undefined);
  const scan = scanOf(snapshots, { ...options, overrides: undefined });
  const rows = rowsFor(c, scan.record);
  const out: CheckResult[] = [];
  const ctx = new RowCtx(scan);
  for (let row = 0; row < rows; row++) {
    ctx.moveTo(c, row, undefined);
    try {
      out.push(ctx.evaluate(check));
    } catch (e) {
      if (!(e instanceof UnreadableField)) throw e;
      out.push({ status: 'review', fieldKey: e.fieldKey, raw: e.raw });
    }
  }
  return out;
}
