/**
 * The SQL in docs/sql/ is the SQL the code compiles (issue 12 point 8). The plans are regenerated on PostgreSQL by
 * `npm run sql:explain`; this test needs no database: it compiles the same queries and fails when one differs from
 * the committed text, so a change to a hot query cannot land without its new plan.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { figureQueries, type HotQuery, householdListQueries, oneLine } from '../scripts/hot-queries.ts';
import type { DB } from '../src/db/schema.ts';
import { createPiiCipher } from '../src/security/pii-cipher.ts';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const places = {
  county: '621124',
  township: '621124100',
  village: '621124100007',
  villageAfter: '6211241000070010',
  countyAfter: '6211241000070051',
};

/** Each "## title" (and "### shape") with the SQL of its ```sql block, as the document prints it. */
function documented(file: string): { title: string; shape: string; sql: string }[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, '..', 'docs', 'sql', file), 'utf8');
  const out: { title: string; shape: string; sql: string }[] = [];
  let title = '';
  let shape = '';
  let block: string[] | undefined;
  for (const line of text.split('\n')) {
    if (block) {
      if (line.startsWith('-- parameters:')) {
        out.push({ title, shape, sql: oneLine(block.join('\n')) });
        block = undefined;
      } else block.push(line);
    } else if (line.startsWith('## ')) [title, shape] = [line.slice(3), ''];
    else if (line.startsWith('### ')) shape = line.slice(4);
    else if (line === '```sql') block = [];
  }
  return out;
}
const compiled = (qs: HotQuery[]) => qs.map((q) => ({ title: q.title, shape: q.shape, sql: oneLine(q.query.sql) }));

describe('the hot queries in docs/sql are the ones the code compiles', () => {
  it('household-list.md', () => {
    const cipher = createPiiCipher(crypto.randomBytes(32));
    const docs = documented('household-list.md');
    expect(docs.length).toBeGreaterThan(5);
    expect(compiled(householdListQueries(db, cipher, places)), 'run npm run sql:explain').toEqual(docs);
  });
  it('figures-and-filters.md', () => {
    const docs = documented('figures-and-filters.md');
    expect(docs.length).toBeGreaterThan(3);
    expect(compiled(figureQueries(db, places)), 'run npm run sql:explain').toEqual(docs);
  });
});
