/** Entry of the IIFE plugin bundle: installs `window.CaseLint` once. */
// First: it quiets the page's enumerable prototype keys while the modules below load.
import { restoreAfterLoad } from './quiet-prototypes';
import { CaseLint } from './index';

declare global {
  interface Window {
    CaseLint?: typeof CaseLint;
  }
}

// Installed unless CaseLint is already there as the window's own property: an element of the page
// with id or name "CaseLint" is a window property too, but not an own one (it must not stop us).
if (typeof window !== 'undefined' && !Object.prototype.hasOwnProperty.call(window, 'CaseLint')) {
  Object.defineProperty(window, 'CaseLint', { value: Object.freeze(CaseLint), writable: false, configurable: false, enumerable: true });
}
restoreAfterLoad();
