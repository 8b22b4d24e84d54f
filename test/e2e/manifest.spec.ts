/** The built manifest asks for no more than CaseLint needs (issue: permissions minimal). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../browser';
import { expect, test } from './fixtures';

test('permissions are minimal: no <all_urls>, no tabs, optional intranet hosts, no outside messaging', () => {
  const m = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const text = JSON.stringify(m);
  expect(text).not.toContain('<all_urls>');
  expect(m.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting', 'sidePanel']);
  expect(m.permissions).not.toContain('tabs');
  expect(m.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
  expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  expect(m.externally_connectable).toEqual({ ids: [], matches: [] });
  expect(m.web_accessible_resources).toEqual([{ resources: ['rule.html'], matches: m.host_permissions }]);
  expect(m.content_scripts.map((c: { matches: string[] }) => [...c.matches].sort())).toEqual([['http://127.0.0.1/*', 'http://localhost/*']]);
  expect(m.storage).toEqual({ managed_schema: 'managed_schema.json' });
  // The policy schema lists exactly the keys the extension reads.
  const schema = JSON.parse(readFileSync(join(EXTENSION_DIR, 'managed_schema.json'), 'utf8'));
  expect(Object.keys(schema.properties).sort()).toEqual(['hubEnrollmentCode', 'hubUrl', 'lockedSettings', 'origins', 'ruleOverrides', 'rulePack', 'settings', 'units']);
  expect(m.options_ui?.page ?? m.options_page).toBe('options.html');
});
