/**
 * What the plugin reads on a demo page, in Debian's Chromium: every field with its label and value,
 * and the findings — for writing a new page's expected file and seeing why a field was missed.
 * `npm run build` first, then `tsx scripts/demo-site/check-reading.ts <case id> <page>`.
 */
import { chromium } from '@playwright/test';
import { chromiumPath, PLUGIN_FILE } from '../../test/browser';
import { startDemoServer } from './server';

const [caseId, page] = process.argv.slice(2);
if (!caseId || !page) throw new Error('usage: check-reading.ts <case id> <page>');
const server = await startDemoServer(0);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  const tab = await browser.newPage();
  await tab.goto(`${server.url}/case/${encodeURIComponent(caseId)}/${page}`);
  await tab.addScriptTag({ path: PLUGIN_FILE });
  const scan = (await tab.evaluate('window.CaseLint.scan()')) as { fields: Record<string, string | null>; findings: { ruleId: string; fieldKey: string; row?: number; severity: string; kind: string; message: string }[]; warnings: string[] };
  for (const [k, v] of Object.entries(scan.fields)) console.log(`${k}\t${v ?? ''}`);
  console.log('\nfindings:');
  for (const f of scan.findings) console.log(`  ${f.ruleId} ${f.fieldKey}${f.row !== undefined ? `#${f.row}` : ''} ${f.severity} ${f.kind}  ${f.message}`);
  if (scan.warnings.length) console.log('warnings:', scan.warnings);
} finally {
  await browser.close();
  await server.close();
}
