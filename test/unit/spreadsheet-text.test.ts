/** CSV injection: what a spreadsheet would run as a formula is shown as text, whatever comes first. */
import { describe, expect, it } from 'vitest';
import { csvField, spreadsheetText } from '../../lib/db/spreadsheet-text';
import { docCsv } from '../../lib/exports/csv';
import { findingsCsv } from '../../lib/exports/findings';
import { defaultPack } from '../../rules/packs/default';

describe('spreadsheet text', () => {
  const payloads = [
    '=1+1',
    '+SUM(A1)',
    '-2+3',
    '@SUM(A1:A9)',
    ' =HYPERLINK("http://x","点此")',
    '\u00a0=1+1',
    '\u3000=1+1',
    '\u200b=1+1',
    '\u2060=1+1',
    '\ufeff=1+1',
    '＝1+1',
    '　＋1',
    '\t=1',
    '\r=1',
  ];
  for (const p of payloads) it(`neutralises ${JSON.stringify(p)}`, () => expect(spreadsheetText(p)).toBe(`'${p}`));

  for (const plain of ['王伟', '2024-03-05 14:30', 'X公（刑）拘字〔2024〕0312号', '1=1', '罚款 -200 元', '']) {
    it(`leaves ${JSON.stringify(plain)} as it is`, () => expect(spreadsheetText(plain)).toBe(plain));
  }

  it('quotes a neutralised field that holds a quote or a comma', () => {
    expect(csvField(' =HYPERLINK("http://x","点此")')).toBe(`"' =HYPERLINK(""http://x"",""点此"")"`);
  });

  it('the log export and the report export both use it', () => {
    const row = {
      id: 'a', ruleId: 'r', category: 'c', kind: 'violation', severity: 'error', fieldKey: 'f', caseNumber: '\u200b=cmd', unit: null, officers: ['王伟'],
      pageUrl: 'http://10.1.1.1/', firstSeen: 0, lastSeen: 0, status: 'open', reviewer: null, subjectiveLevel: null, dismissReason: null, note: '＝1+1', message: 'm',
      row: null, rows: null, timesSeen: 1, reviewedAt: null, document: '/x', history: [],
    } as never;
    const csv = findingsCsv([row], defaultPack());
    expect(csv).toContain("'\u200b=cmd");
    expect(csv).toContain("'＝1+1");
    const report = docCsv({ title: 'T', period: 'P', sections: [{ title: 'S', columns: [{ header: 'h' }], rows: [[' @SUM(1)']] }] } as never);
    expect(report).toContain("' @SUM(1)");
  });
});
