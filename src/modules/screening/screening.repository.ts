import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';
import type { RegionSetting } from './regional-thresholds.ts';
import type { ScreeningRule } from './rule-types.ts';

type Q = Kysely<DB> | Transaction<DB>;

const ancestors = (code: string) => [2, 4, 6, 9, 12].filter((n) => n < code.length).map((n) => code.slice(0, n));

export interface QualityFilter {
  region?: string;
  department?: string;
  open?: boolean;
  page: number;
  pageSize: number;
}

/** Screening rules, their regional settings, runs, hits and data-quality items (SPEC §10). */
export const screeningRepository = (db: Kysely<DB>) => ({
  /**
   * Fresh planner statistics before a full run: right after a bulk import or a generated population they are stale
   * (PGlite has no autovacuum; PostgreSQL's lags), and a plan made for an "empty" table turns hash joins into loops.
   */
  async analyze(q: Q = db) {
    // Only tables never analysed or grown by more than a fifth since (size against pg_class.relpages): ANALYZE of a
    // million-row table costs a noticeable part of a run, and the statistics of a table that barely changed hold.
    const stale = await sql<{ relname: string }>`SELECT c.relname FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND c.relname IN ('feed_records', 'persons', 'households', 'household_incomes', 'screening_hits')
        AND (c.reltuples < 0
          OR pg_relation_size(c.oid) / current_setting('block_size')::int > 1.2 * greatest(c.relpages, 1) + 8)`.execute(
      q,
    );
    if (stale.rows.length === 0) return;
    await sql`ANALYZE ${sql.join(stale.rows.map((r) => sql.table(r.relname)))}`.execute(q);
  },

  async rules(q: Q = db): Promise<ScreeningRule[]> {
    const rows = await q.selectFrom('screening_rules').selectAll().orderBy('sort_order').orderBy('code').execute();
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      department: r.department,
      recordKind: r.record_kind,
      conditionKind: r.condition_kind,
      condition: r.condition as ScreeningRule['condition'],
      thresholds: r.thresholds as Record<string, number>,
      signal: r.signal,
      riskType: r.risk_type,
      exclusionItem: r.exclusion_item,
      severity: r.severity,
      finding: r.finding,
      enabled: r.enabled,
    }));
  },

  /** The newest setting per rule and region, for regions above the scope and inside it. */
  async settings(scope: string, q: Q = db): Promise<Map<string, RegionSetting[]>> {
    const up = ancestors(scope);
    const rows = await q
      .selectFrom('screening_rule_settings')
      .distinctOn(['rule_code', 'region_code'])
      .select(['rule_code', 'region_code', 'thresholds', 'enabled'])
      .where((eb) => eb.or([regionPrefix('region_code', scope), ...(up.length ? [eb('region_code', 'in', up)] : [])]))
      .orderBy('rule_code')
      .orderBy('region_code')
      .orderBy('set_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const out = new Map<string, RegionSetting[]>();
    for (const r of rows) {
      const list = out.get(r.rule_code) ?? [];
      list.push({
        regionCode: r.region_code,
        thresholds: r.thresholds as Record<string, number>,
        enabled: r.enabled,
      });
      out.set(r.rule_code, list);
    }
    return out;
  },

  async addSetting(
    row: { ruleCode: string; regionCode: string; thresholds: Record<string, number>; enabled: boolean },
    actor: Actor,
    q: Q,
  ) {
    await q
      .insertInto('screening_rule_settings')
      .values({
        rule_code: row.ruleCode,
        region_code: row.regionCode,
        thresholds: JSON.stringify(row.thresholds),
        enabled: row.enabled,
        set_by: actor.userId,
        set_by_name: actor.username,
      })
      .execute();
  },

  async startRun(
    row: { region: string; trigger: 'manual' | 'schedule' | 'import'; importId?: string; asOf: string; by: string },
    q: Q,
  ): Promise<string> {
    const r = await q
      .insertInto('screening_runs')
      .values({
        region_code: row.region,
        trigger: row.trigger,
        import_id: row.importId ?? null,
        as_of: row.asOf,
        started_by: row.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async finishRun(
    id: string,
    c: { rules: number; hits: number; cluesCreated: number; cluesMerged: number; qualityItems: number },
    q: Q,
  ) {
    await q
      .updateTable('screening_runs')
      .set({
        rules: c.rules,
        hits: c.hits,
        clues_created: c.cluesCreated,
        clues_merged: c.cluesMerged,
        quality_items: c.qualityItems,
        finished_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  },

  runs(actor: Actor, limit: number) {
    return db
      .selectFrom('screening_runs')
      .select([
        'id',
        'region_code as regionCode',
        'trigger',
        'import_id as importId',
        'as_of as asOf',
        'rules',
        'hits',
        'clues_created as cluesCreated',
        'clues_merged as cluesMerged',
        'quality_items as qualityItems',
        'started_by as startedBy',
        'started_at as startedAt',
        'finished_at as finishedAt',
      ])
      .where(scopeFilter(actor))
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
  },

  /** Hits of one household, including exclusion signals that raised no clue (evidence for identification). */
  householdHits(actor: Actor, householdId: string) {
    return db
      .selectFrom('screening_hits as s')
      .innerJoin('screening_rules as r', 'r.code', 's.rule_code')
      .select([
        's.id',
        's.rule_code as ruleCode',
        'r.name as ruleName',
        'r.signal',
        'r.exclusion_item as exclusionItem',
        'r.risk_type as riskType',
        's.finding',
        's.facts',
        's.clue_key as clueKey',
        's.created_at as createdAt',
      ])
      .where('s.household_id', '=', householdId)
      .where(scopeFilter(actor, 's.region_code'))
      .orderBy('s.id', 'desc')
      .execute();
  },

  async qualityItems(actor: Actor, f: QualityFilter) {
    let query = db.selectFrom('data_quality_items as d').where(scopeFilter(actor, 'd.region_code'));
    if (actor.role === 'department') query = query.where('d.department', '=', actor.department ?? '');
    if (f.region) query = query.where(regionPrefix('d.region_code', f.region));
    if (f.department) query = query.where('d.department', '=', f.department);
    if (f.open) query = query.where('d.resolved_at', 'is', null);
    const [items, total] = await Promise.all([
      query
        .innerJoin('feed_records as r', 'r.id', 'd.record_id')
        .innerJoin('feed_imports as i', 'i.id', 'r.import_id')
        .select([
          'd.id',
          'd.kind',
          'd.rule_code as ruleCode',
          'd.department',
          'r.record_kind as recordKind',
          'r.period',
          'r.row_number as rowNumber',
          // The worksheet's name when the workbook was read from several (migration 0012), else null.
          sql<string | null>`(SELECT s->>'sheetName' FROM jsonb_array_elements(i.header->'sheets') AS s
            WHERE jsonb_array_length(i.header->'sheets') > 1 AND (s->>'sheetNo')::int = r.sheet_no)`.as('sheetName'),
          'r.import_id as importId',
          'd.region_code as regionCode',
          'd.name',
          'd.id_number_masked as idNumberMasked',
          'd.reason',
          'd.created_at as createdAt',
          'd.resolved_at as resolvedAt',
          'd.resolved_by as resolvedBy',
          'd.resolution',
        ])
        .orderBy('d.id', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  findQualityItem(actor: Actor, id: number, q: Q = db) {
    return q
      .selectFrom('data_quality_items as d')
      .selectAll('d')
      .where('d.id', '=', id)
      .where(scopeFilter(actor, 'd.region_code'))
      .executeTakeFirst();
  },

  async resolveQualityItem(id: number, by: string, resolution: string, q: Q = db) {
    await q
      .updateTable('data_quality_items')
      .set({ resolved_at: sql`now()`, resolved_by: by, resolution })
      .where('id', '=', id)
      .execute();
  },

  /**
   * Items of the scope whose person is now in the registry of the scope (entered after the record came): resolved by
   * the routine run that finds them. Returns how many.
   */
  async resolveFoundPersons(scope: string, q: Q = db): Promise<number> {
    const r = await sql`UPDATE data_quality_items d SET resolved_at = now(), resolved_by = '系统（例行筛查）',
        resolution = '基础数据库中已有此人（按身份证号比对）'
      FROM feed_records r JOIN households h ON h.id = r.household_id
      WHERE d.record_id = r.id AND d.kind = 'unmatched_person' AND d.resolved_at IS NULL
        AND ${regionPrefix('d.region_code', scope)} AND ${regionPrefix('h.region_code', scope)}`.execute(q);
    return Number(r.numAffectedRows ?? 0);
  },

  /** The settings of one rule at the scope, its ancestors and inside it, newest first (SPEC §3: with history). */
  ruleSettingsHistory(code: string, scope: string, q: Q = db) {
    return q
      .selectFrom('screening_rule_settings')
      .select(['id', 'region_code as regionCode', 'thresholds', 'enabled', 'set_by_name as setBy', 'set_at as setAt'])
      .where('rule_code', '=', code)
      .where((eb) =>
        eb.or([regionPrefix('region_code', scope), ...ancestors(scope).map((a) => eb('region_code', '=', a))]),
      )
      .orderBy('set_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },
});

export type ScreeningRepository = ReturnType<typeof screeningRepository>;
