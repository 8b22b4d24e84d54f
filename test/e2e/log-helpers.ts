import { expect, type BrowserContext, type Page } from '@playwright/test';
import { EXTENSION_ID } from '../browser';

export interface LoggedRow {
  id: string;
  key: string;
  caseNumber: string;
  ruleId: string;
  fieldKey: string;
  row: number | null;
  status: string;
  timesSeen: number;
  firstSeen: number;
  fixedAt: number | null;
  subjectiveLevel: string | null;
  dismissReason: string | null;
  unit: string | null;
  officers: string[];
}

/** An extension page to read the log from (IndexedDB of the extension's origin). */
export async function openLogPage(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/log.html`);
  return page;
}

export async function readStore<T>(extPage: Page, store: string): Promise<T[]> {
  return extPage.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('caselint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            return resolve([]);
          }
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

export const readLog = (extPage: Page) => readStore<LoggedRow>(extPage, 'findings');

/** Waits until the log holds `n` rows and stays so for a moment. */
export async function waitForLog(extPage: Page, n: number, timeout = 20_000): Promise<LoggedRow[]> {
  let rows: LoggedRow[] = [];
  await expect
    .poll(async () => (rows = await readLog(extPage)).length, { timeout, intervals: [200] })
    .toBeGreaterThanOrEqual(n)
    .catch(() => {});
  if (rows.length < n) return rows;
  // … and stays so: two reads in a row agree (a late duplicate would show).
  let before = -1;
  await expect
    .poll(async () => {
      const now = (rows = await readLog(extPage)).length;
      const same = now === before;
      before = now;
      return same;
    }, { timeout: 5000, intervals: [350] })
    .toBe(true)
    .catch(() => {});
  return rows;
}
