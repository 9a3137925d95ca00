import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';
import type { StoredBadRow, StoredFeedRow } from './stored-row.ts';

type Q = Kysely<DB> | Transaction<DB>;

export const importColumns = [
  'i.id',
  'i.department',
  'i.record_kind as recordKind',
  'i.region_code as regionCode',
  'i.period',
  'i.file_name as fileName',
  'i.status',
  'i.batch_size as batchSize',
  'i.batches',
  'i.rows_good as rowsGood',
  'i.rows_bad as rowsBad',
  'i.rows_new as rowsNew',
  'i.hits',
  'i.clues',
  'i.header',
  'i.error',
  'i.imported_by as importedBy',
  'i.started_at as startedAt',
  'i.finished_at as finishedAt',
] as const;

export interface ImportKey {
  department: string;
  regionCode: string;
  period: string;
  fileSha256: string;
}

export interface ImportFilter {
  department?: string;
  region?: string;
  page: number;
  pageSize: number;
}

/**
 * Department feed imports and records (SPEC §10). Batch writes take the batch's transaction. `now`: the services' clock for the import's start and end (the demo county's history imports on its own days);
 * without it, the database's time.
 */
export const feedsRepository = (db: Kysely<DB>, now?: () => Date) => ({
  findByKey(k: ImportKey, q: Q = db) {
    return q
      .selectFrom('feed_imports as i')
      .select(importColumns)
      .where('i.department', '=', k.department)
      .where('i.region_code', '=', k.regionCode)
      .where('i.period', '=', k.period)
      .where('i.file_sha256', '=', k.fileSha256)
      .executeTakeFirst();
  },

  /** Creates the import (or finds the one a concurrent upload of the same file created). */
  async create(
    row: ImportKey & { recordKind: string; fileName: string; batchSize: number; header: unknown; actor: Actor },
    q: Q = db,
  ) {
    await q
      .insertInto('feed_imports')
      .values({
        department: row.department,
        record_kind: row.recordKind,
        region_code: row.regionCode,
        period: row.period,
        file_name: row.fileName,
        file_sha256: row.fileSha256,
        batch_size: row.batchSize,
        header: JSON.stringify(row.header),
        imported_by: row.actor.username,
        user_id: row.actor.userId,
        error: null,
        ...(now ? { started_at: now() } : {}),
      })
      .onConflict((oc) => oc.columns(['department', 'region_code', 'period', 'file_sha256']).doNothing())
      .execute();
    const created = await this.findByKey(row, q);
    if (!created) throw new Error('feed import row vanished');
    return created;
  },

  /**
   * Inserts good rows set-based from one JSON parameter; rows already known (same region and row hash) are skipped.
   * Each row is linked to the person with its ID hash and that person's household (migration 0006), by index lookup.
   */
  async insertRecords(
    imp: { id: string; department: string; recordKind: string; regionCode: string; period: string },
    batchNo: number,
    rows: StoredFeedRow[],
    q: Transaction<DB>,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const r = await sql`INSERT INTO feed_records (import_id, batch_no, sheet_no, row_number, department, record_kind,
        region_code, period, row_hash, id_number_hash, id_number_masked, id_number_enc, subject_region, data, person_id,
        household_id)
      SELECT ${imp.id}::uuid, ${batchNo}::int, x.sheet_no, x.row_number, ${imp.department}, ${imp.recordKind},
        ${imp.regionCode}, ${imp.period}, decode(x.row_hash, 'hex'), x.id_number_hash, x.id_number_masked,
        x.id_number_enc, x.subject_region, x.data, p.id, p.household_id
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(sheet_no smallint, row_number int, row_hash text,
        id_number_hash text, id_number_masked text, id_number_enc text, subject_region text, data jsonb)
      LEFT JOIN persons p ON p.id_number_hash = x.id_number_hash
      ON CONFLICT (region_code, row_hash) DO NOTHING`.execute(q);
    return Number(r.numAffectedRows ?? 0);
  },

  async insertErrors(importId: string, batchNo: number, rows: StoredBadRow[], q: Transaction<DB>) {
    if (rows.length === 0) return;
    await sql`INSERT INTO feed_import_errors (import_id, batch_no, sheet_no, row_number, errors, original_enc)
      SELECT ${importId}::uuid, ${batchNo}::int, x.sheet_no, x.row_number, x.errors, x.original_enc
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(sheet_no smallint, row_number int, errors jsonb, original_enc text)
      ON CONFLICT (import_id, sheet_no, row_number) DO NOTHING`.execute(q);
  },

  /** Batch bookkeeping and the import's running counts, in the batch's transaction. */
  async commitBatch(
    b: {
      importId: string;
      batchNo: number;
      firstRow: number;
      lastRow: number;
      good: number;
      bad: number;
      inserted: number;
      hits: number;
      clues: number;
    },
    q: Transaction<DB>,
  ) {
    await q
      .insertInto('feed_import_batches')
      .values({
        import_id: b.importId,
        batch_no: b.batchNo,
        first_row: b.firstRow,
        last_row: b.lastRow,
        rows_good: b.good,
        rows_bad: b.bad,
        rows_new: b.inserted,
      })
      .execute();
    await q
      .updateTable('feed_imports')
      .set({
        batches: b.batchNo,
        rows_good: sql`rows_good + ${b.good}`,
        rows_bad: sql`rows_bad + ${b.bad}`,
        rows_new: sql`rows_new + ${b.inserted}`,
        hits: sql`hits + ${b.hits}`,
        clues: sql`clues + ${b.clues}`,
        status: 'loading',
        error: null,
      })
      .where('id', '=', b.importId)
      .execute();
  },

  /** Planner statistics of the records table, refreshed as a bulk import grows it (PGlite has no autovacuum). */
  async analyze(q: Q = db) {
    await sql`ANALYZE feed_records`.execute(q);
  },

  /** Marks the import loaded or failed; a loaded import's header gains what the whole file showed (its sheets). */
  async finish(id: string, status: 'loaded' | 'failed', error: string | null, q: Q = db, header?: unknown) {
    await q
      .updateTable('feed_imports')
      .set({
        status,
        error,
        finished_at: now ? now() : sql`now()`,
        ...(header === undefined ? {} : { header: JSON.stringify(header) }),
      })
      .where('id', '=', id)
      .execute();
    return q.selectFrom('feed_imports as i').select(importColumns).where('i.id', '=', id).executeTakeFirstOrThrow();
  },

  find(actor: Actor, id: string) {
    let query = db
      .selectFrom('feed_imports as i')
      .select(importColumns)
      .where('i.id', '=', id)
      .where(scopeFilter(actor, 'i.region_code'));
    if (actor.role === 'department') query = query.where('i.department', '=', actor.department ?? '');
    return query.executeTakeFirst();
  },

  async list(actor: Actor, f: ImportFilter) {
    let query = db.selectFrom('feed_imports as i').where(scopeFilter(actor, 'i.region_code'));
    if (actor.role === 'department') query = query.where('i.department', '=', actor.department ?? '');
    if (f.department) query = query.where('i.department', '=', f.department);
    if (f.region) query = query.where(regionPrefix('i.region_code', f.region));
    const [items, total] = await Promise.all([
      query
        .select(importColumns)
        .orderBy('i.started_at', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  /** Bad rows in sheet and row order, a page at a time (keyset), so a report of any size streams in constant memory. */
  async *errors(importId: string, pageSize = 2000) {
    let after = { sheet: 0, row: -1 };
    for (;;) {
      const page = await db
        .selectFrom('feed_import_errors')
        .select(['sheet_no', 'row_number', 'errors', 'original_enc'])
        .where('import_id', '=', importId)
        .where(sql<boolean>`(sheet_no, row_number) > (${after.sheet}, ${after.row})`)
        .orderBy('sheet_no')
        .orderBy('row_number')
        .limit(pageSize)
        .execute();
      for (const r of page) yield r;
      const last = page[page.length - 1];
      if (!last || page.length < pageSize) return;
      after = { sheet: last.sheet_no, row: last.row_number };
    }
  },
});

export type FeedsRepository = ReturnType<typeof feedsRepository>;
