import { type RawBuilder, sql } from 'kysely';
import type { EffectiveSettings } from './regional-thresholds.ts';
import type { ScreeningRule } from './rule-types.ts';

/**
 * What one screening statement covers (SPEC §10): the whole registry of a region (routine run), or the records of
 * one newly committed import batch (real time) — always within a region: persons are matched inside it, and records
 * whose person is not there become data-quality items.
 */
export interface ScreenScope {
  region: string;
  batch?: { importId: string; batchNo: number };
}

/** Everything a condition compiler needs for one rule. */
export interface CompileInput {
  rule: ScreeningRule;
  settings: EffectiveSettings;
  scope: ScreenScope;
  /** 'YYYY-MM-DD': the end of windows such as "the last 12 months". */
  asOf: string;
}

/**
 * The rows a rule hits, in the shape apply-hits.ts inserts: one row per fact, with the household (or only a region
 * for social information), the person, whether the household is monitored, the facts and the Chinese finding.
 * `clue_subject` is what, beside household, rule and source, tells one open clue from another (SPEC §6 merge).
 */
export interface CompiledRule {
  candidates: RawBuilder<unknown>;
  /** Rows for data_quality_items: record_id, region_code, name, id_number_masked. Absent when not applicable. */
  unmatched?: RawBuilder<unknown>;
}

export const likePrefix = (region: string) => `${region.replace(/[%_\\]/g, '')}%`;

/** The temporary table a routine run matches records to persons in, once for all rules (see run-rules.ts). */
export const MATCHES_TABLE = 'screening_matches';

/**
 * Department records joined to the persons (by the keyed ID hash) and households of the scope's region, with the
 * registry fields rules may test. `where` narrows the records.
 */
export function matchesQuery(region: string, where: RawBuilder<boolean> = sql<boolean>`true`): RawBuilder<unknown> {
  return sql`SELECT r.id AS record_id, r.department, r.record_kind, p.id AS person_id, p.household_id,
      h.region_code AS household_region, h.monitoring_status, h.backstop, h.lifted_out,
      p.health, p.status, p.relation, p.labor, p.employment, p.education, p.disability_level
    FROM feed_records r
    JOIN persons p ON p.id_number_hash = r.id_number_hash
    JOIN households h ON h.id = p.household_id
    WHERE p.region_code LIKE ${likePrefix(region)} AND ${where}`;
}

/** `<alias>.department = … AND <alias>.record_kind = …` of the rule. */
export const kindFilter = (input: CompileInput, alias = 'r') => kindOf(input, alias);

const kindOf = (input: CompileInput, alias: string) =>
  sql<boolean>`${sql.ref(alias)}.department = ${input.rule.department} AND ${sql.ref(alias)}.record_kind = ${input.rule.recordKind}`;

/**
 * The matched records of the rule's kind, as a relation `m`. A routine run reads the run's matches table. In real
 * time, record rules read the batch's own records and household aggregates read every record of the households that
 * have a person in the batch (their totals may have changed). ARRAY(…) is evaluated once and then used as an index
 * condition, so the plan stays a few index lookups per batch row whatever the (stale) statistics say.
 */
export function matched(input: CompileInput, aggregate = false): RawBuilder<unknown> {
  const b = input.scope.batch;
  if (!b) return sql`(SELECT * FROM ${sql.table(MATCHES_TABLE)} mt WHERE ${kindOf(input, 'mt')})`;
  if (!aggregate) {
    return sql`(${matchesQuery(
      input.scope.region,
      sql<boolean>`${kindOf(input, 'r')} AND r.import_id = ${b.importId}
      AND r.batch_no = ${b.batchNo}`,
    )})`;
  }
  return sql`(${matchesQuery(
    input.scope.region,
    sql<boolean>`${kindOf(input, 'r')} AND p.household_id = ANY (ARRAY(SELECT DISTINCT bp.household_id
      FROM feed_records br JOIN persons bp ON bp.id_number_hash = br.id_number_hash
      WHERE br.import_id = ${b.importId} AND br.batch_no = ${b.batchNo}))`,
  )})`;
}

/** `r.department = … AND r.record_kind = …` plus the batch when the scope is one. */
export function recordFilter(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  const b = input.scope.batch;
  if (!b) return kindOf(input, alias);
  return sql<boolean>`${kindOf(input, alias)} AND ${sql.ref(alias)}.import_id = ${b.importId}
    AND ${sql.ref(alias)}.batch_no = ${b.batchNo}`;
}

/** Records of the scope's region for the unmatched (data-quality) side of a full run; the batch scope is exact. */
export function recordInScope(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  if (input.scope.batch) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(alias)}.region_code LIKE ${likePrefix(input.scope.region)}`;
}

/** No person with this ID hash in the scope's region (a routine run asks its matches table). */
export function noPersonInScope(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  const r = sql.ref(alias);
  if (!input.scope.batch) {
    return sql<boolean>`NOT EXISTS (SELECT 1 FROM ${sql.table(MATCHES_TABLE)} q WHERE q.record_id = ${r}.id)`;
  }
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM persons q WHERE q.id_number_hash = ${r}.id_number_hash
    AND q.region_code LIKE ${likePrefix(input.scope.region)})`;
}

/**
 * For per-person aggregates of unmatched records: in real time the records of the people in the batch, from every
 * batch of the region (a person's total spans files); a routine run takes the records of the region.
 */
export function aggregateRecords(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  const r = sql.ref(alias);
  const base = sql<boolean>`${kindOf(input, alias)} AND ${r}.region_code LIKE ${likePrefix(input.scope.region)}`;
  const b = input.scope.batch;
  if (!b) return base;
  return sql<boolean>`${base} AND ${r}.id_number_hash = ANY (ARRAY(SELECT DISTINCT br.id_number_hash FROM feed_records br
    WHERE br.import_id = ${b.importId} AND br.batch_no = ${b.batchNo} AND br.id_number_hash IS NOT NULL))`;
}

/** '姓名（621124********1234）' of a record for findings. */
export function whoSql(alias = 'r'): RawBuilder<string> {
  const r = sql.ref(alias);
  return sql<string>`coalesce(${r}.data ->> 'name', '') || coalesce('（' || ${r}.id_number_masked || '）', '')`;
}
