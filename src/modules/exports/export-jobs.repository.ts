import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ExportJobsTable } from './export-jobs.tables.ts';

type Q = Kysely<DB> | Transaction<DB>;

const jobColumns = [
  'id',
  'user_id as userId',
  'username',
  'role',
  'region_code as regionCode',
  'department',
  'ledger',
  'filters',
  'reveal',
  'status',
  'rows_written as rowsWritten',
  'total_estimate as totalEstimate',
  'attempts',
  'file_name as fileName',
  'file_path as filePath',
  'file_size as fileSize',
  'error',
  'created_at as createdAt',
  'started_at as startedAt',
  'finished_at as finishedAt',
  'expires_at as expiresAt',
] as const;

/** Background export jobs (migration 0120). Reads by id are the owner's: the service checks who asks. */
export const exportJobsRepository = (db: Kysely<DB>) => ({
  async insert(row: Insertable<ExportJobsTable>, q: Q = db): Promise<string> {
    return (await q.insertInto('export_jobs').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  find(id: string, q: Q = db) {
    return q.selectFrom('export_jobs').select(jobColumns).where('id', '=', id).executeTakeFirst();
  },

  /** The newest jobs of a user (the web page shows them). */
  ofUser(username: string, limit = 20) {
    return db
      .selectFrom('export_jobs')
      .select(jobColumns)
      .where('username', '=', username)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  },

  /**
   * Takes a job to run: a queued one, or a running one whose worker is gone (heartbeat older than `staleSeconds`;
   * 0 takes every running job — the embedded engine is one process, so after a restart none is alive). One
   * UPDATE … RETURNING, so two servers on one PostgreSQL never run the same job.
   */
  async claim(id: string, staleSeconds: number) {
    const r = await db
      .updateTable('export_jobs')
      .set({
        status: 'running',
        attempts: sql`attempts + 1`,
        rows_written: 0,
        started_at: sql`now()`,
        heartbeat_at: sql`now()`,
        error: null,
      })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([
            eb('status', '=', 'running'),
            sql<boolean>`coalesce(heartbeat_at, created_at) <= now() - make_interval(secs => ${staleSeconds})`,
          ]),
        ]),
      )
      .returning(jobColumns)
      .executeTakeFirst();
    return r;
  },

  /** Jobs to (re)start: queued, or running with a heartbeat older than `staleSeconds`. */
  async pending(staleSeconds: number) {
    const rows = await db
      .selectFrom('export_jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([
            eb('status', '=', 'running'),
            sql<boolean>`coalesce(heartbeat_at, created_at) <= now() - make_interval(secs => ${staleSeconds})`,
          ]),
        ]),
      )
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  },

  async update(id: string, patch: Updateable<ExportJobsTable>, q: Q = db) {
    await q.updateTable('export_jobs').set(patch).where('id', '=', id).execute();
  },

  /** Rows written so far and a heartbeat. False when the job is no longer running (cancelled): the worker stops. */
  async progress(id: string, rows: number): Promise<boolean> {
    const r = await db
      .updateTable('export_jobs')
      .set({ rows_written: rows, heartbeat_at: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** Marks a finished job done, unless it was cancelled meanwhile (then false: the caller removes the file). */
  async finish(id: string, patch: Updateable<ExportJobsTable>, q: Q = db): Promise<boolean> {
    const r = await q
      .updateTable('export_jobs')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** Cancels a queued or running job; returns the job as it was, or undefined when it had already ended. */
  async cancel(id: string, q: Q = db) {
    return q
      .updateTable('export_jobs')
      .set({ status: 'cancelled', finished_at: sql`now()`, heartbeat_at: null })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .returning(jobColumns)
      .executeTakeFirst();
  },

  /** Finished files past their retention date. */
  expired(now: Date) {
    return db
      .selectFrom('export_jobs')
      .select(['id', 'file_path as filePath'])
      .where('status', '=', 'done')
      .where('expires_at', '<', now)
      .execute();
  },
});

export type ExportJobsRepository = ReturnType<typeof exportJobsRepository>;
export type ExportJob = NonNullable<Awaited<ReturnType<ExportJobsRepository['find']>>>;
