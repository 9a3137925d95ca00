import { sql } from 'kysely';
import { fieldRef } from '../record-fields.ts';
import { thresholdSql } from '../regional-thresholds.ts';
import type { PerCapitaCondition } from '../rule-types.ts';
import {
  aggregateRecords,
  type CompiledRule,
  type CompileInput,
  householdInScope,
  kindOf,
  likePrefix,
  ofBatchHouseholds,
} from '../screen-scope.ts';

/**
 * household_per_capita (SPEC §10 deposits default: ≥ 50,000 yuan per capita → exclusion check): each member's latest
 * figures (all records of the latest date, e.g. one per bank) summed over the household and divided by its normal
 * members (SPEC §7.3: deceased, imprisoned, missing and not-sharing persons are not counted).
 */
export function compilePerCapita(input: CompileInput): CompiledRule {
  const { rule } = input;
  const c = rule.condition as PerCapitaCondition;
  const amount = fieldRef(rule.department, rule.recordKind, c.amountField).expr;
  const when = fieldRef(rule.department, rule.recordKind, c.dateField).expr;
  const onHousehold = thresholdSql(input.settings, sql`h.region_code`);
  const onAgg = thresholdSql(input.settings, sql`a.household_region`);

  // Each member's latest figures summed per household (the records' household link, migration 0006) before any
  // household is read; a household below the amount for one member cannot reach it per capita, so only the others
  // have their members counted.
  const candidates = sql`WITH latest AS (
      SELECT r.household_id, r.id, ${amount} AS amount,
        rank() OVER (PARTITION BY r.person_id ORDER BY ${when} DESC NULLS LAST) AS pos
      FROM feed_records r
      WHERE ${kindOf(input, 'r')} AND r.household_id IS NOT NULL AND ${ofBatchHouseholds(input)}
    ), sums AS (
      SELECT household_id, sum(amount) AS total, max(id) AS last_record FROM latest WHERE pos = 1 GROUP BY household_id
    ), agg AS (
      SELECT s.household_id, s.total, s.last_record, h.region_code AS household_region,
        h.monitoring_status = 'monitored' AS monitored
      FROM sums s JOIN households h ON h.id = s.household_id
      WHERE h.region_code LIKE ${likePrefix(input.scope.region)} AND ${onHousehold.enabled()}
        AND s.total >= ${onHousehold.threshold('perCapitaYuan', 100)}
    )
    SELECT 'h' || a.household_id || ':' || a.last_record AS fact_hash, a.last_record AS record_id,
      a.household_id, NULL::uuid AS person_id, a.household_region AS region_code, a.monitored, '' AS clue_subject,
      jsonb_build_object('rule', ${rule.code}::text, 'totalFen', a.total, 'members', mb.members) AS facts,
      ${rule.finding}::text || '：家庭合计' || to_char(a.total / 100.0, 'FM999999990.00') || '元，共同生活成员'
        || mb.members || '人，人均' || to_char(a.total / 100.0 / greatest(mb.members, 1), 'FM999999990.00') || '元'
        AS finding
    FROM agg a
    CROSS JOIN LATERAL (SELECT count(*) AS members FROM persons q
      WHERE q.household_id = a.household_id AND q.status = 'normal') mb
    WHERE a.total >= ${onAgg.threshold('perCapitaYuan', 100)} * greatest(mb.members, 1)`;

  // Persons not in the registry: all records of one ID hash share its links, so the latest totals are made per hash
  // first and only those over the amount are checked against the registry of the scope.
  const onRecord = thresholdSql(input.settings, sql`l.region_code`);
  const unmatched = sql`WITH latest AS (
      SELECT r.id, r.id_number_hash, r.region_code, r.household_id, ${amount} AS amount,
        rank() OVER (PARTITION BY r.id_number_hash ORDER BY ${when} DESC NULLS LAST) AS pos
      FROM feed_records r
      WHERE ${aggregateRecords(input)} AND r.id_number_hash IS NOT NULL
    )
    SELECT u.record_id, r.region_code, r.data ->> 'name' AS name, r.id_number_masked
    FROM (SELECT max(l.id) AS record_id, (array_agg(l.household_id))[1] AS household_id
      FROM latest l WHERE l.pos = 1 AND ${onRecord.enabled()}
      GROUP BY l.id_number_hash
      HAVING sum(l.amount) >= min(${onRecord.threshold('perCapitaYuan', 100)})) u
    JOIN feed_records r ON r.id = u.record_id
    WHERE u.household_id IS NULL OR NOT ${householdInScope(input, sql`u.household_id`)}`;
  return { candidates, unmatched };
}
