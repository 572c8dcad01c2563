// CSV for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet would run as a formula
// (starting with = + - @, their full-width forms ＝ ＋ － ＠ that some spreadsheets read as them,
// a tab or carriage return that hides one, or `;`, which splits the cell where `;` is the list
// separator) get a leading apostrophe. Cells with a `;` are quoted, so no locale splits them.

const FORMULA_START = /^[=+\-@\t\r;\uFF1D\uFF0B\uFF0D\uFF20]/;

export type Cell = string | number | boolean | null | undefined;

/** One cell, safe to open in a spreadsheet. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, ending with CRLF as RFC 4180 says. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
