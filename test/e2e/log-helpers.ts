import type { BrowserContext, Page } from '@playwright/test';
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
  const start = Date.now();
  let rows: LoggedRow[] = [];
  while (Date.now() - start < timeout) {
    rows = await readLog(extPage);
    if (rows.length >= n) {
      await extPage.waitForTimeout(700);
      return readLog(extPage);
    }
    await extPage.waitForTimeout(200);
  }
  return rows;
}
