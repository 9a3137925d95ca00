import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';
import type { CleaningRule } from './cleaning-rules.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface ProblemFilter {
  region?: string;
  rule?: string;
  page: number;
  pageSize: number;
}

/** Data-cleaning runs and problems (SPEC §17). */
export const cleaningRepository = (db: Kysely<DB>) => ({
  async startRun(row: { region: string; year: number; by: string }, q: Q): Promise<string> {
    const r = await q
      .insertInto('cleaning_runs')
      .values({ region_code: row.region, year: row.year, started_by: row.by })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** A run replaces the problems of its region: they are derived data, recomputed from the registry each time. */
  async clear(scope: string, q: Q) {
    await q.deleteFrom('cleaning_problems').where(regionPrefix('region_code', scope)).execute();
  },

  async apply(rule: CleaningRule, runId: string, scope: string, year: number, q: Q): Promise<number> {
    const r = await sql`INSERT INTO cleaning_problems (run_id, rule_code, region_code, household_id, person_id, reason,
        details)
      SELECT ${runId}::uuid, ${rule.code}, x.region_code, x.household_id, x.person_id, x.reason, x.details
      FROM (${rule.select(scope, year)}) x`.execute(q);
    return Number(r.numAffectedRows ?? 0);
  },

  async finishRun(id: string, problems: number, q: Q) {
    await q.updateTable('cleaning_runs').set({ problems, finished_at: sql`now()` }).where('id', '=', id).execute();
  },

  lastRun(actor: Actor, region: string) {
    return db
      .selectFrom('cleaning_runs')
      .select([
        'id',
        'region_code as regionCode',
        'year',
        'problems',
        'started_by as startedBy',
        'finished_at as finishedAt',
      ])
      .where(scopeFilter(actor))
      .where(sql<boolean>`(${regionPrefix('region_code', region)} OR ${region} LIKE region_code || '%')`)
      .where('finished_at', 'is not', null)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async list(actor: Actor, f: ProblemFilter) {
    let query = db
      .selectFrom('cleaning_problems as c')
      .leftJoin('households as h', 'h.id', 'c.household_id')
      .where(scopeFilter(actor, 'c.region_code'));
    if (f.region) query = query.where(regionPrefix('c.region_code', f.region));
    if (f.rule) query = query.where('c.rule_code', '=', f.rule);
    const [items, total, byRule] = await Promise.all([
      query
        .select([
          'c.id',
          'c.rule_code as ruleCode',
          'c.region_code as regionCode',
          'c.household_id as householdId',
          'h.code as householdCode',
          'c.person_id as personId',
          'c.reason',
          'c.details',
          'c.found_at as foundAt',
        ])
        .orderBy('c.region_code')
        .orderBy('c.rule_code')
        .orderBy('c.id')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      query
        .select(['c.rule_code as ruleCode', (e) => e.fn.countAll<number>().as('count')])
        .groupBy('c.rule_code')
        .orderBy('c.rule_code')
        .execute(),
    ]);
    return { items, total: Number(total.n), byRule: byRule.map((r) => ({ ...r, count: Number(r.count) })) };
  },
});

export type CleaningRepository = ReturnType<typeof cleaningRepository>;
