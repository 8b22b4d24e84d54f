/**
 * XLSX a chief forwards as it is (#20.1), opened by Excel, WPS and LibreOffice alike: a sheet per
 * section, each with a merged title row (unit, report, period), the section's title (and its text),
 * a frozen header repeated on every printed page, thin borders on the table, prose wrapped in
 * columns of sensible width and values on one line, numbers as numbers with their formats, and a
 * print setup — A4, fitted to the page width, landscape where the table is wide, page numbers in
 * the footer. The spreadsheet library is loaded only when exporting.
 */
import type { Worksheet } from 'exceljs';
import { displayWidth, docHeading, LANDSCAPE_WIDTH, type Cell, type Column, type ReportDoc, type Section } from './table';
import { trFor } from '../i18n/tr';

const NUMBER_FORMATS: Record<Column['type'], string | undefined> = { text: undefined, int: '#,##0', decimal: '0.00', percent: '0.0%' };
const BORDER = { style: 'thin' as const, color: { argb: 'FF9CA3AF' } };
const BORDERS = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
/** Points per line of 11-point text (Excel's default row is 15 pt). */
const LINE = 15;
/** Value columns widen to their longest value, up to this many characters. */
const MAX_VALUE_WIDTH = 40;

function sheetName(s: Section, used: Set<string>): string {
  let name = s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';
  for (let i = 2; used.has(name); i++) name = `${s.name.slice(0, 28)}(${i})`;
  used.add(name);
  return name;
}

/** A cell as Excel shows it (for widths). */
const shown = (v: Cell, c: Column) =>
  v === null ? '' : typeof v !== 'number' ? v : c.type === 'percent' ? `${(v * 100).toFixed(1)}%` : c.type === 'decimal' ? v.toFixed(2) : v.toLocaleString('en-US');

/** Lines a text takes in a column of this width (at least one). */
function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / Math.max(4, width - 1))), 0);
}

/** Each column's width: prose as specified; a value column as wide as its longest value (header included). */
function widths(s: Section): number[] {
  return s.columns.map((c, i) => {
    if (c.wrap) return c.width;
    const longest = Math.max(displayWidth(c.header), ...s.rows.map((r) => displayWidth(shown(r[i] ?? null, c))));
    return Math.min(MAX_VALUE_WIDTH, Math.max(c.width, longest + 2));
  });
}

/** Escapes a text for Excel's header/footer codes (& starts a code). */
const headerText = (s: string) => s.replace(/&/g, '&&');

function writeSection(ws: Worksheet, doc: ReportDoc, s: Section): void {
  const tr = trFor(doc.locale ?? 'zh-CN');
  const cols = Math.max(1, s.printColumns ?? s.columns.length);
  const width = widths(s);
  const across = width.slice(0, cols).reduce((a, b) => a + b, 0);
  const merged = (rowNumber: number) => {
    if (cols > 1) ws.mergeCells(rowNumber, 1, rowNumber, cols);
  };

  const title = ws.addRow([docHeading(doc)]);
  title.font = { bold: true, size: 14 };
  title.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  title.height = Math.max(24, linesIn(docHeading(doc), across) * 20);
  merged(title.number);

  const heading = ws.addRow([s.title]);
  heading.font = { bold: true, size: 12 };
  heading.alignment = { vertical: 'middle', wrapText: true };
  heading.height = Math.max(20, linesIn(s.title, across) * 17);
  merged(heading.number);

  if (s.text) {
    const text = ws.addRow([s.text]);
    text.alignment = { vertical: 'top', wrapText: true };
    text.height = linesIn(s.text, across) * LINE + 4;
    merged(text.number);
  }

  const header = ws.addRow(s.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
    cell.border = BORDERS;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = Math.max(...s.columns.map((c, i) => linesIn(c.header, width[i]!))) * LINE + 4;

  s.rows.forEach((r, at) => {
    const row = ws.addRow(r.map((v) => v));
    const total = !!s.totalRow && at === s.rows.length - 1;
    s.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDERS;
      const format = NUMBER_FORMATS[c.type];
      if (format && typeof r[i] === 'number') cell.numFmt = format;
      cell.alignment = c.type === 'text' ? { vertical: 'top', wrapText: !!c.wrap } : { vertical: 'top', horizontal: 'right' };
      if (total) cell.font = { bold: true };
    });
    const lines = Math.max(1, ...s.columns.map((c, i) => (c.wrap ? linesIn(shown(r[i] ?? null, c), width[i]!) : 1)));
    if (lines > 1) row.height = lines * LINE + 3;
  });
  if (s.rows.length === 0) {
    const empty = ws.addRow([tr('本期无数据', 'No data for this period')]);
    merged(empty.number);
    empty.getCell(1).alignment = { horizontal: 'center' };
  }

  width.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number, topLeftCell: `A${header.number + 1}`, activeCell: `A${header.number + 1}` }];
  ws.pageSetup = {
    paperSize: 9,
    // Printed widths are at least the columns' own (values widen them), so they alone decide.
    orientation: across > LANDSCAPE_WIDTH ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${header.number}:${header.number}`,
    // Absolute rows: exceljs writes `$` before each part only, and LibreOffice ignores `$A1:$L9`.
    ...(s.printColumns ? { printArea: `A$1:${ws.getColumn(cols).letter}$${ws.rowCount}` } : {}),
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: `&L${headerText(doc.unit ?? '')}&R${headerText(`${doc.title} ${doc.period}`)}`,
    oddFooter: tr('&C第 &P 页，共 &N 页', '&CPage &P of &N'),
  };
}

export async function docXlsx(doc: ReportDoc): Promise<ArrayBuffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = trFor(doc.locale ?? 'zh-CN')('CaseLint 执法巡查助手', 'CaseLint');
  wb.title = docHeading(doc);
  wb.created = new Date();
  const used = new Set<string>();
  for (const s of doc.sections) writeSection(wb.addWorksheet(sheetName(s, used)), doc, s);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
