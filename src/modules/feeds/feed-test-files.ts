import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { idCheckChar } from '../../domain/id-number.ts';
import type {
  BadFeedRow,
  FeedHeaderInfo,
  FeedRowResult,
  FeedSheetInfo,
  GoodFeedRow,
  ParseFeedOptions,
} from './feed-parser.ts';
import { parseFeedFile } from './feed-parser.ts';

/** Helpers for the feed tests only: temp dirs, valid ID numbers, workbooks written like departments write them. */

export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'shouxian-feeds-'));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid 18-character ID for a person born on `birth` (YYYYMMDD) in 621124 (临洮县), sequence `seq`. */
export function validId(birth = '19800101', seq = 1, region = '621124'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Write a workbook built in memory (small test files only). */
export async function writeWorkbook(path: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(path);
}

/** Good and bad rows of one parse, plus the recognised header. */
export interface Collected {
  good: GoodFeedRow[];
  bad: BadFeedRow[];
  header?: FeedHeaderInfo;
  sheets: FeedSheetInfo[];
}

/** Run parseFeedFile to the end, keeping every row (tests only: real imports stream). */
export async function collect(options: Omit<ParseFeedOptions, 'onHeader' | 'onSheet'>): Promise<Collected> {
  const out: Collected = { good: [], bad: [], sheets: [] };
  const rows: FeedRowResult[] = [];
  const parse = parseFeedFile({ ...options, onHeader: (h) => (out.header = h), onSheet: (s) => out.sheets.push(s) });
  for await (const row of parse) rows.push(row);
  for (const row of rows) {
    if (row.ok) out.good.push(row);
    else out.bad.push(row);
  }
  return out;
}

/** The error messages of one bad row, by template column header. */
export function errorsOf(rows: BadFeedRow[], rowNumber: number): Record<string, string> {
  const row = rows.find((r) => r.rowNumber === rowNumber);
  if (!row) throw new Error(`no bad row ${rowNumber}; bad rows: ${rows.map((r) => r.rowNumber).join(',')}`);
  return Object.fromEntries(row.errors.map((e) => [e.column, e.message]));
}

/** A fixed "today" so that ID birth-date checks do not depend on the clock. */
export const TODAY = new Date('2026-11-01T00:00:00Z');

/** The 住院结算 (medical insurance settlement) headers as a county file writes them. */
export const SETTLEMENT_HEADERS = [
  '姓名',
  '身份证号码',
  '入院日期',
  '出院日期',
  '医疗机构名称',
  '疾病名称',
  '医疗总费用',
  '个人自付',
  '结算日期',
];
