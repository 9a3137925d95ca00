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

/** `r.department = … AND r.record_kind = …` plus the batch when the scope is one. */
export function recordFilter(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  const r = sql.ref(alias);
  const base = sql<boolean>`${r}.department = ${input.rule.department} AND ${r}.record_kind = ${input.rule.recordKind}`;
  const b = input.scope.batch;
  if (!b) return base;
  return sql<boolean>`${base} AND ${r}.import_id = ${b.importId} AND ${r}.batch_no = ${b.batchNo}`;
}

/** Persons of the scope's region (the registry side of every match). */
export function personInScope(input: CompileInput, alias = 'p'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(alias)}.region_code LIKE ${likePrefix(input.scope.region)}`;
}

/** Records of the scope's region for the unmatched (data-quality) side of a full run; the batch scope is exact. */
export function recordInScope(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  if (input.scope.batch) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(alias)}.region_code LIKE ${likePrefix(input.scope.region)}`;
}

/** No person with this ID hash in the scope's region. */
export function noPersonInScope(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM persons q WHERE q.id_number_hash = ${sql.ref(alias)}.id_number_hash
    AND q.region_code LIKE ${likePrefix(input.scope.region)})`;
}

/**
 * For household aggregates in a batch scope: the households that have a person in the batch (their totals may have
 * changed); `true` for a full run.
 */
export function householdsOfBatch(input: CompileInput, householdColumn: RawBuilder<unknown>): RawBuilder<boolean> {
  const b = input.scope.batch;
  if (!b) return sql<boolean>`true`;
  // ARRAY(…) is evaluated once, then used as an index condition: the plan stays a few index lookups per batch row
  // whatever the (often stale, right after a bulk load) statistics say.
  return sql<boolean>`${householdColumn} = ANY (ARRAY(SELECT DISTINCT bp.household_id FROM feed_records br
    JOIN persons bp ON bp.id_number_hash = br.id_number_hash
    WHERE br.import_id = ${b.importId} AND br.batch_no = ${b.batchNo}))`;
}

/** '姓名（621124********1234）' of a record for findings. */
export function whoSql(alias = 'r'): RawBuilder<string> {
  const r = sql.ref(alias);
  return sql<string>`coalesce(${r}.data ->> 'name', '') || coalesce('（' || ${r}.id_number_masked || '）', '')`;
}

/**
 * For per-person aggregates in a batch scope: the records of the people in the batch, from every batch of the
 * region (a person's total spans files); a full run takes the records of the region.
 */
export function aggregateRecords(input: CompileInput, alias = 'r'): RawBuilder<boolean> {
  const r = sql.ref(alias);
  const base = sql<boolean>`${r}.department = ${input.rule.department} AND ${r}.record_kind = ${input.rule.recordKind}
    AND ${r}.region_code LIKE ${likePrefix(input.scope.region)}`;
  const b = input.scope.batch;
  if (!b) return base;
  return sql<boolean>`${base} AND ${r}.id_number_hash = ANY (ARRAY(SELECT DISTINCT br.id_number_hash FROM feed_records br
    WHERE br.import_id = ${b.importId} AND br.batch_no = ${b.batchNo} AND br.id_number_hash IS NOT NULL))`;
}
