import type { FeedRecord } from '../../domain/feeds/index.ts';
import { maskIdNumber } from '../../domain/id-number.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import type { BadFeedRow, FeedHeaderInfo, FeedSheetInfo, GoodFeedRow } from './feed-parser.ts';

/**
 * A parsed row in the form it is stored (SPEC §10, §17): the ID number leaves as keyed hash (for matching), masked
 * (for display) and ciphertext (for the few roles that may reveal it) — never as plain text; the other values stay
 * as the normalised JSON of the feed definition's keys.
 */
export interface StoredFeedRow {
  sheet_no: number;
  row_number: number;
  row_hash: string;
  id_number_hash: string | null;
  id_number_masked: string | null;
  id_number_enc: string | null;
  subject_region: string | null;
  data: Record<string, unknown>;
}

export interface StoredBadRow {
  sheet_no: number;
  row_number: number;
  errors: { column: string; message: string }[];
  original_enc: string;
}

/** The key of the record's ID-number column ('idNumber' in every current definition). */
export function idColumnKey(record: FeedRecord): string | undefined {
  return record.columns.find((c) => c.type === 'id_number')?.key;
}

/** The record's own region column (water failures by village, public opinion), when it has one. */
export function regionColumnKey(record: FeedRecord): string | undefined {
  return record.columns.find((c) => c.type === 'region_code')?.key;
}

export function storedRow(cipher: PiiCipher, record: FeedRecord, row: GoodFeedRow): StoredFeedRow {
  const idKey = idColumnKey(record);
  const regionKey = regionColumnKey(record);
  const data: Record<string, unknown> = { ...row.values };
  const id = idKey ? (row.values[idKey] as string | null) : null;
  if (idKey) delete data[idKey];
  return {
    sheet_no: row.sheetNo,
    row_number: row.rowNumber,
    row_hash: row.rowHash,
    id_number_hash: id ? cipher.hash(id) : null,
    id_number_masked: id ? maskIdNumber(id) : null,
    id_number_enc: id ? cipher.encrypt(id) : null,
    subject_region: regionKey ? ((row.values[regionKey] as string | null) ?? null) : null,
    data,
  };
}

/** A bad row with its reasons; the row as written may hold an ID number, so it is kept encrypted. */
export function storedBadRow(cipher: PiiCipher, row: BadFeedRow): StoredBadRow {
  return {
    sheet_no: row.sheetNo,
    row_number: row.rowNumber,
    errors: row.errors,
    original_enc: cipher.encrypt(JSON.stringify(row.original)),
  };
}

/** A worksheet as an import keeps it (feed_imports.header.sheets): read with its row counts, or left out and why. */
export type StoredSheet = FeedSheetInfo & { rowsGood?: number; rowsBad?: number };

/** feed_imports.header: what the parser recognised on the first sheet and, since migration 0012, every worksheet. */
export type StoredImportHeader = Partial<FeedHeaderInfo> & { sheets?: StoredSheet[] };
