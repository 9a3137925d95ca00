import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { type Readable, Transform } from 'node:stream';
import { DEFAULT_FEED_LIMITS, type FeedLimits } from '../../config.ts';
import { type FeedRecord, findFeed } from '../../domain/feeds/index.ts';
import { cellText, type FeedValue, normalizeCell } from './cell-normalize.ts';
import { type CsvEncoding, csvSheet } from './csv-source.ts';
import {
  headerNotFound,
  headerTooLong,
  kindAmbiguous,
  missingColumns,
  noInput,
  tooManyColumns,
  unknownDepartment,
  unknownRecordKind,
  unreadableFile,
  unsupportedFormat,
} from './feed-errors.ts';
import { findHeader, type HeaderMatch } from './header-match.ts';
import { feedRowHash } from './row-hash.ts';
import { isColumnNumberRow, mergeFiller, skippable } from './row-rules.ts';
import type { SheetSource, SourceRow } from './sheet-source.ts';
import { xlsxSheets } from './xlsx-source.ts';
import { readableXlsx, type XlsxTab } from './xlsx-zip.ts';
import { ZipLayoutError } from './zip-archive.ts';

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
  /** With `path`: told of every chunk of bytes taken from the file (progress bars). */
  onRead?: (bytes: number) => void;
  /** Called once, before the first row, with what was recognised on the first sheet with data. */
  onHeader?: (info: FeedHeaderInfo) => void;
  /** Called for every worksheet with a header, before its rows: read, or left out with the reason. */
  onSheet?: (sheet: FeedSheetInfo) => void;
  /** Column, header-cell and .xlsx unpacking caps (Config.feedLimits); the defaults when left out. */
  limits?: Partial<FeedLimits>;
}

/**
 * A worksheet with a header (SPEC §10): every sheet whose header fits the import's record kind is read — departments
 * split a file by township or month; a sheet of another kind or lacking required columns is left out and reported as
 * a bad row at its header. Sheets without any header (填写说明) are passed over silently.
 */
export interface FeedSheetInfo {
  sheetNo: number;
  sheetName: string;
  headerRowNumbers: number[];
  /** A label for every source column of this sheet, for error reports. */
  sourceHeaders: string[];
  read: boolean;
  /** Why the sheet was left out. */
  reason?: string;
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
  /** The worksheet's position in the workbook (1 for CSV). */
  sheetNo: number;
  rowNumber: number;
  values: Record<string, FeedValue>;
  rowHash: string;
}

/** A row refused with every reason at once, so the department can fix it in one pass. */
export interface BadFeedRow {
  ok: false;
  /** The worksheet's position in the workbook (1 for CSV). */
  sheetNo: number;
  rowNumber: number;
  errors: FeedCellError[];
  /** The row as written, keyed by the file's own headers. */
  original: Record<string, string>;
}

/** Either kind of row, told apart by `ok`. */
export type FeedRowResult = GoodFeedRow | BadFeedRow;

type FileFormat = 'xlsx' | 'csv';

/**
 * The file as a stream. An .xlsx on disk is handed over through readableXlsx (its parts in an order the streaming
 * reader always reads whole); a zip it does not take apart, and a CSV, are streamed as they are.
 */
async function openFile(
  path: string,
  format: FileFormat,
  limits: FeedLimits,
  onRead?: (bytes: number) => void,
): Promise<{ stream: Readable; tabs?: XlsxTab[] }> {
  if (format === 'xlsx') {
    try {
      return await readableXlsx(path, onRead, { maxPartBytes: limits.xlsxMaxPartBytes, maxRatio: limits.xlsxMaxRatio });
    } catch (error) {
      if (!(error instanceof ZipLayoutError)) throw error;
      // A zip whose directory cannot be read (damaged, truncated, or made so on purpose) is not handed to the
      // streaming reader as it is: that reader unpacks whatever the local headers say, with no bound (a zip bomb,
      // issue 11 point 6). Excel cannot open such a file either; re-saving it makes a readable one.
      if (await looksLikeZip(path)) throw error;
    }
  }
  const file = createReadStream(path, { highWaterMark: 64 * 1024 });
  if (!onRead) return { stream: file };
  // Counts bytes as the parser pulls them (a 'data' listener would start the flow before the parser listens).
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onRead(chunk.length);
      done(null, chunk);
    },
  });
  file.on('error', (e) => counter.destroy(e));
  return { stream: file.pipe(counter) };
}

async function looksLikeZip(path: string): Promise<boolean> {
  const fd = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    await fd.read(head, 0, 2, 0);
    return head.toString('latin1') === 'PK';
  } finally {
    await fd.close();
  }
}

function formatOf(fileName: string): FileFormat {
  if (/\.(xlsx|xlsm)$/i.test(fileName)) return 'xlsx';
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  throw unsupportedFormat(fileName);
}

async function* sheetsOf(
  input: Readable,
  format: FileFormat,
  tabs: XlsxTab[] | undefined,
  onEncoding: (e: CsvEncoding) => void,
  maxColumns: number,
) {
  if (format === 'xlsx') yield* xlsxSheets(input, tabs, maxColumns);
  else yield csvSheet(input, onEncoding, maxColumns);
}

/**
 * The header rows of a match within the caps (issue 11 point 6): a header wider than `maxColumns` or a header cell
 * longer than `maxHeaderChars` refuses the file at once, before any row is read — its labels would otherwise be kept
 * with the import and sent with every import list.
 */
function checkHeaderSize(head: SourceRow[], match: HeaderMatch, limits: FeedLimits, sheetName?: string): void {
  for (const rowNumber of match.headerRowNumbers) {
    const row = head.find((r) => r.rowNumber === rowNumber);
    if (!row) continue;
    if (row.cells.length > limits.maxColumns) throw tooManyColumns(rowNumber, limits.maxColumns, sheetName);
    row.cells.forEach((cell, i) => {
      if (cellText(cell).length > limits.maxHeaderChars) {
        throw headerTooLong(rowNumber, i + 1, limits.maxHeaderChars, sheetName);
      }
    });
  }
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

function checkRow(
  row: SourceRow,
  sheetNo: number,
  department: string,
  match: HeaderMatch,
  today: Date,
  maxColumns: number,
): FeedRowResult {
  const { record } = match;
  const values: Record<string, FeedValue> = {};
  const errors: FeedCellError[] = [];
  if (row.cells.length > maxColumns) {
    errors.push({ column: '整行', message: `本行超过${maxColumns}列，超出上限：请删去表格右侧多余的内容` });
  }
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
    return { ok: true, sheetNo, rowNumber: row.rowNumber, values, rowHash: feedRowHash(department, record, values) };
  }
  const original: Record<string, string> = {};
  match.sourceHeaders.forEach((label, i) => {
    original[label] = cellText(row.cells[i] ?? null);
  });
  return { ok: false, sheetNo, rowNumber: row.rowNumber, errors, original };
}

function sheetInfo(sheet: SheetSource, match: HeaderMatch, reason?: string): FeedSheetInfo {
  return {
    sheetNo: sheet.number,
    sheetName: sheet.name,
    headerRowNumbers: match.headerRowNumbers,
    sourceHeaders: match.sourceHeaders,
    read: reason === undefined,
    ...(reason === undefined ? {} : { reason }),
  };
}

/**
 * The header of a sheet after the first: read with the first sheet's record kind when it fits; otherwise the reason it
 * is left out, or nothing for a sheet without a header.
 */
function laterSheetHeader(
  sheet: SheetSource,
  head: SourceRow[],
  chosen: FeedRecord,
  department: string,
): { match: HeaderMatch; reason?: string } | undefined {
  const same = findHeader(head, [chosen]).match;
  if (same && same.missingRequired.length === 0) return { match: same };
  const others = (findFeed(department)?.records ?? []).filter((r) => r.kind !== chosen.kind);
  const other = findHeader(head, others).match;
  if (other && other.missingRequired.length === 0 && other.bindings.length > (same?.bindings.length ?? 0)) {
    return {
      match: other,
      reason: `工作表“${sheet.name}”是“${other.record.name}”数据，与本次导入的“${chosen.name}”不是同一类，未导入：请单独导入该工作表`,
    };
  }
  if (!same) return undefined;
  return { match: same, reason: missingReason(sheet, same) };
}

function missingReason(sheet: SheetSource, match: HeaderMatch): string {
  return `工作表“${sheet.name}”缺少必填列：${match.missingRequired.map((c) => c.header).join('、')}，该工作表未导入`;
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
 * Parse a department feed file. The first worksheet whose top rows contain a recognisable header decides the record
 * kind; every later sheet with a header of that kind is read too, and one of another kind or lacking required columns
 * is reported (FeedSheetInfo). Sheets without a header (such as a '填写说明' sheet) are skipped.
 */
export async function* parseFeedFile(options: ParseFeedOptions): AsyncGenerator<FeedRowResult, void, undefined> {
  const { department, fileName } = options;
  const records = candidateRecords(department, options.recordKind);
  const today = options.today ?? new Date();
  const limit = options.headerScanRows ?? 50;
  const limits: FeedLimits = { ...DEFAULT_FEED_LIMITS, ...options.limits };
  const format = formatOf(fileName);
  if (!options.stream && !options.path) throw noInput();
  let opened: { stream: Readable; tabs?: XlsxTab[] };
  try {
    opened = options.stream
      ? { stream: options.stream }
      : await openFile(options.path as string, format, limits, options.onRead);
  } catch (error) {
    throw unreadableFile(fileName, format, error);
  }
  const input = opened.stream;
  let encoding: CsvEncoding | undefined;
  try {
    const sheets = sheetsOf(
      input,
      format,
      opened.tabs,
      (e) => {
        encoding = e;
      },
      limits.maxColumns,
    );
    /** A row near the top wider than the cap: named when no header is found (a million-column line). */
    let wide: { rowNumber: number; sheetName?: string } | undefined;
    let chosen: FeedRecord | undefined;
    // Sheets passed over before the record kind is known are reported once it is (onSheet follows onHeader).
    const before: FeedSheetInfo[] = [];
    const report = (info: FeedSheetInfo) => (chosen ? options.onSheet?.(info) : before.push(info));
    let firstProblem: Error | undefined;
    for await (const sheet of sheets) {
      const head = await scan(sheet.rows, limit);
      const where = format === 'xlsx' ? sheet.name : undefined;
      const overWide = head.find((r) => r.cells.length > limits.maxColumns);
      if (overWide) wide ??= { rowNumber: overWide.rowNumber, sheetName: where };
      if (sheet.hidden) {
        const seen = findHeader(head, findFeed(department)?.records ?? records).match;
        if (seen) checkHeaderSize(head, seen, limits, where);
        if (seen) report(sheetInfo(sheet, seen, `工作表“${sheet.name}”已隐藏，未导入：如需导入请在Excel中取消隐藏`));
        continue;
      }
      let match: HeaderMatch;
      if (!chosen) {
        const found = findHeader(head, records);
        if (found.ambiguous) throw kindAmbiguous(found.ambiguous);
        if (!found.match) continue;
        match = found.match;
        checkHeaderSize(head, match, limits, where);
        if (match.missingRequired.length > 0) {
          // A summary sheet with a few of the columns may come before the detail: look on.
          firstProblem ??= missingColumns(match.record, match.missingRequired, match.headerRowNumbers, where);
          report(sheetInfo(sheet, match, missingReason(sheet, match)));
          continue;
        }
        chosen = match.record;
        options.onHeader?.(headerInfo(department, sheet, match, encoding));
        for (const info of before) options.onSheet?.(info);
        options.onSheet?.(sheetInfo(sheet, match));
      } else {
        const later = laterSheetHeader(sheet, head, chosen, department);
        if (!later) continue;
        checkHeaderSize(head, later.match, limits, where);
        options.onSheet?.(sheetInfo(sheet, later.match, later.reason));
        if (later.reason !== undefined) continue; // the reader drains the rest of the sheet
        match = later.match;
      }
      const headerEnd = match.headerRowNumbers[match.headerRowNumbers.length - 1] ?? 0;
      const fill = mergeFiller(sheet.merges, headerEnd);
      let firstData = true;
      const check = (raw: SourceRow): FeedRowResult | undefined => {
        const row = fill(raw);
        if (skippable(row, match)) return undefined;
        const wasFirst = firstData;
        firstData = false;
        if (wasFirst && isColumnNumberRow(row)) return undefined;
        return checkRow(row, sheet.number, department, match, today, limits.maxColumns);
      };
      for (const row of head.slice(match.lastHeaderIndex + 1)) {
        const result = check(row);
        if (result) yield result;
      }
      for (let r = await sheet.rows.next(); !r.done; r = await sheet.rows.next()) {
        const result = check(r.value);
        if (result) yield result;
      }
    }
    if (!chosen) {
      if (!firstProblem && wide) throw tooManyColumns(wide.rowNumber, limits.maxColumns, wide.sheetName);
      throw firstProblem ?? headerNotFound(records, limit);
    }
  } catch (error) {
    throw unreadableFile(fileName, format, error);
  } finally {
    input.destroy();
  }
}
