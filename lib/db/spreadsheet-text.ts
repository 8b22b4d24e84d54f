/**
 * Text that a spreadsheet (Excel, WPS, LibreOffice) must show as text, never run as a formula
 * (CSV injection). A value whose first visible character starts a formula — = + - @, or their
 * full-width forms, which WPS reads too — is prefixed with an apostrophe, also when white space
 * (space, NBSP, ideographic space), invisible characters (zero-width space/joiners, word joiner,
 * BOM) or a tab or carriage return come first.
 */
const LEADING = /^[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

export function spreadsheetText(s: string): string {
  return LEADING.test(s) ? `'${s}` : s;
}

/** One CSV field: neutralised as above, quoted where it holds a quote, comma or line break. */
export function csvField(s: string): string {
  const safe = spreadsheetText(s);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
