import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

/**
 * One handle over either engine. Kysely for queries; `exec` for multi-statement scripts (migrations);
 * `copyRows` for bulk loading (COPY on both engines — the generator and imports use it).
 */
export interface Database {
  engine: Engine;
  db: Kysely<DB>;
  exec(script: string): Promise<void>;
  /** COPY rows (already in CSV text form) into a table. */
  copyCsv(table: string, columns: string[], csv: AsyncIterable<string> | string): Promise<void>;
  close(): Promise<void>;
}

// Same value shapes on both engines: int8 as number (counts), numeric as string (money, never floats),
// date as 'YYYY-MM-DD' string, timestamps as Date.
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;
pg.types.setTypeParser(OID.INT8, (v) => Number(v));
pg.types.setTypeParser(OID.DATE, (v) => v);

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail early with the server's message rather than on the first request.
  const client = await pool.connect();
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    async exec(script) {
      await pool.query(script);
    },
    async copyCsv(table, columns, csv) {
      const { from } = await import('pg-copy-streams');
      const { pipeline } = await import('node:stream/promises');
      const { Readable } = await import('node:stream');
      const c = await pool.connect();
      try {
        const stream = c.query(from(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
        await pipeline(typeof csv === 'string' ? Readable.from([csv]) : Readable.from(csv), stream);
      } finally {
        c.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    parsers: { [OID.INT8]: (v: string) => Number(v), [OID.DATE]: (v: string) => v, [OID.NUMERIC]: (v: string) => v },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: 'pglite',
    db,
    async exec(script) {
      await pglite.exec(script);
    },
    async copyCsv(table, columns, csv) {
      let text = '';
      if (typeof csv === 'string') text = csv;
      else for await (const chunk of csv) text += chunk;
      await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([text]),
      });
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
