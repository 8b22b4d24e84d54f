/**
 * Sites on cores without scripting.registerContentScripts (Chromium 88–95 in MV3, every Chrome in
 * MV2): when a tab of a configured, granted origin finishes loading, the worker injects the content
 * script into it, frames included. The host permission for that origin lets the worker see the
 * tab's URL without the `tabs` permission. The content script guards against running twice.
 * Frames loaded after the page itself are not reached this way (README "Browsers").
 */
import { matchPatternOf } from '../config/origins';
import { CONTENT_SCRIPT_FILE, type PermissionsApi } from './registration';

/** One of the two injection APIs: MV3's scripting.executeScript, or MV2's tabs.executeScript. */
export type InjectApi =
  | { kind: 'scripting'; executeScript(o: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown> }
  | { kind: 'tabs'; executeScript(tabId: number, o: { file: string; allFrames: boolean; runAt: 'document_idle' }): Promise<unknown> };

function originOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:/i.test(url)) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The tabs.onUpdated handler: on a finished load of a wanted origin the browser has granted,
 * injects the content script. `wanted` is read at each load (the configuration may change).
 */
export function injectOnLoad(
  inject: InjectApi,
  permissions: PermissionsApi,
  wanted: () => Promise<readonly string[]>,
  onError: (message: string) => void = () => {},
): (tabId: number, change: { status?: string }, tab: { url?: string }) => Promise<boolean> {
  return async (tabId, change, tab) => {
    const origin = originOf(tab.url);
    if (change.status !== 'complete' || !origin) return false;
    const origins = await wanted();
    if (!origins.some((o) => originOf(o.endsWith('/') ? o : `${o}/`) === origin)) return false;
    if (!(await permissions.contains({ origins: [matchPatternOf(origin)] }))) return false;
    try {
      if (inject.kind === 'scripting') await inject.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] });
      else await inject.executeScript(tabId, { file: `/${CONTENT_SCRIPT_FILE}`, allFrames: true, runAt: 'document_idle' });
      return true;
    } catch (e) {
      onError(`${origin}: ${(e as Error).message}`);
      return false;
    }
  };
}
