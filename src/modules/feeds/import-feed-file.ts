import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Kysely, Transaction } from 'kysely';
import type { FeedLimits } from '../../config.ts';
import { analyzeTables, FEED_ANALYZE_ROWS } from '../../db/analyze.ts';
import type { DB } from '../../db/schema.ts';
import { type FeedRecord, findFeed, findFeedRecord } from '../../domain/feeds/index.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import { unknownDepartment } from './feed-errors.ts';
import { type BadFeedRow, type FeedHeaderInfo, type FeedRowResult, parseFeedFile } from './feed-parser.ts';
import { requireImport } from './feeds.policy.ts';
import type { FeedsRepository } from './feeds.repository.ts';
import { regionColumnKey, type StoredImportHeader, type StoredSheet, storedBadRow, storedRow } from './stored-row.ts';

/** Rows per batch: one transaction each (rows, bad rows, bookkeeping, real-time screening). */
export const DEFAULT_BATCH_SIZE = 10_000;

export interface ImportInput {
  department: string;
  regionCode: string;
  /** 'YYYY-MM': the period the department's data describe (SPEC §10: a feed carries department, region, period). */
  period: string;
  fileName: string;
  path: string;
  recordKind?: string;
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  batches: number;
  resumedBatches: number;
}

export interface ImportDeps {
  db: Kysely<DB>;
  feedsRepo: FeedsRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  audit: Pick<AuditRepository, 'append'>;
  cipher: PiiCipher;
  screenBatch: (
    trx: Transaction<DB>,
    actor: Actor,
    batch: {
      importId: string;
      batchNo: number;
      department: string;
      recordKind: string;
      region: string;
      period: string;
    },
  ) => Promise<{ hits: number; cluesCreated: number; cluesMerged: number }>;
  /**
   * What other modules do with a loaded file (e.g. assistance matching civil-affairs 低保/特困 recipients, SPEC §9,
   * §10): runs once, in the transaction that marks the import loaded, after every batch has been screened. Composed in
   * src/services.ts so that feeds does not depend on those modules.
   */
  afterImport?: (trx: Transaction<DB>, actor: Actor, loaded: LoadedImport) => Promise<unknown>;
  today?: () => Date;
  /** Column, header-cell and .xlsx unpacking caps (Config.feedLimits, issue 11 point 6); defaults when left out. */
  limits?: Partial<FeedLimits>;
}

/** The import that has just loaded, as the after-import hook sees it. */
export interface LoadedImport {
  importId: string;
  department: string;
  recordKind: string;
  /** The import's region (a county or township code): the recipients' households are looked for under it. */
  region: string;
  period: string;
}

type ImportRow = Awaited<ReturnType<FeedsRepository['finish']>>;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** A good row whose own region code lies outside the import's region is refused like any bad row. */
function outsideRegion(row: FeedRowResult, record: FeedRecord, region: string, header: FeedHeaderInfo): FeedRowResult {
  const key = regionColumnKey(record);
  if (!row.ok || !key) return row;
  const code = row.values[key];
  if (typeof code !== 'string' || code.startsWith(region)) return row;
  const column = record.columns.find((c) => c.key === key);
  // The row as the file wrote it is not kept for good rows: its normalised values under the file's own headers.
  const original = Object.fromEntries(header.columns.map((c) => [c.sourceLabel, String(row.values[c.key] ?? '')]));
  const bad: BadFeedRow = {
    ok: false,
    sheetNo: row.sheetNo,
    rowNumber: row.rowNumber,
    errors: [{ column: column?.header ?? key, message: `区划代码 ${code} 不在本次导入的区域（${region}）内` }],
    original,
  };
  return bad;
}

/** Per worksheet: read (with its good and bad rows) or left out with the reason; empty for imports before 0012. */
export function sheetsOf(header: unknown) {
  const sheets = (header as StoredImportHeader | null)?.sheets;
  return (sheets ?? []).map((s) => ({
    name: s.sheetName,
    read: s.read,
    rowsGood: s.rowsGood ?? 0,
    rowsBad: s.rowsBad ?? 0,
    ...(s.reason ? { reason: s.reason } : {}),
  }));
}

export const summarize = (row: ImportRow, extra: { alreadyLoaded: boolean; resumedBatches: number }) => ({
  ...row,
  duplicates: row.rowsGood - row.rowsNew,
  sheets: sheetsOf(row.header),
  ...extra,
});

/**
 * Imports one department file (SPEC §10): streams it through the parser in constant memory, commits every batch of
 * rows in its own transaction together with its bad rows, its bookkeeping and the screening of its new records, so
 * that a crash leaves whole batches only; running the same file again resumes after the last committed batch, and
 * once loaded returns the finished import unchanged. Rows are unique per region and row hash, so the same rows in
 * another file are not loaded twice either.
 */
export async function importFeedFile(deps: ImportDeps, actor: Actor, input: ImportInput) {
  const { department, regionCode, period } = input;
  if (!findFeed(department)) throw unknownDepartment(department);
  requireImport(actor, department, regionCode);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
    throw new AppError('VALIDATION', `数据期别应为 YYYY-MM 格式：${period}`, { field: 'period' });
  }
  if (!(await deps.regionsRepo.findByCode(regionCode))) {
    throw new AppError('REGION_UNKNOWN', `区划代码不存在：${regionCode}`, { field: 'region' });
  }
  const fileSha256 = await sha256File(input.path);
  const key = { department, regionCode, period, fileSha256 };
  const existing = await deps.feedsRepo.findByKey(key);
  if (existing?.status === 'loaded') return summarize(existing, { alreadyLoaded: true, resumedBatches: 0 });

  const bytesTotal = statSync(input.path).size;
  let bytesRead = 0;
  let header: FeedHeaderInfo | undefined;
  const sheets: StoredSheet[] = [];
  const sheetByNo = new Map<number, StoredSheet>();
  const rows = parseFeedFile({
    path: input.path,
    limits: deps.limits,
    onRead: (n) => {
      bytesRead += n;
    },
    fileName: input.fileName,
    department,
    recordKind: input.recordKind ?? existing?.recordKind ?? undefined,
    today: deps.today?.(),
    onHeader: (h) => {
      header = h;
    },
    onSheet: (info) => {
      const sheet: StoredSheet = { ...info };
      sheets.push(sheet);
      sheetByNo.set(sheet.sheetNo, sheet);
    },
  })[Symbol.asyncIterator]();
  let next = await rows.next(); // file-level problems (no header, missing columns) surface here, before any write
  if (!header) throw new AppError('FEED_HEADER_NOT_FOUND', '未找到表头行', {});
  const record = findFeedRecord(department, header.recordKind) as FeedRecord;
  const imp =
    existing ??
    (await deps.feedsRepo.create({
      ...key,
      recordKind: header.recordKind,
      fileName: input.fileName,
      batchSize: input.batchSize ?? DEFAULT_BATCH_SIZE,
      header: { ...header, sourceHeaders: header.sourceHeaders },
      actor,
    }));
  const target = { id: imp.id, department, recordKind: header.recordKind, regionCode, period };
  const batchSize = imp.batchSize;
  const resumedBatches = imp.batches;

  let batch: FeedRowResult[] = [];
  let batchNo = 0;
  let rowCount = 0;
  const progress = () =>
    input.onProgress?.({ bytesRead, bytesTotal, rows: rowCount, batches: batchNo, resumedBatches });

  const flush = async () => {
    batchNo++;
    const current = batch;
    batch = [];
    const checked = current.map((r) => outsideRegion(r, record, regionCode, header as FeedHeaderInfo));
    for (const r of checked) {
      const sheet = sheetByNo.get(r.sheetNo);
      if (sheet && r.ok) sheet.rowsGood = (sheet.rowsGood ?? 0) + 1;
      else if (sheet?.read) sheet.rowsBad = (sheet.rowsBad ?? 0) + 1;
    }
    if (batchNo <= resumedBatches) return progress(); // committed by an earlier, interrupted run
    const good = checked.flatMap((r) => (r.ok ? [storedRow(deps.cipher, record, r)] : []));
    const bad = checked.flatMap((r) => (r.ok ? [] : [storedBadRow(deps.cipher, r)]));
    await deps.db.transaction().execute(async (trx) => {
      const inserted = await deps.feedsRepo.insertRecords(target, batchNo, good, trx);
      // Statistics follow the table's growth (batches 1, 2, 4, 8 … of a thousand rows or more) before this batch is
      // screened: the first batch of a record kind the statistics have never seen would otherwise be planned as if
      // it were empty. ANALYZE in the transaction counts its own new rows; one record arriving does not pay for it.
      if (inserted >= 1000 && (batchNo & (batchNo - 1)) === 0) await deps.feedsRepo.analyze(trx);
      await deps.feedsRepo.insertErrors(imp.id, batchNo, bad, trx);
      const screened =
        inserted > 0
          ? await deps.screenBatch(trx, actor, {
              importId: imp.id,
              batchNo,
              department,
              recordKind: record.kind,
              region: regionCode,
              period,
            })
          : { hits: 0, cluesCreated: 0, cluesMerged: 0 };
      await deps.feedsRepo.commitBatch(
        {
          importId: imp.id,
          batchNo,
          firstRow: current[0]?.rowNumber ?? 0,
          lastRow: current[current.length - 1]?.rowNumber ?? 0,
          good: good.length,
          bad: bad.length,
          inserted,
          hits: screened.hits,
          clues: screened.cluesCreated,
        },
        trx,
      );
    });
    progress();
  };

  try {
    for (; !next.done; next = await rows.next()) {
      batch.push(next.value);
      rowCount++;
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
  } catch (err) {
    await rows.return?.(undefined);
    await deps.feedsRepo.finish(imp.id, 'failed', (err as Error).message.slice(0, 500), deps.db, { ...header, sheets });
    throw err;
  }
  const done = await deps.db.transaction().execute(async (trx) => {
    // Every worksheet read or left out, for the import's page and the error report's sheet column.
    const row = await deps.feedsRepo.finish(imp.id, 'loaded', null, trx, { ...header, sheets });
    await deps.afterImport?.(trx, actor, {
      importId: imp.id,
      department,
      recordKind: record.kind,
      region: regionCode,
      period,
    });
    await deps.audit.append(
      actor,
      {
        action: AuditActions.feedImport,
        entity: 'feed_import',
        entityId: imp.id,
        regionCode,
        after: {
          department,
          recordKind: row.recordKind,
          period,
          fileName: input.fileName,
          rowsGood: row.rowsGood,
          rowsBad: row.rowsBad,
          rowsNew: row.rowsNew,
          sheets: sheetsOf({ sheets }),
          hits: row.hits,
          clues: row.clues,
          resumedBatches,
        },
      },
      trx,
    );
    return row;
  });
  // A large import leaves the feed tables analysed at their final size (issue 18 point 1): the growth steps above stop
  // at the last power of two, which may be half the file.
  if (done.rowsNew >= FEED_ANALYZE_ROWS) {
    await analyzeTables(deps.db, ['feed_records', 'screening_hits', 'clues', 'feed_import_errors']);
  }
  return summarize(done, { alreadyLoaded: false, resumedBatches });
}

export type ImportSummary = Awaited<ReturnType<typeof importFeedFile>>;
