/**
 * Every CSV the portal writes (public exports, import reports) goes through `toCsv`, whose cells
 * go through `safeCsvCell`: a cell a spreadsheet would run as a formula is written as text.
 */
import { stringify } from "csv-stringify/sync";

/**
 * OWASP "CSV Injection": a cell starting with =, +, -, @, a tab or a carriage return (also after
 * leading spaces, and their full-width forms, which some spreadsheets read the same way) gets a
 * leading single quote, which spreadsheets show as text and do not evaluate.
 */
const FORMULA_START = /^[\t\r]|^ *[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * A plain decimal number ("-4.4861", "-3"): a spreadsheet evaluates it to itself — digits, one
 * leading minus and one dot cannot call a function or reference a cell — so it stays a number
 * (western longitudes stay usable). Anything else starting with "-" or "+" ("+33…", "-1+1") is text.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function safeCsvCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
  delimiter?: string;
  /** "\n" by default; "\r\n" for files meant for spreadsheets on Windows. */
  recordDelimiter?: "\n" | "\r\n";
}

/** Rows as CSV text (one line per row, each ending with the record delimiter), cells made safe and quoted when needed. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[], options: CsvOptions = {}): string {
  return stringify(
    rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell)))),
    { delimiter: options.delimiter ?? ";", record_delimiter: options.recordDelimiter ?? "\n", cast: { string: (value) => safeCsvCell(value) } },
  );
}
