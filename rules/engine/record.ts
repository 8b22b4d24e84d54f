/**
 * The record model: one page's field snapshots parsed once into slots by field and row, read by
 * the checks through typed accessors.
 */
import { type CheckSpec } from '../checks/types';
import { FIELDS, fieldGroup, type FieldDef, type FieldGroup } from '../fields';
import { normalizedText, parsedOrNull, type ParsedValue } from '../values/parse';
import type { FieldSnapshot } from './types';

/** What the record needs to know of a field key, looked up once per snapshot. */
export interface FieldInfo {
  /** Position in FIELDS: the record keeps its texts in arrays by this index. */
  index: number;
  def: FieldDef;
  group: FieldGroup | undefined;
  list: boolean;
}
const FIELD_COUNT = FIELDS.length;
export const FIELD_INFO = new Map<string, FieldInfo>(
  FIELDS.map((def, index) => [def.key, { index, def, group: fieldGroup(def.key), list: def.type === 'list' }]),
);

/** Trigger keys resolved to their field info (a key no field has can never be satisfied). */
export function fieldInfos(triggers: readonly (readonly string[])[]): FieldInfo[][] {
  return triggers.map((alts) => alts.flatMap((k) => FIELD_INFO.get(k) ?? []));
}

/** No keys: a shared empty list (no array made per rule evaluation). */
export const NO_KEYS: readonly string[] = [];

/** Nested checks' triggers as field info, worked out once per check object (asked on every keystroke). */
export const triggerInfos = new WeakMap<CheckSpec, FieldInfo[][]>();

/** A filled control whose text cannot be read as its field's type. */
export class Unreadable {
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
      const info = FIELD_INFO.get(s.key);
      if (info === undefined) continue;
      const i = info.index;
      const raw = s.raw;
      const text = raw === null || raw.trim() === '' ? null : raw;
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
