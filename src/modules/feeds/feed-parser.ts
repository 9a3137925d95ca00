import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { type FeedRecord, findFeed } from '../../domain/feeds/index.ts';
import { cellText, cleanText, type FeedValue, isBlankCell, normalizeCell } from './cell-normalize.ts';
import { type CsvEncoding, csvSheet } from './csv-source.ts';
import {
  headerNotFound,
  kindAmbiguous,
  missingColumns,
  noInput,
  unknownDepartment,
  unknownRecordKind,
  unreadableFile,
  unsupportedFormat,
} from './feed-errors.ts';
import { findHeader, type HeaderMatch } from './header-match.ts';
import { feedRowHash } from './row-hash.ts';
import type { SheetSource, SourceRow } from './sheet-source.ts';
import { xlsxSheets } from './xlsx-source.ts';

/**
 * Streaming import of one department file (SPEC §10): finds the header, maps columns by name, and yields every row —
 * good rows normalised, bad rows with each reason — one at a time, so a million-row file needs constant memory.
 * File-level problems (unknown format, no header, missing required columns) throw an AppError with a Chinese message.
 */

export type { FeedValue } from './cell-normalize.ts';

/** Input of parseFeedFile (SPEC §10 department feed import). */
export interface ParseFeedOptions {
  /** A file on disk, or `stream` (destroyed when parsing ends); `fileName` decides the format (.xlsx / .csv). */
  path?: string;
  stream?: Readable;
  fileName: string;
  department: string;
  /** Needed only when the header alone cannot tell the record kinds of a department apart. */
  recordKind?: string;
  /** For ID birth-date checks; defaults to now. */
  today?: Date;
  /** How many rows from the top are searched for the header (default 50). */
  headerScanRows?: number;
  /** Called once, before the first row, with what was recognised. */
  onHeader?: (info: FeedHeaderInfo) => void;
}

/** What the parser recognised in the file, for the import log and the error report. */
export interface FeedHeaderInfo {
  department: string;
  recordKind: string;
  sheetName: string;
  encoding?: CsvEncoding;
  headerRowNumbers: number[];
  /** Recognised columns: definition key and header, and the header as the file wrote it. */
  columns: { key: string; header: string; sourceLabel: string; sourceIndex: number }[];
  /** Headers in the file that belong to no column (ignored). */
  ignoredColumns: string[];
  /** A label for every source column, for error reports. */
  sourceHeaders: string[];
}

/** One problem in one cell (or between two date cells) of a bad row. */
export interface FeedCellError {
  /** The column's Chinese header (the template's). */
  column: string;
  message: string;
}

/** A row that passed every check; values keyed by the definition's column keys, null where blank. */
export interface GoodFeedRow {
  ok: true;
  rowNumber: number;
  values: Record<string, FeedValue>;
  rowHash: string;
}

/** A row refused with every reason at once, so the department can fix it in one pass. */
export interface BadFeedRow {
  ok: false;
  rowNumber: number;
  errors: FeedCellError[];
  /** The row as written, keyed by the file's own headers. */
  original: Record<string, string>;
}

/** Either kind of row, told apart by `ok`. */
export type FeedRowResult = GoodFeedRow | BadFeedRow;

const TOTAL_ROW = /^(合\s*计|总\s*计|小\s*计|共\s*计)[:：]?$/;

type FileFormat = 'xlsx' | 'csv';

function formatOf(fileName: string): FileFormat {
  if (/\.(xlsx|xlsm)$/i.test(fileName)) return 'xlsx';
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  throw unsupportedFormat(fileName);
}

async function* sheetsOf(input: Readable, format: FileFormat, onEncoding: (e: CsvEncoding) => void) {
  if (format === 'xlsx') yield* xlsxSheets(input);
  else yield csvSheet(input, onEncoding);
}

/** Rows at the top of a sheet, kept for header detection and then replayed. */
async function scan(rows: AsyncIterator<SourceRow>, limit: number): Promise<SourceRow[]> {
  const head: SourceRow[] = [];
  while (head.length < limit) {
    const r = await rows.next();
    if (r.done) break;
    head.push(r.value);
  }
  return head;
}

/** Blank lines, totals rows and a header repeated further down carry no data and are skipped silently. */
function skippable(row: SourceRow, match: HeaderMatch): boolean {
  if (match.bindings.every((b) => isBlankCell(row.cells[b.index]))) return true;
  const first = row.cells.find((c) => !isBlankCell(c));
  if (typeof first === 'string' && TOTAL_ROW.test(cleanText(first))) return true;
  const repeats = match.bindings.filter((b) => {
    const cell = row.cells[b.index];
    return typeof cell === 'string' && cell.trim() === b.sourceLabel;
  }).length;
  return repeats * 2 > match.bindings.length;
}

function checkRow(row: SourceRow, department: string, match: HeaderMatch, today: Date): FeedRowResult {
  const { record } = match;
  const values: Record<string, FeedValue> = {};
  const errors: FeedCellError[] = [];
  for (const column of record.columns) values[column.key] = null;
  for (const b of match.bindings) {
    const result = normalizeCell(b.column, row.cells[b.index], { today, multiplier: b.multiplier });
    if (result.ok) values[b.column.key] = result.value;
    else errors.push({ column: b.column.header, message: result.message });
  }
  for (const [earlier, later] of record.dateOrder ?? []) {
    const a = values[earlier];
    const z = values[later];
    if (typeof a === 'string' && typeof z === 'string' && z < a) {
      const header = (key: string) => record.columns.find((c) => c.key === key)?.header ?? key;
      errors.push({ column: header(later), message: `${header(later)}（${z}）早于${header(earlier)}（${a}）` });
    }
  }
  if (errors.length === 0) {
    return { ok: true, rowNumber: row.rowNumber, values, rowHash: feedRowHash(department, record, values) };
  }
  const original: Record<string, string> = {};
  match.sourceHeaders.forEach((label, i) => {
    original[label] = cellText(row.cells[i] ?? null);
  });
  return { ok: false, rowNumber: row.rowNumber, errors, original };
}

function headerInfo(
  department: string,
  sheet: SheetSource,
  match: HeaderMatch,
  encoding?: CsvEncoding,
): FeedHeaderInfo {
  const bound = new Set(match.bindings.map((b) => b.index));
  return {
    department,
    recordKind: match.record.kind,
    sheetName: sheet.name,
    encoding,
    headerRowNumbers: match.headerRowNumbers,
    columns: match.bindings.map((b) => ({
      key: b.column.key,
      header: b.column.header,
      sourceLabel: b.sourceLabel,
      sourceIndex: b.index,
    })),
    ignoredColumns: match.sourceHeaders.filter((label, i) => !bound.has(i) && !/^第\d+列$/.test(label)),
    sourceHeaders: match.sourceHeaders,
  };
}

function candidateRecords(department: string, recordKind?: string): FeedRecord[] {
  const feed = findFeed(department);
  if (!feed) throw unknownDepartment(department);
  if (!recordKind) return [...feed.records];
  const record = feed.records.find((r) => r.kind === recordKind);
  if (!record) throw unknownRecordKind(department, recordKind, feed.records);
  return [record];
}

/**
 * Parse a department feed file. The first worksheet whose top rows contain a recognisable header is read; other
 * sheets (such as a '填写说明' sheet) are skipped.
 */
export async function* parseFeedFile(options: ParseFeedOptions): AsyncGenerator<FeedRowResult, void, undefined> {
  const { department, fileName } = options;
  const records = candidateRecords(department, options.recordKind);
  const today = options.today ?? new Date();
  const limit = options.headerScanRows ?? 50;
  const format = formatOf(fileName);
  if (!options.stream && !options.path) throw noInput();
  const input = options.stream ?? createReadStream(options.path as string, { highWaterMark: 64 * 1024 });
  let encoding: CsvEncoding | undefined;
  try {
    const sheets = sheetsOf(input, format, (e) => {
      encoding = e;
    });
    for await (const sheet of sheets) {
      const head = await scan(sheet.rows, limit);
      const found = findHeader(head, records);
      if (found.ambiguous) throw kindAmbiguous(found.ambiguous);
      const match = found.match;
      if (!match) continue;
      if (match.missingRequired.length > 0) {
        throw missingColumns(match.record, match.missingRequired, match.headerRowNumbers);
      }
      options.onHeader?.(headerInfo(department, sheet, match, encoding));
      for (const row of head.slice(match.lastHeaderIndex + 1)) {
        if (!skippable(row, match)) yield checkRow(row, department, match, today);
      }
      for (let r = await sheet.rows.next(); !r.done; r = await sheet.rows.next()) {
        if (!skippable(r.value, match)) yield checkRow(r.value, department, match, today);
      }
      return;
    }
    throw headerNotFound(records, limit);
  } catch (error) {
    throw unreadableFile(fileName, format, error);
  } finally {
    input.destroy();
  }
}
