/**
 * CSV exports, UTF-8 with a BOM so that Excel and WPS open Chinese text correctly: a document's
 * sections one after another under its title line; text neutralised against formulas.
 */
import { csvField } from '../db/spreadsheet-text';
import { docHeading, type Cell, type Column, type ReportDoc } from './table';

export const csvCell = (v: Cell) => (v === null ? '' : typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : csvField(v));

export function csvTable(columns: readonly Pick<Column, 'header'>[], rows: readonly Cell[][]): string[] {
  return [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
}

export function docCsv(doc: ReportDoc): string {
  const lines = [csvCell(docHeading(doc)), ''];
  for (const s of doc.sections) {
    lines.push(csvCell(s.title));
    if (s.text) lines.push(csvCell(s.text));
    lines.push(...csvTable(s.columns, s.rows), '');
  }
  return `\ufeff${lines.join('\r\n')}`;
}
