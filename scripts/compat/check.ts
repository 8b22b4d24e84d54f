/**
 * The compatibility check of the built files (`npm run check:compat`, part of `npm test`): what
 * runs in a case page must parse and run in Chromium 80, the MV3 extension's own pages and worker
 * in Chromium 88 (lib/compat/targets.ts). Syntax: parsed as ES2020 (what Chromium 80 parses: no
 * `??=`, class fields, static blocks or regexp `d` flag). APIs and CSS: FEATURES newer than the
 * target. Exits 1 with every problem by file, or when a file it must check is missing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'acorn';
import { MV3_CHROMIUM, PAGE_CHROMIUM } from '../../lib/compat/targets';
import { FEATURES } from './features';

export interface Problem {
  file: string;
  what: string;
  /** A little of the text around it. */
  near: string;
}

/** Syntax newer than ES2020 (Chromium 80), as acorn reports it. */
export function syntaxProblem(code: string, sourceType: 'script' | 'module'): string | undefined {
  try {
    parse(code, { ecmaVersion: 2020, sourceType, allowHashBang: true });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Features newer than `chromium` used in the text. */
export function featureProblems(file: string, text: string, chromium: number): Problem[] {
  const out: Problem[] = [];
  for (const f of FEATURES) {
    if (f.chromium <= chromium || f.guard?.test(text)) continue;
    const m = f.pattern.exec(text);
    if (m) out.push({ file, what: `${f.name} (Chromium ${f.chromium}+)`, near: text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ') });
  }
  return out;
}

export function checkFile(path: string, chromium: number, root = process.cwd()): Problem[] {
  const file = relative(root, path);
  const text = readFileSync(path, 'utf8');
  const problems = featureProblems(file, text, chromium);
  if (path.endsWith('.js')) {
    // ES modules (the worker, extension pages) may use import/export; everything else is a script.
    const module = /^\s*import[\s{*"']|\bexport\s*[{*]|\bimport\.meta\b/m.test(text);
    const error = syntaxProblem(text, module ? 'module' : 'script');
    if (error) problems.push({ file, what: `syntax newer than ES2020 (Chromium ${PAGE_CHROMIUM}): ${error}`, near: '' });
  }
  return problems;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

/** What is checked against which core. Required files fail the check when missing. */
export function targets(root: string): { files: string[]; chromium: number; required: boolean; label: string }[] {
  const out = (dir: string) => join(root, '.output', dir);
  const list: { files: string[]; chromium: number; required: boolean; label: string }[] = [
    { label: 'intranet plugin', files: [join(out('plugin'), 'caselint.js')], chromium: PAGE_CHROMIUM, required: true },
  ];
  for (const build of ['chrome-mv3', 'chrome-mv2', 'firefox-mv2']) {
    const dir = out(build);
    const required = build !== 'firefox-mv2';
    if (!existsSync(dir)) {
      list.push({ label: build, files: [join(dir, 'manifest.json')], chromium: PAGE_CHROMIUM, required });
      continue;
    }
    const scripts = join(dir, 'content-scripts');
    list.push({ label: `${build} content script`, files: existsSync(scripts) ? filesUnder(scripts, /\.(js|css)$/) : [join(scripts, 'content.js')], chromium: PAGE_CHROMIUM, required });
    // The extension's own pages and background: MV3 from Chromium 88, MV2 from the page target.
    const own = filesUnder(dir, /\.(js|css)$/).filter((f) => !f.startsWith(scripts));
    list.push({ label: `${build} pages and background`, files: own, chromium: build === 'chrome-mv3' ? MV3_CHROMIUM : PAGE_CHROMIUM, required });
  }
  return list;
}

export function checkBuild(root = process.cwd()): { problems: Problem[]; checked: number; missing: string[] } {
  const problems: Problem[] = [];
  const missing: string[] = [];
  let checked = 0;
  for (const t of targets(root)) {
    for (const f of t.files) {
      if (!existsSync(f)) {
        if (t.required) missing.push(relative(root, f));
        continue;
      }
      if (f.endsWith('.json')) continue;
      checked++;
      problems.push(...checkFile(f, t.chromium, root));
    }
  }
  return { problems, checked, missing };
}

if (process.argv[1] && /check\.ts$/.test(process.argv[1])) {
  const { problems, checked, missing } = checkBuild();
  for (const m of missing) console.error(`缺少构建产物 / missing build output: ${m} (npm run build)`);
  for (const p of problems) console.error(`${p.file}: ${p.what}${p.near ? `\n    …${p.near}…` : ''}`);
  if (missing.length || problems.length) {
    console.error(`兼容性检查未通过 / compatibility check failed: ${problems.length} problem(s), ${missing.length} missing file(s)`);
    process.exit(1);
  }
  console.log(`兼容性检查通过 / compatibility check passed: ${checked} built files (page side Chromium ${PAGE_CHROMIUM}, MV3 extension Chromium ${MV3_CHROMIUM})`);
}
