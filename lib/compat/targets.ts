/**
 * The browser cores CaseLint supports (README "Browsers"): one definition for the build targets,
 * the manifest's minimum versions and the compatibility check of the built files.
 * - Everything that runs in a case page (plugin, content script, engine, page reading, overlay):
 *   Chromium 80 — 360安全浏览器, 奇安信 and other 信创 browsers ship 80–108 — and Firefox ESR 115.
 * - The MV3 extension (service worker, side panel, storage.session …): Chromium 88, the first
 *   core with Manifest V3. Older cores install the MV2 build.
 */
export const PAGE_CHROMIUM = 80;
export const MV3_CHROMIUM = 88;
export const FIREFOX_ESR = 115;

/** Syntax targets for Vite: what the oldest page-side core parses. */
export const BUILD_TARGETS = [`chrome${PAGE_CHROMIUM}`, `firefox${FIREFOX_ESR}`];
