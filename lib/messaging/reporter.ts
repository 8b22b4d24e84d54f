/**
 * Sends a page's results to the background until acknowledged. Only the latest report matters
 * (it holds the whole page): a newer one replaces a pending one. When the service worker is
 * stopped, the message wakes it; if it is starting or stopping, the send fails and is retried
 * with backoff — nothing sent during a stop is lost, and dedup makes retries harmless.
 */
import { request, type Input, type Output } from './protocol';

export interface ReporterOptions {
  send: (message: unknown) => Promise<unknown>;
  onAnswer: (answer: Output<'cs-bg:page-result'>) => void;
  /** Retry delays grow to this cap (ms). */
  maxDelay?: number;
}

export function createReporter(options: ReporterOptions) {
  let pending: Input<'cs-bg:page-result'> | null = null;
  let inFlight = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const flush = (): void => {
    if (stopped || inFlight || !pending) return;
    const report = pending;
    inFlight = true;
    request(options.send, 'cs-bg:page-result', report)
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
    report(summary: Input<'cs-bg:page-result'>): void {
      pending = summary;
      clearTimeout(timer);
      flush();
    },
    /** Reports not yet acknowledged (0 or 1). */
    pendingCount: () => (pending ? 1 : 0),
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
