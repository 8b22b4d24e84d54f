/**
 * What a session knows of the page (#17.2): the last reading; each field binding together with the
 * value last read from it, as one entry (a binding whose read fails keeps its place, without a
 * value, and is read again later — values never shift onto another binding); which elements lead
 * to which entries; and where each field is shown.
 */
import type { Finding, FieldSnapshot } from '../../rules/engine/types';
import { readPage, type FieldBinding, type PageReading, type SiteProfile } from '../page/read';

export interface Entry {
  readonly binding: FieldBinding;
  /** The value last read; none while the binding cannot be read. */
  snapshot: FieldSnapshot | undefined;
}

/** A field's place on the page: its key and row. */
export const slotOf = (key: string, row?: number) => `${key}#${row ?? 0}`;

const EMPTY: PageReading = { bindings: [], skipped: [], unmapped: [] };

function snapshotOf(b: FieldBinding): FieldSnapshot | undefined {
  try {
    return { key: b.key, raw: b.read(), ...(b.row !== undefined ? { row: b.row } : {}) };
  } catch {
    return undefined;
  }
}

/** How far up from an event's target an element of a binding is looked for (a widget's inner parts). */
const MAX_DEPTH = 6;

export class PageModel {
  reading: PageReading = EMPTY;
  entries: Entry[] = [];
  /** The values the engine checks: one per entry that has one (the same objects, updated in place). */
  snapshots: FieldSnapshot[] = [];
  private byElement = new WeakMap<Element, Entry[]>();
  private anchors = new Map<string, Element>();

  /** Reads the whole page. */
  read(root: Document | Element, profile?: SiteProfile): void {
    this.reading = readPage(root, profile);
    this.entries = this.reading.bindings.map((binding) => ({ binding, snapshot: snapshotOf(binding) }));
    this.collect();
    this.byElement = new WeakMap();
    this.anchors = new Map();
    for (const entry of this.entries) {
      const b = entry.binding;
      for (const el of [...b.watch, b.anchor]) {
        const list = this.byElement.get(el);
        if (list) list.push(entry);
        else this.byElement.set(el, [entry]);
      }
      const slot = slotOf(b.key, b.row);
      if (!this.anchors.has(slot)) this.anchors.set(slot, b.anchor);
    }
  }

  /** Reads these entries' values again; gives the keys whose values changed. */
  refresh(entries: Iterable<Entry>): Set<string> {
    const changed = new Set<string>();
    let gained = false;
    for (const entry of entries) {
      const now = snapshotOf(entry.binding);
      if (!now) continue; // unreadable now: the last value stands
      if (!entry.snapshot) {
        entry.snapshot = now;
        gained = true;
        changed.add(now.key);
      } else if (entry.snapshot.raw !== now.raw) {
        entry.snapshot.raw = now.raw;
        changed.add(now.key);
      }
    }
    if (gained) this.collect();
    return changed;
  }

  /** The entries an event's target belongs to (the target or one of its nearest ancestors). */
  entriesAt(target: EventTarget | null): Entry[] | undefined {
    let el = target instanceof Object && 'nodeType' in (target as Node) ? (target as Element) : null;
    for (let depth = 0; el && depth < MAX_DEPTH; depth++, el = el.parentElement) {
      const hit = this.byElement.get(el);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Whether an element holds a value the last reading bound (its control, its display cell). */
  isBound(el: Element): boolean {
    return this.byElement.has(el);
  }

  /** The element a finding is shown at: its row's field, else the field's first. */
  anchorOf(f: Pick<Finding, 'fieldKey' | 'row'>): Element | undefined {
    return this.anchors.get(slotOf(f.fieldKey, f.row)) ?? this.anchors.get(slotOf(f.fieldKey));
  }

  /** The documents the page's fields are in (frames included), with the root's. */
  documents(root: Document): Set<Document> {
    const docs = new Set<Document>([root]);
    for (const e of this.entries) docs.add(e.binding.anchor.ownerDocument);
    return docs;
  }

  private collect(): void {
    this.snapshots = this.entries.flatMap((e) => (e.snapshot ? [e.snapshot] : []));
  }
}
