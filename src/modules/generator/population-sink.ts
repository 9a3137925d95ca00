import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../db/database.ts';
import { type CsvBatch, HOUSEHOLD_COLUMNS, INCOME_COLUMNS, PERSON_COLUMNS } from './csv-rows.ts';

/**
 * Writes generated batches with COPY inside one transaction, so that a failed run leaves nothing behind and the
 * deferred households → head-person foreign key is checked once, at commit (SPEC §4.1: every household has a
 * head). Per batch: households first (persons reference them immediately), then persons, then incomes.
 *
 * PostgreSQL: a dedicated client (the shared pool hands each statement a different connection, which cannot hold
 * a transaction across COPYs). PGlite: the Kysely connection is held for the whole run so that other queries wait
 * instead of landing inside the transaction; BEGIN/COPY/COMMIT go through `Database.exec`/`copyCsv`, which reach
 * PGlite directly. Database.copyCsv concatenates its input on PGlite, so callers keep batches under 50,000 rows.
 */
export type WriteBatch = (batch: CsvBatch) => Promise<void>;

const TABLES = [
  ['households', HOUSEHOLD_COLUMNS, 'households'],
  ['persons', PERSON_COLUMNS, 'persons'],
  ['household_incomes', INCOME_COLUMNS, 'incomes'],
] as const;

const copySql = (table: string, columns: readonly string[]) =>
  `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;

async function withPostgres<T>(url: string, fn: (write: WriteBatch) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const write: WriteBatch = async (batch) => {
      for (const [table, columns, key] of TABLES) {
        if (batch[key].length === 0) continue;
        const stream = client.query(copyFrom(copySql(table, columns)));
        for (const chunk of batch[key]) stream.write(chunk);
        stream.end();
        await finished(stream);
      }
    };
    try {
      const result = await fn(write);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

async function withPglite<T>(database: Database, fn: (write: WriteBatch) => Promise<T>): Promise<T> {
  return database.db.connection().execute(async () => {
    await database.exec('BEGIN');
    const write: WriteBatch = async (batch) => {
      for (const [table, columns, key] of TABLES) {
        if (batch[key].length > 0) await database.copyCsv(table, [...columns], batch[key].join(''));
      }
    };
    try {
      const result = await fn(write);
      await database.exec('COMMIT');
      return result;
    } catch (err) {
      await database.exec('ROLLBACK').catch(() => {});
      throw err;
    }
  });
}

/** Runs `fn` with a batch writer inside one transaction; commits when it resolves, rolls back when it throws. */
export function withPopulationSink<T>(
  database: Database,
  databaseUrl: string | undefined,
  fn: (write: WriteBatch) => Promise<T>,
): Promise<T> {
  if (database.engine === 'pglite') return withPglite(database, fn);
  if (!databaseUrl) throw new Error('PostgreSQL 批量写入需要 DATABASE_URL');
  return withPostgres(databaseUrl, fn);
}
