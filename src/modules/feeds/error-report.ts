import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { FeedRowResult } from './feed-parser.ts';

/**
 * The bad-row report handed back to the department (SPEC §10: "reports every bad row with its row number and reason,
 * without losing the good rows"): one line per problem — 行号, 列, 错误原因 — followed by the row as the file had it,
 * so it can be corrected and uploaded again. Written as a stream; good rows passed in are skipped.
 */

export const REPORT_COLUMNS = ['行号', '列', '错误原因'] as const;

/** What a report contained: bad rows, and problems (a row may have several). */
export interface ErrorReportSummary {
  badRows: number;
  errors: number;
}

type Rows = AsyncIterable<FeedRowResult> | Iterable<FeedRowResult>;

async function* lines(rows: Rows, sourceHeaders: string[] | undefined, summary: ErrorReportSummary) {
  let headers = sourceHeaders;
  for await (const row of rows) {
    if (row.ok) continue;
    if (!headers) {
      headers = Object.keys(row.original);
      yield [...REPORT_COLUMNS, ...headers];
    }
    summary.badRows++;
    const original = headers.map((h) => row.original[h] ?? '');
    for (const e of row.errors) {
      summary.errors++;
      yield [String(row.rowNumber), e.column, e.message, ...original];
    }
  }
  if (!headers) yield [...REPORT_COLUMNS];
}

/** CSV, UTF-8 with BOM for Excel. `sourceHeaders` (from onHeader) fixes the original-value columns. */
export async function writeErrorReportCsv(
  rows: Rows,
  out: Writable,
  sourceHeaders?: string[],
): Promise<ErrorReportSummary> {
  const summary: ErrorReportSummary = { badRows: 0, errors: 0 };
  const stringifier = stringify({ bom: true, record_delimiter: '\r\n' });
  stringifier.pipe(out);
  const done = once(out, 'finish');
  if (sourceHeaders) stringifier.write([...REPORT_COLUMNS, ...sourceHeaders]);
  for await (const line of lines(rows, sourceHeaders, summary)) {
    if (!stringifier.write(line)) await once(stringifier, 'drain');
  }
  stringifier.end();
  await done;
  return summary;
}

/** .xlsx through ExcelJS's streaming writer; original values stay text so ID numbers are not turned into numbers. */
export async function writeErrorReportXlsx(
  rows: Rows,
  out: Writable,
  sourceHeaders?: string[],
): Promise<ErrorReportSummary> {
  const summary: ErrorReportSummary = { badRows: 0, errors: 0 };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('错误报告');
  let first = true;
  const addHeader = (cells: string[]) => {
    const row = ws.addRow(cells);
    row.font = { bold: true };
    row.commit();
  };
  if (sourceHeaders) addHeader([...REPORT_COLUMNS, ...sourceHeaders]);
  for await (const line of lines(rows, sourceHeaders, summary)) {
    if (first && !sourceHeaders) addHeader(line);
    else {
      const row = ws.addRow([Number(line[0]), ...line.slice(1)]);
      row.commit();
    }
    first = false;
  }
  ws.commit();
  await wb.commit();
  return summary;
}
