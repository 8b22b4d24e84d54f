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
    return { anchor: container, watch: [container], read: () => readControl(container) };
  }

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

/** Plain text of a display-only value cell. */
export function textSource(cell: Element): ValueSource {
  return { anchor: cell, watch: [], read: () => clean(cell.textContent) || null };
}
