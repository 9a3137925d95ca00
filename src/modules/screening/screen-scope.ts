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
  /**
   * Intermediate relations the candidates read by name (e.g. per-household totals). A routine run writes each to a
   * temporary table and analyses it, so that the statements after it are planned on real row counts (the planner
   * cannot estimate filters on JSON fields and would otherwise loop over index lookups for a whole county); in real
   * time they are common table expressions of the candidates' statement.
   */
  stages?: { name: string; query: RawBuilder<unknown> }[];
  candidates: RawBuilder<unknown>;
  /** Rows for data_quality_items: record_id, region_code, name, id_number_masked. Absent when not applicable. */
  unmatched?: RawBuilder<unknown>;
}

export const likePrefix = (region: string) => `${region.replace(/[%_\\]/g, '')}%`;

/** `<alias>.department = … AND <alias>.record_kind = …` of the rule. */
export const kindOf = (input: CompileInput, alias = 'r') =>
  sql<boolean>`${sql.ref(alias)}.department = ${input.rule.department} AND ${sql.ref(alias)}.record_kind = ${input.rule.recordKind}`;

/**
 * The rule's department records, each with its person and household in the scope's region, as one relation (use it
 * as `r`): the record's columns (id, data, period, region_code, id_number_hash, id_number_masked) and the registry
 * fields rules may test (person_id, household_id, household_region, monitoring_status, backstop, lifted_out, health,
 * status, relation, labor, employment, education, disability_level). Person and household are the record's links
 * (kept by the importer and by triggers on persons from the keyed ID hash, migration 0006), so a routine run does not
 * join every record to every person: PostgreSQL flattens this subquery into the rule's statement and drops the
 * persons join when the rule reads no person field.
 *
 * A routine run takes every record of the kind (or those of `ids`, a relation of record ids that passed the rule's
 * record tests). In real time, record rules take the batch's own records, and household
 * aggregates take every record of the households that have a person in the batch (their totals may have changed);
 * ARRAY(…) is evaluated once and then used as an index condition, so the plan stays a few index lookups per batch row
 * whatever the (stale) statistics say.
 */
export function matched(input: CompileInput, aggregate = false, ids?: RawBuilder<unknown>): RawBuilder<unknown> {
  const b = input.scope.batch;
  let where = kindOf(input, 'fr');
  if (b && !aggregate) {
    where = sql<boolean>`${where} AND fr.import_id = ${b.importId} AND fr.batch_no = ${b.batchNo}`;
  } else if (b) {
    where = sql<boolean>`${where} AND ${ofBatchHouseholds(input, 'fr')}`;
  }
  return sql`(SELECT fr.id, fr.data, fr.period, fr.region_code, fr.id_number_hash, fr.id_number_masked,
      fr.person_id, fr.household_id, h.region_code AS household_region, h.monitoring_status, h.backstop,
      h.lifted_out, p.health, p.status, p.relation, p.labor, p.employment, p.education, p.disability_level
    FROM ${ids ? sql`${ids} st JOIN feed_records fr ON fr.id = st.id` : sql`feed_records fr`}
    JOIN households h ON h.id = fr.household_id
    LEFT JOIN persons p ON p.id = fr.person_id
    WHERE ${where} AND h.region_code LIKE ${likePrefix(input.scope.region)})`;
}

/**
 * In real time, the records of every member of the households that have a person in the batch (a household total
 * spans members and files), found through the ID-hash index; `true` in a routine run.
 */
export function ofBatchHouseholds(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  const b = input.scope.batch;
  if (!b) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(alias)}.id_number_hash = ANY (ARRAY(SELECT hp.id_number_hash FROM persons hp
    WHERE hp.household_id = ANY (ARRAY(SELECT DISTINCT br.household_id FROM feed_records br
      WHERE br.import_id = ${b.importId} AND br.batch_no = ${b.batchNo} AND br.household_id IS NOT NULL))))`;
}

/** The distinct values a numeric threshold takes in the scope (the base and every region's own), rounded. */
export function thresholdValues(input: CompileInput, name: string): number[] {
  const { base, inside } = input.settings;
  return [...new Set([base.thresholds[name], ...inside.map((s) => s.thresholds[name])])].map((m) =>
    Math.round(Number(m)),
  );
}

/** The household `household_id` is in the scope's region (for groups aggregated before the household is read). */
export function householdInScope(input: CompileInput, householdId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM households q WHERE q.id = ${householdId}
    AND q.region_code LIKE ${likePrefix(input.scope.region)})`;
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

/** The record has no person in the scope's region: not linked to any person, or to one whose household is elsewhere. */
export function noPersonInScope(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  const r = sql.ref(alias);
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM households q WHERE q.id = ${r}.household_id
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

/** '姓名（621124**********34）' of a record for findings. */
export function whoSql(alias = 'r'): RawBuilder<string> {
  const r = sql.ref(alias);
  return sql<string>`coalesce(${r}.data ->> 'name', '') || coalesce('（' || ${r}.id_number_masked || '）', '')`;
}
