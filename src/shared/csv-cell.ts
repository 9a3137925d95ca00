/**
 * CSV formula injection (CWE-1236, issue 11 point 5): a spreadsheet opening a CSV runs a cell that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`). Such a text cell is
 * written with a leading apostrophe, which Excel and WPS show as text (OWASP's advice). A plain number such as
 * `-12.5` is left alone: it is no formula and the department must see its value.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function csvCell(value: string): string;
export function csvCell<T>(value: T): T | string;
export function csvCell(value: unknown): unknown {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
