/**
 * A popover says each thing once (#20.4): a due-soon warning's countdown is in its message, and the
 * popover adds no second one (it had "（剩余 4小时30分）" in the message and "剩余 4小时29分" below).
 * Rendered with Preact into linkedom's DOM.
 */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { InlineWarnings } from '../../components/InlineWarnings';
import { compilePack, evaluate } from '../../rules/engine';
import { defaultPack } from '../../rules/packs/default';
import { beijing, snapshots } from './check-tester';

describe('popover of a due-soon warning', () => {
  it('shows one countdown', () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    Object.assign(globalThis, { document, window });
    const result = evaluate(compilePack(defaultPack()), snapshots({ 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '' }), { now: beijing('2024-03-06 10:00') });
    const dueSoon = result.findings.find((f) => f.kind === 'due-soon' && f.ruleId === 'detention-family-notice-24h')!;
    expect(dueSoon.message).toContain('剩余 4小时30分');
    const root = document.getElementById('root')!;
    render(h(InlineWarnings, { items: [{ finding: dueSoon, x: 10, y: 10, id: 'a' }], announcement: '' }), root);
    const text = root.textContent ?? '';
    expect(text).toContain('剩余 4小时30分');
    expect(text.match(/剩余/g)).toHaveLength(1);
  });
});

describe('popover of a violation with a lawful exception', () => {
  it('says what else would make the rule pass, and its button holds no link (nested-interactive)', () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    Object.assign(globalThis, { document, window });
    const result = evaluate(compilePack(defaultPack()), snapshots({ 'detention.startAt': '2024-03-05 14:30', 'detention.familyNotifiedAt': '2024-03-06 16:45' }), { now: beijing('2024-03-07 10:00') });
    const f = result.findings.find((x) => x.ruleId === 'detention-family-notice-24h')!;
    const root = document.getElementById('root')!;
    render(h(InlineWarnings, { items: [{ finding: f, x: 10, y: 10, id: 'a' }], announcement: '', docUrl: () => 'chrome-extension://x/rule.html#r' }), root);
    expect(root.querySelector('.cl-remedy')?.textContent).toMatch(/^或依法在“未通知家属原因”中注明/);
    const button = root.querySelector('[role="button"]')!;
    expect(button.querySelector('a, [role="button"], [tabindex]:not([tabindex="-1"])')).toBeNull();
    expect(root.querySelector('.cl-link')).not.toBeNull();
  });
});
