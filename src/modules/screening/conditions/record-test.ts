import { sql } from 'kysely';
import { findFeedRecord } from '../../../domain/feeds/index.ts';
import { conditionSql } from '../field-tests.ts';
import { thresholdSql } from '../regional-thresholds.ts';
import type { RecordTestCondition } from '../rule-types.ts';
import {
  type CompiledRule,
  type CompileInput,
  kindOf,
  likePrefix,
  matched,
  noPersonInScope,
  recordFilter,
  recordInScope,
  whoSql,
} from '../screen-scope.ts';

/**
 * record_test (SPEC §10): each department record that passes the tests is one hit. Records are joined to persons by
 * the keyed ID hash; records that concern a village (water failures, matchBy region_code) reach every household of
 * that village; public opinion (matchBy none) without a known person becomes a clue on its region.
 */
export function compileRecordTest(input: CompileInput): CompiledRule {
  const { rule } = input;
  const condition = rule.condition as RecordTestCondition;
  const matchBy = findFeedRecord(rule.department, rule.recordKind)?.matchBy ?? 'id_number';
  const onHousehold = thresholdSql(input.settings, sql`r.household_region`);
  const onRecord = thresholdSql(input.settings, sql`r.region_code`);
  const test = conditionSql(rule.department, rule.recordKind, condition, onHousehold, true);
  const finding = sql`${rule.finding}::text || '：' || ${whoSql()}`;
  const facts = sql`jsonb_build_object('rule', ${rule.code}::text, 'recordId', r.id, 'period', r.period, 'values', r.data)`;

  // A routine run with the same thresholds everywhere in its scope tests the records once: the ids that pass the
  // record tests go to an analysed temporary table that both sides read (the tests on JSON fields cost more than
  // anything else, and the planner cannot estimate them).
  const anyOnRegistry = (condition.any ?? []).some(
    (t) => t.field.startsWith('person.') || t.field.startsWith('household.'),
  );
  const uniform = input.settings.inside.every(
    (x) => JSON.stringify(x.thresholds) === JSON.stringify(input.settings.base.thresholds),
  );
  const staged = !input.scope.batch && matchBy === 'id_number' && uniform && !anyOnRegistry;
  const ids = staged ? sql`screening_records` : undefined;
  const recordsPassing = sql`SELECT r.id FROM feed_records r
    WHERE ${kindOf(input, 'r')} AND ${conditionSql(rule.department, rule.recordKind, condition, onRecord, false)}`;

  const byPerson = sql`SELECT 'r' || r.id AS fact_hash, r.id AS record_id, r.household_id, r.person_id,
      r.household_region AS region_code, r.monitoring_status = 'monitored' AS monitored,
      r.person_id::text AS clue_subject, ${facts} AS facts, ${finding} AS finding
    FROM ${matched(input, false, ids)} r
    WHERE ${onHousehold.enabled()} AND ${test}`;

  const unmatchedTest = conditionSql(rule.department, rule.recordKind, condition, onRecord, false);
  const unmatched = sql`SELECT r.id AS record_id, r.region_code, r.data ->> 'name' AS name,
      r.id_number_masked
    FROM ${ids ? sql`screening_records st JOIN feed_records r ON r.id = st.id` : sql`feed_records r`}
    WHERE ${recordFilter(input)} AND ${recordInScope(input)} AND r.id_number_hash IS NOT NULL
      AND ${noPersonInScope(input)} AND ${onRecord.enabled()} AND ${ids ? sql`true` : unmatchedTest}`;

  if (staged)
    return { stages: [{ name: 'screening_records', query: recordsPassing }], candidates: byPerson, unmatched };
  if (matchBy === 'id_number') return { candidates: byPerson, unmatched };

  const region = sql`coalesce(r.subject_region, r.region_code)`;
  const onRegion = thresholdSql(input.settings, region);
  const regionTest = conditionSql(rule.department, rule.recordKind, condition, onRegion, false);
  const regionScope = input.scope.batch ? sql`true` : sql`${region} LIKE ${likePrefix(input.scope.region)}`;
  if (matchBy === 'region_code') {
    // A village-wide problem reaches each household of the village (or township/county when the code is shorter).
    const onVillage = thresholdSql(input.settings, sql`h.region_code`);
    const byRegion = sql`SELECT 'r' || r.id || ':' || h.id AS fact_hash, r.id AS record_id, h.id AS household_id,
        NULL::uuid AS person_id, h.region_code, h.monitoring_status = 'monitored' AS monitored, '' AS clue_subject,
        ${facts} AS facts, ${rule.finding}::text || '：' || coalesce(r.data ->> 'regionName', r.subject_region) AS finding
      FROM feed_records r
      JOIN households h ON (length(r.subject_region) = 12 AND h.region_code = r.subject_region)
        OR (length(r.subject_region) < 12 AND left(h.region_code, length(r.subject_region)) = r.subject_region)
      WHERE ${recordFilter(input)} AND r.id_number_hash IS NULL AND r.subject_region IS NOT NULL
        AND h.region_code LIKE ${likePrefix(input.scope.region)} AND ${onVillage.enabled()} AND ${regionTest}`;
    return { candidates: sql`${byPerson} UNION ALL ${byRegion}`, unmatched };
  }
  // matchBy none: social information; a clue on the household when the person is known, else on the region.
  const byPlace = sql`SELECT 'r' || r.id AS fact_hash, r.id AS record_id, NULL::uuid AS household_id,
      NULL::uuid AS person_id, ${region} AS region_code, false AS monitored, r.id::text AS clue_subject,
      ${facts} AS facts, ${rule.finding}::text || '：' || coalesce(r.data ->> 'title', '') AS finding
    FROM feed_records r
    WHERE ${recordFilter(input)} AND ${regionScope} AND ${onRegion.enabled()} AND ${regionTest}
      AND (r.id_number_hash IS NULL OR ${noPersonInScope(input)})`;
  return { candidates: sql`${byPerson} UNION ALL ${byPlace}` };
}
