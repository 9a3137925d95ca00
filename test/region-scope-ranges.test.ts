import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionPrefix } from '../src/modules/auth/actor.ts';
import { serverSources } from './support/source-files.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * Issue 18 point 3: a region filter is the index range of `regionPrefix` (docs/decisions/0032), in every module's
 * list, ledger and figure — not `region_code LIKE 'p%'`, which no index answers for a bind parameter under a generic
 * plan nor under a non-C collation. (`x LIKE region_code || '%'`, a row's ancestors, is a join, not a filter.) The few statements that still write LIKE are named here with their reason; a new
 * one fails this test until it is written as a range or added with a reason.
 */
const LIKE_ON_REGION = /region_code['"]?\s*,\s*'like'|region_code\s+LIKE\s+\$\{/i;

const ALLOWED: Record<string, string> = {
  // Batch screening's set-based conditions (run once per import or batch, ADR 0005); record-test.ts also matches an
  // expression, not a column.
  'src/modules/screening/screen-scope.ts': 'batch screening',
  'src/modules/screening/conditions/household-sum-window.ts': 'batch screening',
  'src/modules/screening/conditions/household-per-capita.ts': 'batch screening',
  'src/modules/screening/conditions/record-test.ts': 'batch screening',
  'src/modules/screening/conditions/period-drop.ts': 'batch screening',
  // Matching a civil-affairs import's 低保/特困 recipients: one statement per import, overlapping regions both ways.
  'src/modules/assistance/match-backstop-recipients.ts': 'import batch',
  // The data-quality rules run as one batch over a scope, on demand.
  'src/modules/cleaning/cleaning-rules.ts': 'cleaning batch',
  // Settings and poverty lines: a few hundred rows per province, with `_` meaning "strictly below".
  'src/modules/settings/region-settings.ts': 'settings',
  'src/modules/settings/lines.repository.ts': 'settings',
  // The demo loader's own county.
  'src/modules/demo/demo-history.ts': 'demo',
};

describe('region filters are index ranges (issue 18 point 3)', () => {
  it('writes no region LIKE outside the named exceptions', () => {
    const offenders = serverSources()
      .filter((f) => !f.path.startsWith('src/db/migrations/') && !ALLOWED[f.path])
      .flatMap((f) =>
        f.text
          .split('\n')
          .map((line, i) => ({ line, at: `${f.path}:${i + 1}` }))
          .filter(({ line }) => !line.trim().startsWith('*') && !line.trim().startsWith('//'))
          .filter(({ line }) => LIKE_ON_REGION.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
    for (const path of Object.keys(ALLOWED)) {
      expect(
        serverSources().some((f) => f.path === path),
        `${path} is listed but gone`,
      ).toBe(true);
    }
  });
});

describe(`region ranges select exactly the prefix on ${ENGINE}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 240_000);
  afterAll(() => t?.close());

  it('answers the same rows as a prefix match at every level, and nothing of the next code', async () => {
    const db = t.ctx.database.db;
    const codes = ['62', '6211', '621124', t.township, t.village, '621125', '621124999', '62112410'];
    for (const prefix of codes) {
      const range = await sql<{ n: string }>`
        SELECT count(*)::text AS n FROM regions r WHERE ${regionPrefix('r.code', prefix)}`.execute(db);
      const like = await sql<{ n: string }>`
        SELECT count(*)::text AS n FROM regions r WHERE left(r.code, ${prefix.length}) = ${prefix}`.execute(db);
      expect(range.rows[0]?.n, prefix).toBe(like.rows[0]?.n);
    }
  });

  it('lists clues, cases, measures and feed imports of a township through the range', async () => {
    const county = await t.login('county');
    for (const url of ['/api/clues', '/api/cases', '/api/feed-imports']) {
      const all = await t.request(county, { method: 'GET', url: `${url}?pageSize=200` });
      expect(all.statusCode, `${url}: ${all.body}`).toBe(200);
      const inTownship = await t.request(county, { method: 'GET', url: `${url}?pageSize=200&region=${t.township}` });
      expect(inTownship.statusCode, `${url}: ${inTownship.body}`).toBe(200);
      const items = inTownship.json().items as { regionCode?: string }[];
      for (const it of items) if (it.regionCode) expect(it.regionCode.startsWith(t.township), url).toBe(true);
      const expected = (all.json().items as { regionCode?: string }[]).filter((i) =>
        i.regionCode?.startsWith(t.township),
      ).length;
      if ((all.json().total ?? 0) <= 200) expect(items.length, url).toBe(expected);
    }
  });

  it.skipIf(ENGINE !== 'postgres')('plans a township filter on clues and cases as an index range', async () => {
    const db = t.ctx.database.db;
    for (const table of ['clues', 'cases', 'measures', 'households']) {
      const compiled =
        sql`SELECT id FROM ${sql.table(table)} t WHERE ${regionPrefix('t.region_code', t.township)}`.compile(db);
      const plan = await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        return trx.executeQuery(CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]));
      });
      const text = plan.rows.map((r) => Object.values(r as object)[0]).join('\n');
      // With sequential scans priced out, an index on region_code must be able to answer the range.
      expect(text, table).toMatch(/Index|Bitmap/);
      expect(text, table).toMatch(/~>=~/);
    }
  });
});
