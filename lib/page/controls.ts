/**
 * Reading a value out of a control or a value container: native inputs, selects, radios,
 * checkboxes, textareas; layui skins (hidden <select>, .layui-form-radioed/.layui-form-checked);
 * Element UI widgets (el-select tags, el-switch, el-checkbox/el-radio, readonly date inputs);
 * and plain text on display-only pages.
 */

import { stripInvisible } from '../../rules/values/parse';

const CONTROL = 'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]), select, textarea';

export function isControl(el: Element): boolean {
  return el.matches(CONTROL);
}

/** What a control shows, as one line: invisible characters out (stripInvisible), white space folded. */
const clean = (s: string | null | undefined) => stripInvisible(s ?? '').replace(/\s+/g, ' ').trim();

/** The visible text that labels a radio or checkbox (its <label>, a layui/Element skin, or its value). */
function optionLabel(input: HTMLInputElement): string {
  const doc = input.ownerDocument;
  const wrap = input.closest('label, .el-radio, .el-checkbox');
  if (wrap) {
    const t = clean(wrap.textContent);
    if (t) return t;
  }
  if (input.id) {
    const l = doc.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (l && clean(l.textContent)) return clean(l.textContent);
  }
  if (input.title) return clean(input.title);
  const next = input.nextElementSibling;
  if (next && /layui-form-(radio|checkbox)/.test(next.className)) {
    const t = clean(next.textContent);
    if (t) return t;
  }
  if (next && next.tagName === 'SPAN' && clean(next.textContent)) return clean(next.textContent);
  const sib = input.nextSibling;
  if (sib && sib.nodeType === 3 && clean(sib.textContent)) return clean(sib.textContent);
  return clean(input.value);
}

function readSelect(sel: HTMLSelectElement): string | null {
  const chosen = [...sel.selectedOptions].filter((o) => o.value !== '' || !/^(请选择|--|—|-)/.test(clean(o.text)));
  if (!chosen.length) return null;
  const texts = chosen.map((o) => clean(o.text) || clean(o.value)).filter(Boolean);
  if (texts.length === 1 && /^(请选择|--.*--)$/.test(texts[0] ?? '')) return null;
  return texts.length ? texts.join('、') : null;
}

/** Reads one control element. */
export function readControl(el: Element): string | null {
  if (el.tagName === 'SELECT') return readSelect(el as HTMLSelectElement);
  if (el.tagName === 'TEXTAREA') return clean((el as HTMLTextAreaElement).value) || null;
  if (el.tagName === 'INPUT') {
    const input = el as HTMLInputElement;
    const type = (input.type || 'text').toLowerCase();
    if (type === 'checkbox') return input.checked ? '是' : '否';
    if (type === 'radio') return input.checked ? optionLabel(input) : null;
    return clean(input.value) || null;
  }
  return clean(el.textContent) || null;
}

export interface ValueSource {
  /** The element a warning marker anchors to (the visible control). */
  anchor: Element;
  /** Elements whose events mean the value may have changed. */
  watch: Element[];
  read(): string | null;
}

/** Finds how to read the value held in a container (or a control itself). Null when it holds none. */
export function valueSource(container: Element): ValueSource | null {
  if (container.matches(CONTROL)) {
    if ((container as HTMLInputElement).type === 'radio' || (container as HTMLInputElement).type === 'checkbox') {
      const scope = container.closest('td, .layui-input-block, .layui-input-inline, .el-form-item__content, div, span') ?? container.parentElement ?? container;
      return valueSource(scope) ?? null;
    }
    // <label>到案时间</label><input type=date><input type=time>: the controls after it are parts of one value.
    const parts = partsFrom(container);
    if (parts.length > 1) return partsSource(parts);
    return { anchor: container, watch: [container], read: () => readControl(container) };
  }
  // 年 / 月 / 日 selects, hour / minute selects, an amount with its unit (元 / 万元) in one container.
  const split = splitControlsIn(container);
  if (split) return partsSource(split);

  // Framework widgets first: what the user sees, not the hidden value or code behind it.
  const widget = frameworkWidget(container);
  if (widget) return widget;

  // Element UI widgets first: their inner inputs are readonly views.
  const elSwitch = container.querySelector('.el-switch');
  if (elSwitch) {
    return { anchor: elSwitch, watch: [elSwitch], read: () => (elSwitch.classList.contains('is-checked') ? '是' : '否') };
  }
  const elSelect = container.querySelector('.el-select');
  if (elSelect) {
    const input = elSelect.querySelector('input');
    return {
      anchor: elSelect,
      watch: [elSelect],
      read: () => {
        const tags = [...elSelect.querySelectorAll('.el-tag, .el-select__tags-text')]
          .filter((t) => !t.querySelector('.el-select__tags-text'))
          .map((t) => clean(t.textContent))
          .filter(Boolean);
        if (tags.length) return [...new Set(tags)].join('、');
        return clean(input?.value) || null;
      },
    };
  }
  const elChecks = [...container.querySelectorAll('.el-checkbox, .el-radio')];
  if (elChecks.length && !container.querySelector('input[type=radio]:not(.el-radio__original), input[type=checkbox]:not(.el-checkbox__original)')) {
    const single = elChecks.length === 1 && elChecks[0]!.classList.contains('el-checkbox');
    return {
      anchor: elChecks[0]!,
      watch: elChecks,
      read: () => {
        if (single) return elChecks[0]!.classList.contains('is-checked') ? '是' : '否';
        const on = elChecks.filter((c) => c.classList.contains('is-checked')).map((c) => clean(c.textContent));
        return on.length ? on.join('、') : null;
      },
    };
  }

  const radios = [...container.querySelectorAll<HTMLInputElement>('input[type=radio]')];
  if (radios.length) {
    return {
      anchor: radios[0]!.closest('label') ?? radios[0]!.nextElementSibling ?? radios[0]!,
      watch: radios,
      read: () => {
        const on = radios.find((r) => r.checked);
        return on ? optionLabel(on) : null;
      },
    };
  }
  const boxes = [...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  if (boxes.length) {
    const anchor = boxes[0]!.nextElementSibling?.className.includes('layui-form-checkbox') ? boxes[0]!.nextElementSibling! : (boxes[0]!.closest('label') ?? boxes[0]!);
    return {
      anchor,
      watch: boxes,
      read: () => {
        if (boxes.length === 1) return boxes[0]!.checked ? '是' : '否';
        const on = boxes.filter((b) => b.checked).map(optionLabel);
        return on.length ? on.join('、') : null;
      },
    };
  }
  const select = container.querySelector('select');
  if (select) {
    // layui hides the <select> and shows a title input: anchor to what the user sees.
    const shown = container.querySelector('.layui-form-select .layui-select-title input, .layui-form-select') ?? select;
    return { anchor: shown, watch: [select, shown], read: () => readSelect(select) };
  }
  const inputs = [...container.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([type=button]):not([type=submit]), textarea')];
  if (inputs.length === 1) {
    const input = inputs[0]!;
    return { anchor: input, watch: [input], read: () => readControl(input) };
  }
  if (inputs.length > 1) {
    // Several controls under one label (a list of names, or date + time parts): join what is filled.
    return {
      anchor: inputs[0]!,
      watch: inputs,
      read: () => {
        const parts = inputs.map(readControl).filter((v): v is string => !!v);
        return parts.length ? parts.join(' ') : null;
      },
    };
  }
  return null;
}

/**
 * Widgets of other frameworks (#18.3), read as shown: an EasyUI textbox/datebox/combobox (its
 * visible `textbox-text`; the hidden `textbox-value` holds a combobox's code, never read), an
 * Ant Design select (`ant-select-selection-item`), an iView select (`ivu-select-selected-value`).
 * A widget not yet initialised has none of these: its original input is read as a plain one.
 */
function frameworkWidget(container: Element): ValueSource | null {
  const easy = container.matches('.textbox') ? container : container.querySelector('span.textbox');
  const easyText = easy?.querySelector('input.textbox-text');
  if (easy && easyText) {
    const hidden = easy.querySelector('input.textbox-value');
    return { anchor: easy, watch: [easyText, ...(hidden ? [hidden] : [])], read: () => readControl(easyText) };
  }
  const select = container.matches('.ant-select, .ivu-select') ? container : container.querySelector('.ant-select, .ivu-select');
  if (select) {
    return {
      anchor: select,
      watch: [select],
      read: () => {
        const shown = [...select.querySelectorAll('.ant-select-selection-item-content, .ivu-tag-text')].map((t) => clean(t.textContent)).filter(Boolean);
        if (shown.length) return [...new Set(shown)].join('、');
        const one = select.querySelector('.ant-select-selection-item, .ivu-select-selected-value');
        return clean(one?.getAttribute('title') || one?.textContent) || null;
      },
    };
  }
  return null;
}

/** What may stand between the parts of one value: nothing, a space, or a date/time unit (年 月 日 时 分 秒 : - /). */
const PART_UNITS = /^[年月日时分秒点:：\-/]{0,2}$/;
const PART_GAP = { test: (gap: string) => PART_UNITS.test(gap.replace(/\s+/g, '')) };
const PART = 'input[type=text], input[type=date], input[type=time], input[type=number], input:not([type]), select';
const WIDGETS = '.layui-form-select, .el-select, .el-date-editor, .textbox, .x-form-item-body, .ant-select, .ivu-select, .ant-picker, .ivu-date-picker';

/** The root of the widget a control belongs to (a label's `for` often names an inner input), or the control. */
export function widgetOf(el: Element): Element {
  return el.closest('span.textbox, .ant-select, .ivu-select, .el-select') ?? el;
}

/**
 * Whether a control continues the value of the one before it: after a unit (2024 年 3 月), a select
 * (0.5 [万元], [8]时[25]分), or a time input after a date input. Two plain inputs side by side are two
 * values (two fields of a form without labels between them), never one.
 */
function joins(prev: Element, next: Element, gap: string): boolean {
  if (gap.replace(/\s+/g, '')) return true;
  if (next.tagName === 'SELECT') return true;
  return (prev as HTMLInputElement).type === 'date' && (next as HTMLInputElement).type === 'time';
}

/** A control and the controls right after it that are parts of the same value (up to five). */
function partsFrom(first: Element): Element[] {
  if (!first.matches(PART) || first.closest(WIDGETS)) return [first];
  const out = [first];
  let node: ChildNode | null = first.nextSibling;
  let gap = '';
  while (node && out.length < 5) {
    if (node.nodeType === 3) gap += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.matches(PART) && !el.closest(WIDGETS) && PART_GAP.test(gap) && joins(out[out.length - 1]!, el, gap)) {
        out.push(el);
        gap = '';
      } else if (el.tagName === 'SPAN' && !el.querySelector(CONTROL) && (el.textContent ?? '').trim().length <= 2) gap += el.textContent ?? '';
      else break;
    }
    if (!PART_GAP.test(gap)) break;
    node = node.nextSibling;
  }
  return out;
}

/** Several plain controls in one container, at least one a select (年/月/日, 时/分, amount + unit): the parts of one value. */
function splitControlsIn(container: Element): Element[] | null {
  if (container.querySelector(WIDGETS)) return null;
  const controls = [...container.querySelectorAll(PART)].filter((c) => (c as HTMLElement).style?.display !== 'none');
  if (controls.length < 2 || !controls.some((c) => c.tagName === 'SELECT')) return null;
  const parts = partsFrom(controls[0]!);
  return parts.length === controls.length ? parts : null;
}

/** One value read from its parts, with what stands between them: "2024年3月5日 14时30分", "2024-03-05 14:30", "0.5 万元". */
function partsSource(parts: Element[]): ValueSource {
  return {
    anchor: parts[parts.length - 1]!,
    watch: parts,
    read: () => {
      const values = parts.map(readControl);
      if (!values[0]) return null;
      let out = '';
      parts.forEach((p, i) => {
        const v = values[i];
        if (!v) return;
        if (out) out += /[年月日时分秒点:：\-/]$/.test(out) ? '' : ' ';
        out += v;
        // The unit written right after the control (年, 月, 时 …).
        const after = p.nextSibling?.nodeType === 3 ? (p.nextSibling.textContent ?? '').trim() : '';
        if (after && i < parts.length - 1) out += after;
        else if (after && /^[日分秒]$/.test(after)) out += after;
      });
      return clean(out) || null;
    },
  };
}

/** Plain text of a display-only value cell. */
export function textSource(cell: Element): ValueSource {
  return { anchor: cell, watch: [], read: () => clean(cell.textContent) || null };
}
