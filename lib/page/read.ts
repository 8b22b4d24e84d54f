/**
 * Page reading: the only code that reads the case page's DOM. It maps a page onto canonical
 * fields (fields.md) by the visible label next to each control — `<label for>`, wrapping labels,
 * label/value table cells (also read-only display pages), layui and Element UI form items, tables of
 * repeated rows read by their column headers — and by site profiles (selectors per system).
 * Same-origin iframes and framesets are read too. It never throws: what it cannot read is noted.
 */
import type { FieldSnapshot } from '../../rules/engine';
import { fieldGroup } from '../../rules/fields';
import { keyForLabel, matchLabel, matchLabelIn, type LabelMatch } from './labels';
import { candidatesFor, type Candidate } from './candidates';
import { isControl, textSource, valueSource, widgetOf, type ValueSource } from './controls';

/** Marks CaseLint's own nodes: the reader and the observers skip them. */
export const OWN_ATTR = 'data-caselint-host';

export interface SiteProfile {
  id: string;
  /** A regular expression matched against the page URL. */
  urlPattern: string;
  fields: { key: string; selector: string; row?: number }[];
  /** Minutes east of UTC for the system's times (default Beijing, 480). */
  zoneOffsetMinutes?: number;
}

/** How a field was found (#18.4): its label as fields.md writes it, a variant of it, a generic label read with its section, or the site profile. */
export type MatchedBy = LabelMatch['how'] | 'profile';

export interface FieldBinding extends ValueSource {
  key: string;
  /** Row of a repeated group (suspects, interrogation sessions). */
  row?: number;
  /** The label text as shown on the page. */
  label: string;
  how: MatchedBy;
}

/** A labelled control the reader saw but could not map to a field (#18.4), with the fields it may be. */
export interface UnmappedControl {
  label: string;
  anchor: Element;
  candidates: Candidate[];
}

export interface PageReading {
  bindings: FieldBinding[];
  /** What could not be read (cross-origin frames, broken widgets), for the scan's warnings. */
  skipped: string[];
  /** Labelled controls no field answers to (at most MAX_UNMAPPED). */
  unmapped: UnmappedControl[];
}

/** How many unmapped controls a page lists (a form has a few dozen fields; the rest is noise). */
const MAX_UNMAPPED = 40;

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION', 'TEXTAREA', 'SELECT', 'TEMPLATE', 'svg']);
const LABEL_CONTAINERS = new Set(['LABEL', 'TD', 'TH', 'DT', 'LEGEND']);

function isOwn(el: Element | null): boolean {
  return !!el?.closest(`[${OWN_ATTR}]`);
}

/** How deep frames are followed (the page's own document is depth 0). */
const MAX_FRAME_DEPTH = 6;

/**
 * Documents to read: the root's own and every same-origin frame inside it, recursively. Frames it
 * cannot read, or nested deeper than it follows, are named in `skipped` (never passed over silently).
 */
function documentsOf(root: Document | Element, skipped: string[], depth = 0): (Document | Element)[] {
  const out: (Document | Element)[] = [root];
  let frames: NodeListOf<HTMLIFrameElement | HTMLFrameElement>;
  try {
    frames = root.querySelectorAll('iframe, frame');
  } catch {
    return out;
  }
  const name = (frame: Element) => frame.getAttribute('src') ?? frame.getAttribute('name') ?? '';
  for (const frame of frames) {
    if (depth >= MAX_FRAME_DEPTH) {
      skipped.push(`框架嵌套超过${MAX_FRAME_DEPTH}层，更深的框架未读取：${name(frame)}`);
      continue;
    }
    let doc: Document | null = null;
    try {
      doc = frame.contentDocument;
    } catch {
      doc = null;
    }
    if (!doc || !doc.documentElement) {
      skipped.push(`无法读取的框架（跨域或未加载）：${name(frame)}`);
      continue;
    }
    out.push(...documentsOf(doc, skipped, depth + 1));
  }
  return out;
}

const CARDS = '.panel, .card, .layui-card, .el-card, .x-panel, .ant-card, .ivu-card';
const CARD_TITLES = '.panel-heading, .panel-title, .card-header, .layui-card-header, .el-card__header, .x-panel-header-text, .x-title-text, .x-panel-header, .ant-card-head-title, .ivu-card-head';

/** The title of the section a label stands in: a fieldset's legend, a table's caption or spanning header row, a panel's heading. */
function sectionTitleOf(el: Element): string | null {
  const text = (e: Element | null | undefined) => (e?.textContent ?? '').trim() || null;
  const legend = el.closest('fieldset')?.querySelector(':scope > legend');
  if (legend) return text(legend);
  const table = el.closest('table') as HTMLTableElement | null;
  if (table) {
    if (table.caption) return text(table.caption);
    const first = table.rows[0];
    if (first && first.cells.length === 1 && first.cells[0]!.colSpan >= 2 && !first.contains(el)) return text(first.cells[0]);
  }
  return text(el.closest(CARDS)?.querySelector(CARD_TITLES));
}

/** The element whose text is the label: climbs from a text node's parent through tiny wrappers. */
function labelElementFor(textParent: Element): { el: Element; key: string; text: string; how: LabelMatch['how'] } | null {
  let el: Element = textParent;
  if (el.childElementCount > 3) return null;
  let text = el.textContent ?? '';
  // A generic label (执行时间) is read with its section's title (拘留执行).
  const first = matchLabelIn(text, () => sectionTitleOf(textParent));
  let key = first?.key;
  let how = first?.how ?? 'exact';
  // <td><span>*</span>拘留时间：</td> — the text node's parent is the cell; <td><b>拘留时间</b></td> — climb to the cell.
  while (el.parentElement && el.parentElement.childElementCount <= 3 && !LABEL_CONTAINERS.has(el.tagName)) {
    const parent = el.parentElement;
    if (parent.tagName === 'BODY' || parent.tagName === 'FORM' || parent.tagName === 'TR') break;
    const ptext = parent.textContent ?? '';
    if (ptext.length > 40) break;
    const pmatch = matchLabel(ptext);
    if (!pmatch || (key && pmatch.key !== key)) break;
    if (parent.querySelector('input, select, textarea')) break;
    el = parent;
    text = ptext;
    key = pmatch.key;
    if (!first) how = pmatch.how;
  }
  return key ? { el, key, text: text.trim(), how } : null;
}

function nextValueContainer(labelEl: Element): Element | null {
  const doc = labelEl.ownerDocument;
  if (labelEl.tagName === 'LABEL') {
    const id = labelEl.getAttribute('for');
    if (id) {
      const target = doc.getElementById(id);
      // Ant Design points at a select's empty search input: read the select as shown.
      if (target) return widgetOf(target);
    }
    const inner = labelEl.querySelector('input, select, textarea');
    if (inner) return inner;
  }
  if (labelEl.classList.contains('el-form-item__label')) {
    return labelEl.closest('.el-form-item')?.querySelector('.el-form-item__content') ?? null;
  }
  if (labelEl.classList.contains('layui-form-label')) {
    let sib = labelEl.nextElementSibling;
    while (sib && !/layui-input-(block|inline)/.test(sib.className)) sib = sib.nextElementSibling;
    if (sib) return sib;
  }
  // A label cell wrapping its control: <td>拘留时间 <input></td>.
  const own = labelEl.querySelector('input:not([type=hidden]), select, textarea');
  if (own) return labelEl;
  let sib = labelEl.nextElementSibling;
  while (sib && isOwn(sib)) sib = sib.nextElementSibling;
  if (sib) return sib;
  // <span><b>拘留时间</b></span><span><input></span>: one level up.
  const parent = labelEl.parentElement;
  if (parent && parent.tagName !== 'TR' && parent.tagName !== 'FORM' && parent.tagName !== 'BODY') {
    return parent.nextElementSibling;
  }
  return null;
}

/** A value container that is itself another label is no value (two labels side by side). */
function sourceIn(container: Element): ValueSource | null {
  const src = valueSource(container);
  if (src) return src;
  const text = container.textContent ?? '';
  if (text.length <= 40 && keyForLabel(text)) return null;
  if (container.querySelector('table, form, fieldset')) return null;
  return textSource(container);
}

function rowCells(tr: Element): Element[] {
  return [...tr.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
}

/** Tables of repeated rows: a header row of labels, one data row per person (read by column). */
function readRepeatedTables(doc: Document | Element, consumed: Set<Element>, out: FieldBinding[]): void {
  for (const table of doc.querySelectorAll('table')) {
    if (isOwn(table)) continue;
    const rows = [...table.querySelectorAll(':scope > thead > tr, :scope > tbody > tr, :scope > tr')];
    // A header row stands at the top: look at the first three rows only (a 2,000-row form table is not re-read per row).
    for (let h = 0; h < Math.min(rows.length, 3); h++) {
      const cells = rowCells(rows[h]!);
      if (cells.length < 2) continue;
      const keys = cells.map((c) => (c.querySelector('input, select, textarea') ? undefined : matchLabel(c.textContent ?? '')));
      const labelled = keys.filter(Boolean).length;
      if (labelled < 2 || labelled < cells.length * 0.6) continue;
      // Data rows follow with the same number of cells and no labels of their own.
      let r = 0;
      for (let d = h + 1; d < rows.length; d++) {
        const data = rowCells(rows[d]!);
        if (data.length !== cells.length) break;
        if (data.filter((c) => !c.querySelector('input, select, textarea') && keyForLabel(c.textContent ?? '')).length >= 2) break;
        data.forEach((cell, j) => {
          const m = keys[j];
          if (!m) return;
          const src = valueSource(cell) ?? textSource(cell);
          out.push({ ...src, key: m.key, row: fieldGroup(m.key) ? r : undefined, label: (cells[j]!.textContent ?? '').trim(), how: m.how });
          consumed.add(cell);
        });
        r++;
      }
      if (r > 0) cells.forEach((c) => consumed.add(c));
      break;
    }
  }
}

/**
 * Grids whose column headers and rows are not one table (#18.3): an EasyUI datagrid (header and
 * body tables apart, cells keyed by `field`; frozen columns in a second view, rows matched by
 * `datagrid-row-index`) and an ExtJS grid (a header container of column headers, one table per row,
 * cells naming their column by `data-columnid`). One row per record, read by its column's label.
 */
function readSplitGrids(doc: Document | Element, consumed: Set<Element>, out: FieldBinding[]): void {
  const bind = (cell: Element, label: string, r: number) => {
    const m = matchLabel(label);
    if (!m) return;
    const src = valueSource(cell) ?? textSource(cell);
    out.push({ ...src, key: m.key, row: fieldGroup(m.key) ? r : undefined, label: label.trim(), how: m.how });
    consumed.add(cell);
  };
  for (const view of doc.querySelectorAll('.datagrid-view')) {
    if (isOwn(view)) continue;
    const labels = new Map<string, Element>();
    for (const h of view.querySelectorAll('.datagrid-header td[field]')) {
      labels.set(h.getAttribute('field')!, h);
      consumed.add(h);
    }
    for (const tr of view.querySelectorAll('.datagrid-body tr.datagrid-row')) {
      const r = Number(tr.getAttribute('datagrid-row-index') ?? NaN);
      if (!Number.isInteger(r)) continue;
      for (const cell of tr.querySelectorAll(':scope > td[field]')) {
        const head = labels.get(cell.getAttribute('field')!);
        if (head) bind(cell, head.textContent ?? '', r);
      }
    }
  }
  for (const grid of doc.querySelectorAll('.x-grid')) {
    if (isOwn(grid)) continue;
    const headers = [...grid.querySelectorAll('.x-grid-header-ct .x-column-header')];
    const byId = new Map(headers.map((h) => [h.id, h]));
    headers.forEach((h) => consumed.add(h));
    grid.querySelectorAll('.x-grid-row').forEach((tr, r) => {
      [...tr.querySelectorAll(':scope > td.x-grid-cell')].forEach((cell, j) => {
        const head = byId.get(cell.getAttribute('data-columnid') ?? '') ?? headers[j];
        if (head) bind(cell, head.querySelector('.x-column-header-text')?.textContent ?? head.textContent ?? '', r);
      });
    });
  }
}

/** A text that reads like a form label: short and Chinese, perhaps with a colon (what follows it decides: a control). */
const LABELISH = /^[*＊\s]*[\u3400-\u9fff][^。；;，,]{0,17}[:：]?\s*$/;

function readLabelled(doc: Document | Element, consumed: Set<Element>, out: FieldBinding[], unmapped: UnmappedControl[]): void {
  const ownerDoc = doc.nodeType === 9 ? (doc as Document) : (doc as Element).ownerDocument;
  const base = doc.nodeType === 9 ? (doc as Document).documentElement : (doc as Element);
  if (!base) return;
  const walker = ownerDoc.createTreeWalker(base, 4 /* NodeFilter.SHOW_TEXT */);
  const seen = new Set<Element>();
  const boundControls = new Set<Element>();
  for (const b of out) b.watch.forEach((w) => boundControls.add(w));
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.length > 60 || !raw.trim()) continue;
    const parent = node.parentElement;
    if (!parent || SKIP_TAGS.has(parent.tagName) || seen.has(parent)) continue;
    seen.add(parent);
    if (consumed.has(parent) || isOwn(parent)) continue;
    const found = labelElementFor(parent);
    if (!found) {
      if (unmapped.length < MAX_UNMAPPED) noteUnmapped(parent, raw, consumed, boundControls, unmapped);
      continue;
    }
    if (consumed.has(found.el)) continue;
    consumed.add(found.el);
    const container = nextValueContainer(found.el);
    if (!container || (container !== found.el && consumed.has(container)) || isOwn(container)) continue;
    const src = sourceIn(container);
    if (!src) continue;
    if (src.watch.some((w) => boundControls.has(w))) continue;
    src.watch.forEach((w) => boundControls.add(w));
    if (!isControl(container)) consumed.add(container);
    out.push({ ...src, key: found.key, label: found.text, how: found.how });
  }
}

/** A label no field answers to, followed by a control: listed with the fields it may be (#18.4). */
function noteUnmapped(parent: Element, raw: string, consumed: Set<Element>, bound: Set<Element>, unmapped: UnmappedControl[]): void {
  const text = raw.trim();
  if (!LABELISH.test(text) || /^(LEGEND|CAPTION|H[1-6]|BUTTON|A|OPTION)$/.test(parent.tagName)) return;
  let labelEl: Element = parent;
  // <label><span>羁押起始</span></label>: the label element itself.
  while (labelEl.parentElement && !LABEL_CONTAINERS.has(labelEl.tagName) && (labelEl.parentElement.textContent ?? '').trim() === text) labelEl = labelEl.parentElement;
  const container = nextValueContainer(labelEl);
  if (!container || consumed.has(container) || isOwn(container) || container.querySelector('table, form, fieldset')) return;
  const src = valueSource(container);
  // One value's controls (a date and a time at most a few), not a whole block of them.
  if (!src || src.watch.length > 5 || src.watch.some((w) => bound.has(w))) return;
  const label = text.replace(/[:：]\s*$/, '').replace(/^[*＊\s]+/, '');
  let value: string | null = null;
  try {
    value = src.read();
  } catch {
    value = null;
  }
  unmapped.push({ label, anchor: src.anchor, candidates: candidatesFor(label, value) });
}

function readProfile(doc: Document | Element, profile: SiteProfile, out: FieldBinding[], skipped: string[]): void {
  for (const f of profile.fields) {
    let el: Element | null = null;
    try {
      el = doc.querySelector(f.selector);
    } catch {
      skipped.push(`站点配置选择器无效：${f.selector}`);
      continue;
    }
    if (!el) continue;
    const src = valueSource(el) ?? textSource(el);
    out.push({ ...src, key: f.key, row: f.row, label: f.selector, how: 'profile' });
  }
}

export function profileFor(url: string, profiles: readonly SiteProfile[]): SiteProfile | undefined {
  return profiles.find((p) => {
    try {
      return new RegExp(p.urlPattern).test(url);
    } catch {
      return false;
    }
  });
}

export function readPage(root: Document | Element, profile?: SiteProfile): PageReading {
  const skipped: string[] = [];
  const bindings: FieldBinding[] = [];
  const unmapped: UnmappedControl[] = [];
  for (const doc of documentsOf(root, skipped)) {
    try {
      const found: FieldBinding[] = [];
      const consumed = new Set<Element>();
      if (profile) readProfile(doc, profile, found, skipped);
      readSplitGrids(doc, consumed, found);
      readRepeatedTables(doc, consumed, found);
      readLabelled(doc, consumed, found, unmapped);
      bindings.push(...found);
    } catch (e) {
      skipped.push(`页面部分内容读取失败：${(e as Error).message}`);
    }
  }
  // Repeated group fields outside tables (several suspect blocks): rows by order of appearance.
  const seen = new Map<string, number>();
  for (const b of bindings) {
    if (b.row !== undefined || !fieldGroup(b.key)) continue;
    const n = seen.get(b.key) ?? 0;
    seen.set(b.key, n + 1);
    b.row = n;
  }
  // A control a site profile maps is not unmapped any more.
  const mapped = new Set(bindings.map((b) => b.anchor));
  return { bindings, skipped, unmapped: unmapped.filter((u) => !mapped.has(u.anchor)) };
}

/** Reads the current values of the bindings as engine input. A binding that throws reads as absent. */
export function snapshotsOf(bindings: readonly FieldBinding[]): FieldSnapshot[] {
  const out: FieldSnapshot[] = [];
  for (const b of bindings) {
    let raw: string | null;
    try {
      raw = b.read();
    } catch {
      continue;
    }
    out.push({ key: b.key, raw, ...(b.row !== undefined ? { row: b.row } : {}) });
  }
  return out;
}

