/**
 * Which DOM changes can change what CaseLint reads (#16.6). A page with a ticking clock, a toast or
 * an animation changes all the time; only changes that touch a form control, a label or a value
 * the reader bound start a re-read. What is not filtered still gets read at least once a second.
 */
import { OWN_ATTR } from '../page/read';

const CONTROL_OR_LABEL = 'input, select, textarea, option, [contenteditable], label, td, th, dt, dd, legend';
const LABEL_TAGS = new Set(['LABEL', 'TD', 'TH', 'DT', 'DD', 'LEGEND', 'OPTION']);
/** Text that reads as a label: a Chinese word followed by a colon (拘留时间：), never a clock's 12:00:01. */
const LABEL_TEXT = /[\u3400-\u9fff]\s*[:：]/;

const isElement = (n: Node | null): n is Element => n?.nodeType === 1;
const isOwn = (n: Node) => isElement(n) && n.hasAttribute(OWN_ATTR);

/** An added or removed element holds something a reader uses. */
function holdsFields(el: Element): boolean {
  if (el.matches(CONTROL_OR_LABEL) || el.querySelector(CONTROL_OR_LABEL)) return true;
  return LABEL_TEXT.test(el.textContent ?? '');
}

/**
 * Whether these mutation records can change the reading. `isBound` says whether an element holds
 * a value the last reading bound (its control, its display cell).
 */
export function touchesFields(records: readonly MutationRecord[], isBound: (el: Element) => boolean): boolean {
  return records.some((r) => {
    const target = isElement(r.target) ? r.target : r.target.parentElement;
    if (!target || target.closest(`[${OWN_ATTR}]`)) return false; // our own nodes
    if (r.type === 'attributes') {
      // A control's value or state, or a container of controls shown or hidden (a tab switch).
      return target.matches(CONTROL_OR_LABEL) || !!target.querySelector('input, select, textarea, [contenteditable]') || isBound(target);
    }
    const changed = [...r.addedNodes, ...r.removedNodes];
    if (changed.length && changed.every(isOwn)) return false;
    if (changed.some((n) => isElement(n) && !isOwn(n) && holdsFields(n))) return true;
    // Text replaced (a clock, a counter, a label renamed): only where a label or a bound value is.
    if (!changed.some((n) => n.nodeType === 3)) return false;
    for (let el: Element | null = target, depth = 0; el && depth < 4; el = el.parentElement, depth++) {
      if (LABEL_TAGS.has(el.tagName) || isBound(el)) return true;
    }
    return LABEL_TEXT.test(target.textContent ?? '') || changed.some((n) => n.nodeType === 3 && LABEL_TEXT.test(n.textContent ?? ''));
  });
}
