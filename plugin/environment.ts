/**
 * The plugin lives in the case page's own world, where the page's scripts may have replaced
 * built-ins that reading and checking rely on (old libraries extend Object.prototype; some
 * redefine String.prototype.trim). Such a page cannot be checked with certainty: the scan says
 * so in its warnings instead of reporting silence as compliance.
 */

/** Captured when the plugin loads: what a later change of Function.prototype.toString cannot hide. */
const nativeSource = Function.prototype.toString;
const isNative = (f: unknown) => {
  try {
    return typeof f === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(nativeSource.call(f));
  } catch {
    return false;
  }
};

const BUILT_INS: [string, () => unknown][] = [
  ['String.prototype.trim', () => String.prototype.trim],
  ['String.prototype.replace', () => String.prototype.replace],
  ['String.prototype.split', () => String.prototype.split],
  ['String.prototype.slice', () => String.prototype.slice],
  ['String.prototype.indexOf', () => String.prototype.indexOf],
  ['String.prototype.charCodeAt', () => String.prototype.charCodeAt],
  ['String.prototype.normalize', () => String.prototype.normalize],
  ['Array.prototype.map', () => Array.prototype.map],
  ['Array.prototype.filter', () => Array.prototype.filter],
  ['Array.prototype.indexOf', () => Array.prototype.indexOf],
  ['Array.prototype.includes', () => Array.prototype.includes],
  ['Array.prototype.join', () => Array.prototype.join],
  ['Array.prototype.push', () => Array.prototype.push],
  ['Array.prototype.sort', () => Array.prototype.sort],
  ['Map', () => Map],
  ['Set', () => Set],
  ['RegExp.prototype.exec', () => RegExp.prototype.exec],
  ['RegExp.prototype.test', () => RegExp.prototype.test],
  ['JSON.stringify', () => JSON.stringify],
  ['Object.keys', () => Object.keys],
  ['Date.UTC', () => Date.UTC],
  ['Math.floor', () => Math.floor],
  ['Document.prototype.querySelectorAll', () => Document.prototype.querySelectorAll],
  ['Element.prototype.querySelectorAll', () => Element.prototype.querySelectorAll],
];

/** Warnings about the page's changes to built-ins (none on an ordinary page). */
export function environmentWarnings(): string[] {
  const replaced = BUILT_INS.filter(([, get]) => !isNative(get())).map(([name]) => name);
  const enumerable: string[] = [];
  // Keys added to Object.prototype show up in every for…in over a plain object.
  for (const key in {}) enumerable.push(key);
  const out: string[] = [];
  if (replaced.length) out.push(`页面改写了浏览器内置函数（${replaced.join('、')}），检查结果可能不准确，请人工核实`);
  if (enumerable.length) out.push(`页面向 Object.prototype 添加了属性（${enumerable.join('、')}），检查结果可能不准确，请人工核实`);
  return out;
}
