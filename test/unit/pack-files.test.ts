/**
 * The default pack's files (#17.7): one rule per file, `rules/packs/default/<category>/<rule id>.json`,
 * each in the pack exactly once; and every check registered has its valid/invalid table
 * (`test/unit/checks/<check id>.test.ts`, ESLint's RuleTester style).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../rules/checks/registry';
import { CHECK_PARAMS } from '../../rules/checks/params';
import { defaultPackData } from '../../rules/packs/default';

const PACK_DIR = 'rules/packs/default';
const folders = readdirSync(PACK_DIR).filter((f) => statSync(join(PACK_DIR, f)).isDirectory());
const files = folders.flatMap((folder) => readdirSync(join(PACK_DIR, folder)).map((file) => ({ folder, file, rule: JSON.parse(readFileSync(join(PACK_DIR, folder, file), 'utf8')) as { id: string; category: string } })));

describe('rules, one per file', () => {
  it('every file holds one rule named as the file, in its category’s folder', () => {
    for (const { folder, file, rule } of files) {
      expect(Array.isArray(rule), `${folder}/${file} holds one rule, not a list`).toBe(false);
      expect(`${rule.id}.json`, `${folder}/${file}`).toBe(file);
      expect(rule.category, `${folder}/${file}`).toBe(folder);
    }
  });

  it('every file is in the pack exactly once, and the pack has nothing else', () => {
    const inPack = defaultPackData.rules.map((r) => (r as { id: string }).id);
    expect(new Set(inPack).size).toBe(inPack.length);
    expect([...inPack].sort()).toEqual(files.map((f) => f.rule.id).sort());
  });

  it('the folders are the pack’s categories', () => {
    expect([...folders].sort()).toEqual(Object.keys(defaultPackData.categories).sort());
  });
});

describe('checks', () => {
  it('every registered check has its table of valid and invalid cases', () => {
    const tables = new Set(readdirSync('test/unit/checks').map((f) => f.replace(/\.test\.ts$/, '')));
    expect(CHECKS.map((c) => c.id).filter((id) => !tables.has(id))).toEqual([]);
  });

  it('every registered check has its params schema, and every schema a check', () => {
    expect(Object.keys(CHECK_PARAMS).sort()).toEqual(CHECKS.map((c) => c.id).sort());
  });
});
