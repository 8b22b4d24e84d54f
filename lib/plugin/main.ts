/** Entry of the IIFE plugin bundle: installs `window.CaseLint` once. */
import { CaseLint } from './index';

declare global {
  interface Window {
    CaseLint?: typeof CaseLint;
  }
}

if (typeof window !== 'undefined' && !window.CaseLint) {
  Object.defineProperty(window, 'CaseLint', { value: Object.freeze(CaseLint), writable: false, configurable: false, enumerable: true });
}
