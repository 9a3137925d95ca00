import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { findFeed } from '../../domain/feeds/index.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { ScreeningRule } from './rule-types.ts';
import type { CompiledRule } from './screen-scope.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface ApplyContext {
  runId: string;
  actor: Actor;
  receivedOn: string;
  dueOn: string;
}

export interface ApplyResult {
  hits: number;
  cluesCreated: number;
  cluesMerged: number;
  qualityItems: number;
}

/** Source of a rule's clues: starts with the department code, so department users see their warnings (SPEC §17). */
export const ruleSourceRef = (rule: Pick<ScreeningRule, 'department' | 'code'>) => `${rule.department}:${rule.code}`;

/**
 * One set-based statement per rule (SPEC §10): new hits are inserted once (rule + facts unique), each new hit raises
 * a clue through the ledger's partial unique index — merged into the open clue with the same household, source and
 * subject instead of repeated — and every created or merged clue is written to the audit log in the same statement.
 * Exclusion signals raise a (review) clue only for monitored households; otherwise the hit alone is kept as evidence.
 */
export async function applyRule(
  q: Q,
  rule: ScreeningRule,
  compiled: CompiledRule,
  ctx: ApplyContext,
  opts: { staged?: boolean } = {},
): Promise<ApplyResult> {
  // A routine run first computes the rule's rows into a temporary table: a statement that writes is never run in
  // parallel by PostgreSQL, a CREATE TABLE AS is, so the scans, joins and aggregates of a whole region use every core.
  // Real time (a batch's few rows) skips the extra statement.
  const stage = async (name: string, query: RawBuilder<unknown>): Promise<RawBuilder<unknown>> => {
    if (!opts.staged) return query;
    const table = sql.table(name);
    await sql`DROP TABLE IF EXISTS ${table}`.execute(q);
    await sql`CREATE TEMPORARY TABLE ${table} ON COMMIT DROP AS ${query}`.execute(q);
    return sql`SELECT * FROM ${table}`;
  };
  const stages = compiled.stages ?? [];
  if (opts.staged) {
    for (const st of stages) {
      await stage(st.name, st.query);
      await sql`ANALYZE ${sql.table(st.name)}`.execute(q);
    }
  }
  const withStages =
    stages.length && !opts.staged
      ? sql`WITH ${sql.join(stages.map((st) => sql`${sql.table(st.name)} AS (${st.query})`))}
        SELECT * FROM (${compiled.candidates}) staged`
      : compiled.candidates;
  const candidates = await stage('screening_candidates', withStages);
  const sourceRef = ruleSourceRef(rule);
  const raises = rule.signal === 'exclusion' ? sql`c.monitored` : sql`true`;
  const channel = rule.signal === 'social' ? 'social' : 'department';
  const riskTypes = rule.riskType ? sql`ARRAY[${rule.riskType}]::text[]` : sql`'{}'::text[]`;
  const audit = JSON.stringify({ channel, sourceKind: 'rule', sourceRef, runId: ctx.runId });
  const { rows } = await sql<{ hits: number; created: number; merged: number }>`
    WITH candidates AS (${candidates}),
    new_hits AS (
      INSERT INTO screening_hits (rule_code, fact_hash, run_id, record_id, household_id, person_id, region_code,
        facts, finding, clue_key)
      SELECT ${rule.code}, c.fact_hash, ${ctx.runId}::uuid, c.record_id, c.household_id, c.person_id, c.region_code,
        c.facts, c.finding,
        CASE WHEN ${raises} THEN encode(sha256(convert_to(coalesce(c.household_id::text, c.region_code) || '|rule|'
          || ${sourceRef} || '|' || c.clue_subject, 'UTF8')), 'hex') END
      FROM candidates c
      ON CONFLICT (rule_code, fact_hash) DO NOTHING
      RETURNING record_id, household_id, person_id, region_code, facts, finding, clue_key
    ),
    grouped AS (
      SELECT DISTINCT ON (clue_key) clue_key, household_id, person_id, region_code, facts, finding,
        count(*) OVER (PARTITION BY clue_key) - 1 AS extra
      FROM new_hits WHERE clue_key IS NOT NULL
      ORDER BY clue_key, record_id DESC
    ),
    saved AS (
      INSERT INTO clues (region_code, channel, source_kind, source_ref, household_id, person_id, finding, facts,
        fact_key, risk_types, severity, received_on, due_on, merged_count, created_by, last_seen_at)
      SELECT g.region_code, ${channel}, 'rule', ${sourceRef}, g.household_id, g.person_id, g.finding, g.facts,
        g.clue_key, ${riskTypes}, ${rule.severity}, ${ctx.receivedOn}::date, ${ctx.dueOn}::date, g.extra,
        ${ctx.actor.username}, now()
      FROM grouped g
      ON CONFLICT (fact_key) WHERE status <> 'closed'
      DO UPDATE SET merged_count = clues.merged_count + excluded.merged_count + 1, last_seen_at = now()
      RETURNING id, region_code, household_id, (xmax = 0) AS created
    ),
    logged AS (
      INSERT INTO audit_log (user_id, username, role, action, entity, entity_id, region_code, household_id, after, ip)
      SELECT ${ctx.actor.userId}::uuid, ${ctx.actor.username}, ${ctx.actor.role},
        CASE WHEN s.created THEN ${AuditActions.clueCreate}::text ELSE ${AuditActions.clueMerge}::text END,
        'clue', s.id::text, s.region_code,
        s.household_id, ${audit}::jsonb, ${ctx.actor.ip ?? null}
      FROM saved s
    )
    SELECT (SELECT count(*) FROM new_hits)::int AS hits,
      (SELECT count(*) FROM saved WHERE created)::int AS created,
      (SELECT count(*) FROM saved WHERE NOT created)::int AS merged`.execute(q);
  const r = rows[0] ?? { hits: 0, created: 0, merged: 0 };
  let qualityItems = 0;
  if (compiled.unmatched) {
    const source = findFeed(rule.department)?.name ?? rule.department;
    const reason = `${rule.name}：${source}数据命中规则，但基础数据库中未找到此人（按身份证号比对）`;
    const dq = await sql`INSERT INTO data_quality_items (kind, record_id, rule_code, department, region_code, name,
        id_number_masked, reason, run_id)
      SELECT 'unmatched_person', u.record_id, ${rule.code}, ${rule.department}, u.region_code, u.name,
        u.id_number_masked, ${reason}, ${ctx.runId}::uuid
      FROM (${await stage('screening_unmatched', compiled.unmatched)}) u
      ORDER BY u.record_id -- rules running at once (two rules may flag one record) take the same order: no deadlock
      ON CONFLICT (record_id, kind) DO NOTHING`.execute(q);
    qualityItems = Number(dq.numAffectedRows ?? 0);
  }
  return { hits: r.hits, cluesCreated: r.created, cluesMerged: r.merged, qualityItems };
}
