/**
 * Sends a page's results to the background until acknowledged. Only the latest report matters
 * (it holds the whole page): a newer one replaces a pending one, and one that says what the last
 * one said is not sent at all (a page with a running clock re-checks every second; the log needs
 * a write only when the result changed). When the service worker is stopped, the message wakes
 * it; if it is starting or stopping, the send fails and is retried with backoff — nothing sent
 * during a stop is lost, and dedup makes retries harmless. When the page goes away (`sendNow`),
 * what is pending is sent at once.
 */
import type { Input, Output } from './protocol';
import { request } from './request';

type Report = Input<'cs-bg:page-result'>;

export interface ReporterOptions {
  send: (message: unknown) => Promise<unknown>;
  onAnswer: (answer: Output<'cs-bg:page-result'>) => void;
  /** Retry delays grow to this cap (ms). */
  maxDelay?: number;
}

/** What a report says, without when it was made. */
const contentOf = (r: Report) => JSON.stringify({ ...r, at: 0 });

export function createReporter(options: ReporterOptions) {
  let pending: Report | null = null;
  let inFlight = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** The content of the last report taken in (sent or pending). */
  let last: string | undefined;

  const send = (report: Report) => request(options.send, 'cs-bg:page-result', report);

  const flush = (): void => {
    if (stopped || inFlight || !pending) return;
    const report = pending;
    inFlight = true;
    send(report)
      .then((answer) => {
        inFlight = false;
        if (pending === report) pending = null;
        attempt = 0;
        options.onAnswer(answer);
        if (!answer.ok) {
          // Storage failed: try again later, slowly; the user has been told.
          pending ??= report;
          timer = setTimeout(flush, 30_000);
        } else if (pending) flush();
      })
      .catch(() => {
        inFlight = false;
        attempt++;
        timer = setTimeout(flush, Math.min(options.maxDelay ?? 5000, 100 * 2 ** attempt));
      });
  };

  return {
    /** Takes a page's result in; one that says what the last one said is dropped. */
    report(summary: Report): void {
      const content = contentOf(summary);
      if (content === last) return;
      last = content;
      pending = summary;
      clearTimeout(timer);
      flush();
    },
    /** The page is going away: send what is pending now, even beside a send still under way. */
    sendNow(): void {
      if (stopped || !pending) return;
      if (!inFlight) return flush();
      void send(pending).then(options.onAnswer, () => {});
    },
    /** Reports not yet acknowledged (0 or 1). */
    pendingCount: () => (pending ? 1 : 0),
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
