/**
 * The compatibility check of built files (scripts/compat): what it must catch in code that runs in
 * a Chromium 80 case page, and the library idioms it must let pass (feature tests with fallbacks,
 * grid gaps, script keys named like CSS properties).
 */
import { describe, expect, it } from 'vitest';
import { featureProblems, syntaxProblem } from '../../scripts/compat/check';
import { PAGE_CHROMIUM, MV3_CHROMIUM } from '../../lib/compat/targets';

const flagged = (code: string, chromium = PAGE_CHROMIUM) => featureProblems('x.js', code, chromium).map((p) => p.what);

describe('APIs and CSS newer than the target', () => {
  const caught: [string, string][] = [
    ['Object.hasOwn', 'if(Object.hasOwn(a,"b"))f()'],
    ['Array.prototype.at', 'const last=list.at(-1);'],
    ['structuredClone', 'var c=structuredClone(x)'],
    ['String.prototype.replaceAll', 's.replaceAll("a","b")'],
    ['Promise.any', 'await Promise.any([a,b])'],
    ['Array.prototype.findLast', 'rows.findLast(r=>r.ok)'],
    ['findLastIndex', 'rows.findLastIndex(r=>r.ok)'],
    ['crypto.randomUUID unguarded', 'const id=crypto.randomUUID()'],
    ['CSS :has() in a selector', 'document.querySelector("label:has(input)")'],
    ['CSS inset', '.cl-pop{position:absolute;inset:0}'],
    ['CSS inset in a style object', 'style:{position:`fixed`,inset:`0 auto auto 0`}'],
    ['CSS flex gap', '.cl-head{display:flex;gap:6px}'],
    ['CSS flex gap in a style object', 'style:{display:"flex",justifyContent:"center",gap:"6px"}'],
    ['CSS flex row-gap, gap before display', '.x{row-gap:4px;display:inline-flex}'],
  ];
  for (const [name, code] of caught) {
    it(`catches ${name}`, () => expect(flagged(code)).toHaveLength(1));
  }

  const allowed: [string, string][] = [
    ['grid gap (Chromium 66)', '.layout{display:grid;gap:20px}'],
    ['gap in another block than the flex one', '.a{display:flex}.b{display:grid;gap:4px}'],
    ['a script key named inset', 'DEFAULT={note:{margins:{insetmode:`auto`,inset:[.13,.13]}}};let{inset:e}=t'],
    ['box-shadow inset', '.a{box-shadow:inset 0 0 0 1px #000}'],
    ['a library that tests for WeakRef first', 'if(typeof FinalizationRegistry<`u`&&typeof WeakRef<`u`){var r=new WeakRef(o)}'],
    ['our own randomUUID fallback', 'if(typeof e.randomUUID==`function`)return e.randomUUID();let t=e.getRandomValues(n)'],
    ['plain ES2019 built-ins', 'Object.fromEntries(x.flatMap(f));s.matchAll(/a/g);Promise.allSettled([])'],
    ['a minified function named at, spread', 'case`age`:return[...at(e.at),...it]'],
  ];
  for (const [name, code] of allowed) {
    it(`lets pass ${name}`, () => expect(flagged(code)).toEqual([]));
  }

  it('judges against the target: flex gap is fine for the MV3 extension pages (Chromium 88)', () => {
    expect(flagged('.a{display:flex;gap:4px}', MV3_CHROMIUM)).toEqual([]);
    expect(flagged('Object.hasOwn(a,b)', MV3_CHROMIUM)).toHaveLength(1);
  });
});

describe('syntax newer than ES2020 (Chromium 80)', () => {
  const newer: [string, string][] = [
    ['logical assignment ??=', 'var a={};a.x??=1;'],
    ['logical assignment ||=', 'let b;b||=2;'],
    ['class fields', 'class A{x=1}'],
    ['static blocks', 'class A{static{init()}}'],
    ['numeric separators', 'const n=1_000;'],
    ['regexp d flag', 'const r=/a/d;'],
  ];
  for (const [name, code] of newer) it(`rejects ${name}`, () => expect(syntaxProblem(code, 'script')).toBeDefined());

  it('accepts optional chaining, nullish coalescing, BigInt and dynamic import (Chromium 80)', () => {
    expect(syntaxProblem('const a=b?.c??1;const big=10n;import("./x.js").then(f);', 'script')).toBeUndefined();
  });
  it('accepts ES modules where the file is one', () => {
    expect(syntaxProblem('import a from "./a.js";export { a };', 'module')).toBeUndefined();
  });
});
