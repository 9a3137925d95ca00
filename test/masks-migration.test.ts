import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { listMigrations, migrate } from '../src/db/migrate.ts';
import { ENGINE, openTestDatabase } from './support/test-app.ts';

/**
 * Migration 0040 on a database written before it (SPEC §17): the old masks (first 6 and last 4) and the plain birth
 * dates beside them rebuilt the ID number; afterwards only the birth year and a mask of the first 6 and last 2 remain.
 */
describe(`migration 0040 (masks that hide) on ${ENGINE} (SPEC §17)`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    await database.exec(
      'CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const m of listMigrations().filter((x) => x.version < '0040')) {
      await database.exec(
        `BEGIN;\n${fs.readFileSync(m.file, 'utf8')}\nINSERT INTO schema_migrations (version) VALUES ('${m.version}');\nCOMMIT;`,
      );
    }
    await database.exec(`
      INSERT INTO regions (code, name, level) VALUES ('62', '甘肃省', 1);
      INSERT INTO households (id, region_code, code) VALUES ('00000000-0000-0000-0000-000000000001', '62', 'H1');
      INSERT INTO persons (household_id, region_code, name, id_number_enc, id_number_hash, id_number_masked, birth_date,
        sex, relation)
      VALUES ('00000000-0000-0000-0000-000000000001', '62', '张三', 'x', 'h1', '621124********0975', '1937-08-05',
        'male', 'head');
      INSERT INTO cleaning_runs (id, region_code, year, started_by)
        VALUES ('00000000-0000-0000-0000-0000000000aa', '62', 2026, 'system');
      INSERT INTO cleaning_problems (run_id, rule_code, region_code, household_id, reason, details)
        VALUES ('00000000-0000-0000-0000-0000000000aa', 'IMPOSSIBLE_RELATION', '62',
          '00000000-0000-0000-0000-000000000001', '子女年龄大于户主的父母',
          '{"name": "张三", "idNumberMasked": "621124********0975", "birthDate": "1937-08-05", "headBirthDate": "1936-01-02"}');`);
    await migrate(database);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('keeps the birth year, drops the birth date and re-masks the stored number', async () => {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM persons`.execute(database.db);
    expect(rows.rows).toHaveLength(1);
    const p = rows.rows[0] as Record<string, unknown>;
    expect(p).not.toHaveProperty('birth_date');
    expect(p.birth_year).toBe(1937);
    expect(p.id_number_masked).toBe('621124**********75');
    expect(JSON.stringify(p)).not.toContain('19370805');
  });

  it('rewrites the details of earlier cleaning problems', async () => {
    const rows = await sql<{ details: Record<string, unknown> }>`SELECT details FROM cleaning_problems`.execute(
      database.db,
    );
    expect(rows.rows[0]?.details).toEqual({
      name: '张三',
      idNumberMasked: '621124**********75',
      birthYear: 1937,
      headBirthYear: 1936,
    });
  });
});
