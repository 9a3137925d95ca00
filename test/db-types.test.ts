import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { checkLiterals, generateSchemaTypes } from '../src/db/schema-types.ts';
import { ENGINE, openTestDatabase } from './support/test-app.ts';

/** Issue 12 point 3 (ADR 0040): the committed database types are the ones a freshly migrated database gives. */
const committedPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'db', 'schema.generated.ts');

describe(`generated database types (${ENGINE})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    await migrate(database);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('src/db/schema.generated.ts matches the migrations', async () => {
    const fresh = await generateSchemaTypes(database.db);
    const committed = fs.readFileSync(committedPath, 'utf8');
    if (fresh !== committed) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const at = b.findIndex((line, i) => line !== a[i]);
      expect.fail(
        `src/db/schema.generated.ts is out of date with src/db/migrations: run \`npm run db:types\` and commit it.\n` +
          `First difference at line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  migrated:  ${b[at] ?? '(end of file)'}`,
      );
    }
  });

  it('turns one-column IN checks into literal unions and leaves other checks alone', () => {
    expect(checkLiterals('kind', "CHECK ((kind = ANY (ARRAY['pre'::text, 'post'::text])))")).toEqual(['pre', 'post']);
    expect(checkLiterals('kind', "CHECK ((kind = 'unmatched_person'::text))")).toEqual(['unmatched_person']);
    expect(checkLiterals('note', "CHECK ((note = ANY (ARRAY['it''s, ok'::text, 'b'::text])))")).toEqual([
      "it's, ok",
      'b',
    ]);
    expect(checkLiterals('kind', "CHECK ((other = ANY (ARRAY['a'::text])))")).toBeUndefined();
    expect(checkLiterals('size', 'CHECK ((size > 0))')).toBeUndefined();
    expect(checkLiterals('month', "CHECK ((month ~ '^[0-9]{4}$'::text))")).toBeUndefined();
  });
});
