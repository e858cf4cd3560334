/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would run as
 * a formula (starting with = + - @, tab or carriage return) neutralised with a leading apostrophe
 * (OWASP's advice against CSV injection).
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell, made inert and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line, ending in CRLF. */
export function csvLine(values: CsvValue[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** A Content-Disposition value for a download, with an ASCII fallback and the UTF-8 name. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w.\-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
