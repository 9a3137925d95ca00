import { sql } from 'kysely';
import { expect } from 'vitest';
import { householdPayload } from './factories.ts';
import type { TestApp } from './test-app.ts';

export interface MonitoredFixtureOptions {
  /** Village code; the demo village by default. */
  regionCode?: string;
  members?: unknown[];
  category?: 'unstable' | 'marginal' | 'sudden';
  riskTypes?: string[];
  /** 'YYYY-MM-DD'. */
  includedOn: string;
}

/**
 * FIXTURE, not a procedure: creates a household through the registry API, then marks it monitored with SQL
 * (monitoring_status, category, risk_types, included_on). Monitoring status changes only through the procedures
 * module (SPEC §8); tests use this only to get households with given risk types or an inclusion date in the past
 * quickly. Tests that care about inclusion itself drive the real procedure (see `includeByProcedure` in
 * test/assistance.test.ts).
 */
export async function monitoredHouseholdFixture(
  t: TestApp,
  cookie: string,
  opts: MonitoredFixtureOptions,
): Promise<{ id: string; code: string }> {
  const payload = householdPayload(opts.regionCode ?? t.village, opts.members ? { members: opts.members } : {});
  const res = await t.request(cookie, { method: 'POST', url: '/api/households', payload });
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json() as { id: string; code: string };
  await sql`
    update households
    set monitoring_status = 'monitored', category = ${opts.category ?? 'marginal'},
        risk_types = ${opts.riskTypes ?? ['income']}::text[], included_on = ${opts.includedOn}::date
    where id = ${created.id}::uuid
  `.execute(t.ctx.database.db);
  return created;
}
