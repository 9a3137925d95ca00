import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { analyzeTables } from './analyze.ts';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Numbered plain-SQL migrations, applied in order, each in its own transaction; never edited after they land. */
export function listMigrations(): { version: string; file: string }[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), file: path.join(MIGRATIONS_DIR, f) }));
}

export async function migrate(database: Database): Promise<string[]> {
  // Checked first: an application role without CREATE on the schema (scripts/postgres-roles.sql) must still start.
  const { rows: table } = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(
    database.db,
  );
  if (!table[0]?.t) {
    await database.exec(
      'CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  }
  // schema_migrations is the runner's own table, outside the generated DB type.
  const { rows } = await sql<{ version: string }>`select version from schema_migrations`.execute(database.db);
  const done = new Set(rows.map((r) => r.version));
  const applied: string[] = [];
  for (const m of listMigrations()) {
    if (done.has(m.version)) continue;
    const body = fs.readFileSync(m.file, 'utf8');
    try {
      await database.exec(
        `BEGIN;\n${body}\nINSERT INTO schema_migrations (version) VALUES ('${m.version.replace(/'/g, "''")}');\nCOMMIT;`,
      );
    } catch (err) {
      await database.exec('ROLLBACK').catch(() => {});
      throw new Error(`迁移 ${m.version} 执行失败：${(err as Error).message}`);
    }
    applied.push(m.version);
  }
  // A migration that rewrites or backfills tables leaves their statistics stale (issue 18 point 1); a fresh database
  // has nothing to analyse.
  if (applied.length > 0 && done.size > 0) await analyzeTables(database);
  return applied;
}
