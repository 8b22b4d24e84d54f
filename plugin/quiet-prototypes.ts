/**
 * Old libraries (Prototype.js, early jQuery plug-ins) add enumerable methods to Object.prototype
 * and Array.prototype. The schema library builds its schemas when the plugin loads, walking
 * objects with for…in, and fails on such keys — the plugin would not install at all. While the
 * plugin's own code runs (synchronously: no code of the page runs in between), those keys are
 * made non-enumerable; they are put back exactly as they were right after. The page's
 * environment is never left changed.
 */
export function quietPrototypes(): () => void {
  const hidden: [object, string, PropertyDescriptor][] = [];
  for (const proto of [Object.prototype, Array.prototype]) {
    for (const key of Object.keys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (!d?.configurable) continue;
      Object.defineProperty(proto, key, { ...d, enumerable: false });
      hidden.push([proto, key, d]);
    }
  }
  return () => {
    for (const [proto, key, d] of hidden) Object.defineProperty(proto, key, d);
    hidden.length = 0;
  };
}

/** Quieted as this module is evaluated, before the modules that build schemas (main.ts imports it first). */
export const restoreAfterLoad = quietPrototypes();
// Should a module below fail to load, main.ts never restores them: the next task does (idempotent).
setTimeout(restoreAfterLoad, 0);
