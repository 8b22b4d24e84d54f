/**
 * A document of tables: what a report page shows under its charts, and what every export writes —
 * CSV (sections one after another), XLSX (a sheet per section) and print. The findings log's
 * export is one too (its findings and their review history).
 */
import type { Locale } from '../i18n/tr';
export type CellType = 'text' | 'int' | 'decimal' | 'percent';
export interface Column {
  header: string;
  type: CellType;
  /** Width in characters of a Latin digit (XLSX); a Chinese character takes two. */
  width: number;
  /** Prose that wraps (a message, a norm, a note); other text is a value kept on one line. */
  wrap?: boolean;
}
export type Cell = string | number | null;
export interface Section {
  /** Sheet name (≤ 31 characters). */
  name: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** Generated text shown above the table (white paper). */
  text?: string;
  /** Only the first columns are printed (the rest are data for whoever needs them: ids, addresses). */
  printColumns?: number;
  /** A chart of some of the table's columns (the table stays below it with the numbers). */
  chart?: { type: 'bar' | 'line'; labelColumn: number; valueColumns: number[]; skipLastRow?: boolean };
  /** The last row is the total (printed bold). */
  totalRow?: boolean;
}
export interface ReportDoc {
  title: string;
  /** The period as people write it: 2026年第49周（2026年11月30日—12月6日）. */
  period: string;
  unit: string | null;
  sections: Section[];
  /** What the figures mean, printed under the report (only the notes that apply to it). */
  footnote?: string;
  /** The report's language (its own words; the data stays as recorded). zh-CN when absent. */
  locale?: Locale;
}

export const column = (header: string, type: CellType = 'text', width = 14, wrap = false): Column => ({ header, type, width, ...(wrap ? { wrap } : {}) });

/** Width of a text in character cells: a Chinese (or other full-width) character takes two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** A table too wide for portrait A4 at a legible size (characters across). */
export const LANDSCAPE_WIDTH = 110;
export const tableWidth = (columns: readonly Column[]) => columns.reduce((n, c) => n + c.width, 0);

/** A report printed landscape: one of its tables would not fit across portrait A4 without breaking values. */
export const printsLandscape = (doc: Pick<ReportDoc, 'sections'>) => doc.sections.some((s) => tableWidth(s.columns) > LANDSCAPE_WIDTH + 30);

/** The title line of an export: the unit, the report's name and its period — no bracket inside another. */
export const docHeading = (doc: Pick<ReportDoc, 'title' | 'period' | 'unit'>) => [doc.unit, doc.title, doc.period].filter(Boolean).join(' ');
