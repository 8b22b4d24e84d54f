/** Which DOM changes start a re-read (#16.6): controls, labels and bound values do; a clock does not. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { touchesFields } from '../../lib/session/mutations';

const { document } = parseHTML(`<html><body>
  <div id="clock">2026-12-01T14:00:00.100Z</div>
  <div id="toast"></div>
  <form id="app"><p><label for="a">拘留时间</label> <input id="a" value="2024-03-05 14:30"></p>
  <table><tr><td id="label-cell">通知家属时间</td><td id="value-cell">2024-03-06 16:45</td></tr></table>
  <div id="tab" class="hidden"><input id="c"></div></form>
  <div data-caselint-host="1" id="own"><span>warning</span></div>
</body></html>`);
const $ = (id: string) => document.getElementById(id)!;
const text = (s: string) => document.createTextNode(s);
const html = (s: string) => {
  const d = document.createElement('div');
  d.innerHTML = s;
  return d.firstElementChild!;
};
const childList = (target: Node, added: Node[], removed: Node[] = []) => ({ type: 'childList', target, addedNodes: added, removedNodes: removed, attributeName: null }) as unknown as MutationRecord;
const attribute = (target: Element, name: string) => ({ type: 'attributes', target, addedNodes: [], removedNodes: [], attributeName: name }) as unknown as MutationRecord;
const bound = new Set<Element>([$('value-cell'), $('a')]);
const touches = (...records: MutationRecord[]) => touchesFields(records, (el) => bound.has(el));

describe('changes that start a re-read', () => {
  it.each([
    ['a clock ticking', () => childList($('clock'), [text('2026-12-01T14:00:00.200Z')], [text('2026-12-01T14:00:00.100Z')])],
    ['a toast shown', () => childList($('toast'), [html('<div class="toast">保存成功</div>')])],
    ['a class toggled on a clock', () => attribute($('clock'), 'class')],
    ['our own warning drawn', () => childList(document.body, [html('<div data-caselint-host="1"><b>超期</b></div>')])],
    ['inside our own warning', () => childList($('own').firstElementChild!, [text('x')])],
  ])('ignores %s', (_name, record) => {
    expect(touches(record())).toBe(false);
  });

  it.each([
    ['a view with controls replacing the form (SPA switch)', () => childList($('app'), [html('<p><label>通知家属时间 <input value="2024-03-05 20:15"></label></p>')])],
    ['a read-only view with labels in a div layout', () => childList(document.body, [html('<div><div>拘留时间：</div><div>2024-03-05 14:30</div></div>')])],
    ['a table cell value replaced by script', () => childList($('value-cell'), [text('2024-03-05 20:15')], [text('2024-03-06 16:45')])],
    ['a label renamed', () => childList($('label-cell'), [text('通知时间')])],
    ['a tab of controls shown', () => attribute($('tab'), 'class')],
    ['a control\'s value attribute set', () => attribute($('a'), 'value')],
    ['the form removed', () => childList(document.body, [], [$('app')])],
  ])('re-reads on %s', (_name, record) => {
    expect(touches(record())).toBe(true);
  });

  it('one relevant record among many irrelevant ones is enough', () => {
    const tick = childList($('clock'), [text('t')]);
    expect(touches(tick, tick, childList($('value-cell'), [text('2024-03-05 20:15')]))).toBe(true);
  });
});
