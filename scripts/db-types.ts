/**
 * `npm run db:types` (issue 12 point 3, ADR 0040): migrates a fresh database — in-memory PGlite, or a scratch database
 * on the PostgreSQL server of DATABASE_URL — and writes the Kysely table types of its schema to
 * src/db/schema.generated.ts. test/db-types.test.ts fails when the committed file differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { generateSchemaTypes } from '../src/db/schema-types.ts';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'db', 'schema.generated.ts');
const url = process.env.DATABASE_URL;

async function withFreshDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  if (!url?.startsWith('postgres')) {
    const database = await openPglite(undefined);
    try {
      return await run(database);
    } finally {
      await database.close();
    }
  }
  const name = `sx_types_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  try {
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openPostgres(u.toString());
    try {
      return await run(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const text = await withFreshDatabase(async (database) => {
  await migrate(database);
  return generateSchemaTypes(database.db);
});
const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
fs.writeFileSync(target, text);
process.stdout.write(`${path.relative(process.cwd(), target)}：${before === text ? '无变化' : '已更新'}\n`);
