/**
 * Free space before large writes (#16.1): a full disk made Chromium abort an import's transaction
 * and, twice in four runs, discard the whole IndexedDB store. `navigator.storage.estimate()` gives
 * the origin's quota, which Chromium caps at what the disk has free; a write that would not fit
 * (with a reserve) is refused before it starts, with a message the user can act on.
 */
import { zhTr, type Tr } from '../i18n/tr';
const MB = 1024 * 1024;
/** Left free after any large write: the log's own page reports and the browser need room too. */
export const RESERVE_BYTES = 16 * MB;

type Estimate = () => Promise<{ quota?: number; usage?: number } | undefined>;
const browserEstimate: Estimate = async () => (globalThis.navigator as Navigator | undefined)?.storage?.estimate?.();

/** Bytes this origin may still write, or null where the browser cannot tell. */
export async function availableBytes(estimate: Estimate = browserEstimate): Promise<number | null> {
  const e = await estimate().catch(() => undefined);
  if (typeof e?.quota !== 'number' || typeof e.usage !== 'number') return null;
  return Math.max(0, e.quota - e.usage);
}

export const megabytes = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/** Why a write of about `needed` bytes must not start, in Chinese; null when it fits (or nobody can tell). */
export function shortOfSpace(what: string, needed: number, available: number | null, tr: Tr = zhTr, whatEn = what): string | null {
  if (available === null || available >= needed + RESERVE_BYTES) return null;
  return tr(
    `存储空间不足：${what}约需 ${megabytes(needed + RESERVE_BYTES)}，本机可用约 ${megabytes(available)}。请清理磁盘后重试。`,
    `Not enough storage: ${whatEn} needs about ${megabytes(needed + RESERVE_BYTES)}; about ${megabytes(available)} is free. Free some disk space and try again.`,
  );
}

/** What an import { zhTr, type Tr } from '../i18n/tr';
import of a file of `fileBytes` occupies until it is merged: the staged copy, the merged rows and their indexes. */
export const importNeeds = (fileBytes: number) => fileBytes * 3;
