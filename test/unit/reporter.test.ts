/**
 * The page reporter (#16.3, #16.12): a report that says what the last one said is not sent (a page
 * with a running clock re-checks every second), and what is pending goes at once when the page goes
 * away, even beside a send still under way.
 */
import { describe, expect, it } from 'vitest';
import { createReporter } from '../../lib/messaging/reporter';
import type { Input } from '../../lib/messaging/protocol';

const summary = (findings: number, at = 1): Input<'cs-bg:page-result'> => ({
  visit: 'v1',
  url: 'http://10.1.1.1/case/1',
  title: '刑事拘留',
  caseNumber: 'XS2024-0302',
  caseKind: '刑事',
  unit: null,
  officers: [],
  findings: Array.from({ length: findings }, (_, i) => ({
    ruleId: `rule-${i}`,
    fieldKey: 'detention.familyNotifiedAt',
    severity: 'error' as const,
    kind: 'violation' as const,
    message: 'm',
    basis: 'b',
    category: 'detention',
    title: 't',
  })),
  passed: [],
  notApplicable: [],
  warnings: [],
  at,
});

/** A background that answers each message when told to. */
function fakeBackground() {
  const sent: unknown[] = [];
  const answers: ((v: unknown) => void)[] = [];
  return {
    sent,
    send: (m: unknown) => {
      sent.push(m);
      return new Promise<unknown>((r) => answers.push(r));
    },
    answerAll: async () => {
      for (const a of answers.splice(0)) a({ ok: true, dismissedRules: [] });
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('the page reporter', () => {
  it('sends a report only when the result changed (a clock ticking on the page writes nothing)', async () => {
    const bg = fakeBackground();
    const reporter = createReporter({ send: bg.send, onAnswer: () => {} });
    reporter.report(summary(2, 1));
    await bg.answerAll();
    for (let second = 2; second <= 60; second++) {
      reporter.report(summary(2, second));
      await bg.answerAll();
    }
    expect(bg.sent).toHaveLength(1);
    reporter.report(summary(1, 61));
    await bg.answerAll();
    expect(bg.sent).toHaveLength(2);
  });

  it('when the page goes away, the pending report is sent at once beside one still under way', async () => {
    const bg = fakeBackground();
    const reporter = createReporter({ send: bg.send, onAnswer: () => {} });
    reporter.report(summary(2));
    reporter.report(summary(1)); // pending behind the first, waiting for its answer
    expect(bg.sent).toHaveLength(1);
    reporter.sendNow();
    expect(bg.sent).toHaveLength(2);
    expect((bg.sent[1] as { input: { findings: unknown[] } }).input.findings).toHaveLength(1);
  });

  it('sendNow with nothing pending sends nothing', () => {
    const bg = fakeBackground();
    createReporter({ send: bg.send, onAnswer: () => {} }).sendNow();
    expect(bg.sent).toEqual([]);
  });
});
