// @vitest-environment happy-dom
/**
 * The session (#17.2) in a DOM without a browser: it reads a case page, draws what it finds through
 * its drawer, follows the officer's typing with re-checks, never lets one broken control shift the
 * values of the others, and stops every listener, observer and timer when detached.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePack } from '../../rules/engine/compile';
import { defaultPack } from '../../rules/packs/default';
import { defaultCalendar } from '../../rules/periods/bundled-calendar';
import { attachSession, type AnchoredFinding, type Drawer, type Session } from '../../lib/session/session';
import { beijing } from './check-tester';

const pack = compilePack(defaultPack());
const NOW = beijing('2024-03-08 09:00');

/** A detention page of the demo system's kind: a label cell, a control cell. */
function page(fields: [label: string, value: string][]): void {
  document.body.innerHTML = `<form><table>${fields.map(([label, value], i) => `<tr><td>${label}</td><td><input id="f${i}" value="${value}"></td></tr>`).join('')}</table></form>`;
}

const DETENTION: [string, string][] = [
  ['案件编号', 'XS2024-0302'],
  ['案件类型', '刑事'],
  ['拘留时间', '2024-03-05 14:30'],
  ['通知家属时间', '2024-03-06 16:45'],
];

/** A drawer that keeps what it was last asked to show. */
function recordingDrawer() {
  const shown = new Map<Document, AnchoredFinding[]>();
  let destroyed = 0;
  const drawer = (doc: Document): Drawer => ({
    update: (items) => void shown.set(doc, items),
    highlight: () => {},
    draw: () => {},
    destroy: () => void destroyed++,
  });
  return { drawer, rules: () => [...shown.values()].flat().map((i) => i.finding.ruleId), destroyed: () => destroyed };
}

function type(id: string, value: string): void {
  const input = document.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

let session: Session | undefined;
afterEach(() => {
  session?.detach();
  session = undefined;
  document.body.innerHTML = '';
});

const attach = (drawer?: (doc: Document) => Drawer) =>
  (session = attachSession({ root: document, pack, engine: { calendar: defaultCalendar, now: NOW }, drawer }));

describe('session', () => {
  it('reads the page and draws its findings at their fields', () => {
    page(DETENTION);
    const d = recordingDrawer();
    const s = attach(d.drawer);
    expect(s.result().fields['detention.familyNotifiedAt']).toBe('2024-03-06 16:45');
    expect(d.rules()).toContain('detention-family-notice-24h');
    expect(s.anchorOf({ fieldKey: 'detention.familyNotifiedAt' })).toBe(document.getElementById('f3'));
  });

  it('re-checks what the officer types: the late notice is corrected, then late again', async () => {
    page(DETENTION);
    const d = recordingDrawer();
    attach(d.drawer);
    type('f3', '2024-03-05 20:15');
    await vi.waitFor(() => expect(d.rules()).not.toContain('detention-family-notice-24h'));
    type('f3', '2024-03-07 08:00');
    await vi.waitFor(() => expect(d.rules()).toContain('detention-family-notice-24h'));
  });

  it('a control that cannot be read does not shift the others: typing after it is still re-checked', async () => {
    page([['办案人', '张三'], ...DETENTION]);
    // A broken widget before the detention fields: reading its value throws.
    Object.defineProperty(document.getElementById('f0')!, 'value', { get: () => { throw new Error('broken widget'); } });
    const d = recordingDrawer();
    const s = attach(d.drawer);
    expect(s.result().fields['case.officers']).toBeUndefined();
    expect(d.rules()).toContain('detention-family-notice-24h');
    type('f4', '2024-03-05 20:15');
    await vi.waitFor(() => expect(d.rules()).not.toContain('detention-family-notice-24h'));
    expect(s.result().fields['detention.familyNotifiedAt']).toBe('2024-03-05 20:15');
  });

  it('a control readable again later gives its value (it kept its place)', async () => {
    page([['办案人', '张三'], ...DETENTION]);
    let broken = true;
    const input = document.getElementById('f0') as HTMLInputElement;
    const proto = Object.getPrototypeOf(input) as object;
    const native = Object.getOwnPropertyDescriptor(proto, 'value') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(proto), 'value');
    Object.defineProperty(input, 'value', { get: () => { if (broken) throw new Error('not ready'); return native!.get!.call(input); }, set: (v) => native!.set!.call(input, v) });
    const s = attach(recordingDrawer().drawer);
    expect(s.result().fields['case.officers']).toBeUndefined();
    broken = false;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(s.result().fields['case.officers']).toBe('张三'));
  });

  it('rules dismissed for the case are hidden but counted', () => {
    page(DETENTION);
    const d = recordingDrawer();
    const s = attach(d.drawer);
    s.setSuppressed(['detention-family-notice-24h']);
    expect(d.rules()).not.toContain('detention-family-notice-24h');
    expect(s.dismissedOnPage()).toEqual(['detention-family-notice-24h']);
  });

  it('detached, it stops: no re-check, no re-read, no clock, every drawer destroyed', async () => {
    vi.useFakeTimers();
    try {
      page(DETENTION);
      const d = recordingDrawer();
      const s = attach(d.drawer);
      const seen: number[] = [];
      s.subscribe((r) => seen.push(r.findings.length));
      s.detach();
      session = undefined;
      expect(d.destroyed()).toBe(1);
      const before = seen.length;
      type('f3', '2024-03-05 20:15');
      document.body.append(document.createElement('input'));
      await Promise.resolve(); // mutation records are delivered
      vi.advanceTimersByTime(61_000); // past every re-check, re-read, value poll and the minute clock
      expect(seen.length).toBe(before);
      expect(s.result().fields['detention.familyNotifiedAt']).toBe('2024-03-06 16:45');
    } finally {
      vi.useRealTimers();
    }
  });

  it('attached, the same steps do re-check (the control for the test above)', async () => {
    vi.useFakeTimers();
    try {
      page(DETENTION);
      const s = attach(recordingDrawer().drawer);
      type('f3', '2024-03-05 20:15');
      vi.advanceTimersByTime(61_000);
      expect(s.result().fields['detention.familyNotifiedAt']).toBe('2024-03-05 20:15');
    } finally {
      vi.useRealTimers();
    }
  });
});
