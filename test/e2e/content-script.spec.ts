/**
 * What every frame of a case page loads (#17.9): the content script stays within 40 KB gzipped and
 * carries no zod, no pack (examples, guideline prose), no holiday data and no webextension-polyfill —
 * it is handed its configuration by the worker, and the reviewer UI is injected only where needed.
 * Each search has its positive control: the same text is found in a build that does bundle it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../browser';
import { expect, test } from './fixtures';

const BUDGET = 40 * 1024;
const read = (path: string) => readFileSync(path, 'utf8');
const contentScript = read(join(EXTENSION_DIR, 'content-scripts/content.js'));
const plugin = read(resolve('.output/plugin/caselint.js'));
const chunks = readdirSync(join(EXTENSION_DIR, 'chunks')).map((f) => read(join(EXTENSION_DIR, 'chunks', f))).join('\n');

/** Text only a bundled pack, holiday data, zod or the polyfill has — and a build known to bundle it. */
const rule = JSON.parse(read('rules/packs/default/interrogation/interrogation-two-officers.json')) as { guideline: { chronicProblem: string }; examples: { pass: { name: string }[] } };
const MARKS = [
  { what: 'the guideline’s prose', text: rule.guideline.chronicProblem, control: plugin },
  { what: 'the pack’s examples', text: rule.examples.pass[0]!.name, control: plugin },
  { what: 'the holiday data', text: 'Spring Festival', control: plugin },
  { what: 'zod', text: 'ZodError', control: plugin },
  { what: 'webextension-polyfill', text: 'minArgs', control: chunks },
];

test('the content script is at most 40 KB gzipped, in every build', () => {
  for (const build of ['chrome-mv3', 'chrome-mv2', 'firefox-mv2']) {
    const size = gzipSync(readFileSync(resolve('.output', build, 'content-scripts/content.js'))).length;
    expect(size, `${build}: ${(size / 1024).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(BUDGET);
  }
});

for (const mark of MARKS) {
  test(`the content script carries no ${mark.what} (found where it is bundled)`, () => {
    expect(mark.control, `control: ${mark.what} should be in the build that bundles it`).toContain(mark.text);
    expect(contentScript).not.toContain(mark.text);
  });
}

test('the reviewer UI is a script of its own, not declared for every page', () => {
  const manifest = JSON.parse(read(join(EXTENSION_DIR, 'manifest.json'))) as { content_scripts: { js: string[] }[] };
  expect(manifest.content_scripts.flatMap((c) => c.js)).toEqual(['content-scripts/content.js']);
  const reviewerUi = read(join(EXTENSION_DIR, 'content-scripts/reviewer-ui.js'));
  expect(reviewerUi).toContain('caselint.reviewer-ui');
  expect(contentScript).toContain('caselint.reviewer-ui');
  // The audit panel's own words (its 未识别字段 list) are in the reviewer UI, not in what every frame loads.
  expect(reviewerUi).toContain('未识别字段');
  expect(contentScript).not.toContain('未识别字段');
});
