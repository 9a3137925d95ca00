import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { csvCell } from '../../shared/csv-cell.ts';
import type { FeedRowResult } from './feed-parser.ts';
import type { StoredImportHeader } from './stored-row.ts';

/**
 * The bad-row report handed back to the department (SPEC §10: "reports every bad row with its row number and reason,
 * without losing the good rows"): one line per problem — 行号, 列, 错误原因 — followed by the row as the file had it,
 * so it can be corrected and uploaded again. A workbook read from several sheets gets a 工作表 column first. Written as
 * a stream; good rows passed in are skipped.
 */

export const REPORT_COLUMNS = ['行号', '列', '错误原因'] as const;
export const SHEET_COLUMN = '工作表';

/**
 * The report's columns: the original values under `sourceHeaders` (the union of every sheet's headers; taken from the
 * first bad row when absent) and, when `sheetNames` has more than one sheet, the sheet of each row.
 */
export interface ReportLayout {
  sourceHeaders?: string[];
  sheetNames?: ReadonlyMap<number, string>;
  /** Worksheets left out (another kind, missing columns, hidden): a line each at the top, at their header row. */
  sheetNotes?: { sheetNo: number; row: number; message: string }[];
}

/** What a report contained: bad rows, and problems (a row may have several). */
export interface ErrorReportSummary {
  badRows: number;
  errors: number;
}

type Rows = AsyncIterable<FeedRowResult> | Iterable<FeedRowResult>;

/** The header line, then one line per problem; the first cell of a problem line is the row number. */
async function* lines(rows: Rows, layout: ReportLayout, summary: ErrorReportSummary) {
  const sheets = layout.sheetNames && layout.sheetNames.size > 1 ? layout.sheetNames : undefined;
  const fixed = sheets ? [SHEET_COLUMN, ...REPORT_COLUMNS] : [...REPORT_COLUMNS];
  const sheetCell = (no: number) => (sheets ? [sheets.get(no) ?? `第${no}个工作表`] : []);
  let headers = layout.sourceHeaders;
  if (headers) yield [...fixed, ...headers];
  const notes = layout.sheetNotes ?? [];
  if (!headers && notes.length > 0) {
    headers = [];
    yield fixed;
  }
  for (const note of notes) {
    summary.errors++;
    yield [...sheetCell(note.sheetNo), String(note.row), '表头', note.message];
  }
  for await (const row of rows) {
    if (row.ok) continue;
    if (!headers) {
      headers = Object.keys(row.original);
      yield [...fixed, ...headers];
    }
    summary.badRows++;
    const original = headers.map((h) => row.original[h] ?? '');
    const sheet = sheetCell(row.sheetNo);
    for (const e of row.errors) {
      summary.errors++;
      yield [...sheet, String(row.rowNumber), e.column, e.message, ...original];
    }
  }
  if (!headers) yield fixed;
}

/** CSV, UTF-8 with BOM for Excel; cells that a spreadsheet would run as formulas are written as text (csv-cell.ts). */
export async function writeErrorReportCsv(
  rows: Rows,
  out: Writable,
  layout: ReportLayout = {},
): Promise<ErrorReportSummary> {
  const summary: ErrorReportSummary = { badRows: 0, errors: 0 };
  const stringifier = stringify({ bom: true, record_delimiter: '\r\n' });
  stringifier.pipe(out);
  const done = once(out, 'finish');
  for await (const line of lines(rows, layout, summary)) {
    if (!stringifier.write(line.map((cell) => csvCell(cell)))) await once(stringifier, 'drain');
  }
  stringifier.end();
  await done;
  return summary;
}

/** .xlsx through ExcelJS's streaming writer; original values stay text so ID numbers are not turned into numbers. */
export async function writeErrorReportXlsx(
  rows: Rows,
  out: Writable,
  layout: ReportLayout = {},
): Promise<ErrorReportSummary> {
  const summary: ErrorReportSummary = { badRows: 0, errors: 0 };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('错误报告');
  const rowColumn = layout.sheetNames && layout.sheetNames.size > 1 ? 1 : 0;
  let first = true;
  for await (const line of lines(rows, layout, summary)) {
    // The row number is a number in the workbook, so that the report sorts and filters like the department's file.
    const row = ws.addRow(first ? line : line.map((cell, i) => (i === rowColumn ? Number(cell) : cell)));
    if (first) row.font = { bold: true };
    row.commit();
    first = false;
  }
  ws.commit();
  await wb.commit();
  return summary;
}

/**
 * The layout for an import's stored header (feed_imports.header): the first sheet's source headers, then those of
 * every later sheet read, in order of first appearance; and the sheet names when the file had several.
 */
export function reportLayout(header: unknown): ReportLayout {
  const h = (header ?? {}) as StoredImportHeader;
  const headers = new Set(h.sourceHeaders ?? []);
  for (const s of h.sheets ?? []) if (s.read) for (const label of s.sourceHeaders ?? []) headers.add(label);
  const sheetNames = new Map((h.sheets ?? []).map((s) => [s.sheetNo, s.sheetName] as const));
  const sheetNotes = (h.sheets ?? []).flatMap((s) =>
    !s.read && s.reason ? [{ sheetNo: s.sheetNo, row: s.headerRowNumbers?.[0] ?? 1, message: s.reason }] : [],
  );
  return {
    ...(h.sourceHeaders || h.sheets ? { sourceHeaders: [...headers] } : {}),
    ...(sheetNames.size > 0 ? { sheetNames } : {}),
    ...(sheetNotes.length > 0 ? { sheetNotes } : {}),
  };
}
