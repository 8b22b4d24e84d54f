/**
 * Report exports: CSV (UTF-8 with BOM, sections one after another) and XLSX (a sheet per section,
 * Chinese headers, column widths, numbers as numbers). The spreadsheet library is loaded only
 * when exporting.
 */
import { csvField } from '../db/spreadsheet-text';
import type { Cell, ReportDoc, Section } from './sheets';

const csvCell = (v: Cell) => (v === null ? '' : typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : csvField(v));

export function reportCsv(doc: ReportDoc): string {
  const lines = [csvCell(`${doc.title}（${doc.period}）${doc.unit ? ` ${doc.unit}` : ''}`), ''];
  for (const s of doc.sections) {
    lines.push(csvCell(s.title));
    if (s.text) lines.push(csvCell(s.text));
    lines.push(s.columns.map((c) => csvCell(c.header)).join(','));
    for (const r of s.rows) lines.push(r.map(csvCell).join(','));
    lines.push('');
  }
  return `\ufeff${lines.join('\r\n')}`;
}

const sheetName = (s: Section, used: Set<string>) => {
  let name = s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';
  for (let i = 2; used.has(name); i++) name = `${s.name.slice(0, 28)}(${i})`;
  used.add(name);
  return name;
};

export async function reportXlsx(doc: ReportDoc): Promise<ArrayBuffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CaseLint 执法巡查助手';
  wb.created = new Date();
  const used = new Set<string>();
  for (const s of doc.sections) {
    const ws = wb.addWorksheet(sheetName(s, used));
    ws.addRow([`${doc.title}（${doc.period}）${doc.unit ? ` ${doc.unit}` : ''}`]).font = { bold: true, size: 13 };
    ws.addRow([s.title]).font = { bold: true };
    if (s.text) ws.addRow([s.text]);
    const header = ws.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } };
      c.border = { bottom: { style: 'thin' } };
    });
    for (const r of s.rows) ws.addRow(r.map((v) => (v === null ? null : v)));
    s.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = c.width;
      if (c.type === 'percent') column.numFmt = '0.0%';
      else if (c.type === 'decimal') column.numFmt = '0.00';
      else if (c.type === 'int') column.numFmt = '0';
    });
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
