import { sql } from 'kysely';
import { fieldRef } from '../record-fields.ts';
import { thresholdSql } from '../regional-thresholds.ts';
import type { PerCapitaCondition } from '../rule-types.ts';
import { aggregateRecords, type CompiledRule, type CompileInput, matched, noPersonInScope } from '../screen-scope.ts';

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
  const onHousehold = thresholdSql(input.settings, sql`a.household_region`);

  const candidates = sql`WITH latest AS (
      SELECT *, rank() OVER (PARTITION BY person_id ORDER BY asof DESC NULLS LAST) AS pos
      FROM (SELECT r.person_id, r.household_id, r.household_region, r.monitoring_status, r.id, ${amount} AS amount,
          ${when} AS asof
        FROM ${matched(input, true)} r OFFSET 0) x
    ), agg AS (
      SELECT household_id, min(household_region) AS household_region,
        bool_or(monitoring_status = 'monitored') AS monitored, sum(amount) AS total, max(id) AS last_record
      FROM latest WHERE pos = 1
      GROUP BY household_id
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
    WHERE ${onHousehold.enabled()}
      AND a.total >= ${onHousehold.threshold('perCapitaYuan', 100)} * greatest(mb.members, 1)`;

  const onRecord = thresholdSql(input.settings, sql`l.region_code`);
  const unmatched = sql`WITH latest AS (
      SELECT r.id, r.id_number_hash, r.region_code, r.id_number_masked, r.data ->> 'name' AS name,
        ${amount} AS amount, rank() OVER (PARTITION BY r.id_number_hash ORDER BY ${when} DESC NULLS LAST) AS pos
      FROM feed_records r
      WHERE ${aggregateRecords(input)} AND r.id_number_hash IS NOT NULL AND ${noPersonInScope(input)}
    )
    SELECT max(l.id) AS record_id, min(l.region_code) AS region_code, min(l.name) AS name,
      min(l.id_number_masked) AS id_number_masked
    FROM latest l WHERE l.pos = 1 AND ${onRecord.enabled()}
    GROUP BY l.id_number_hash
    HAVING sum(l.amount) >= min(${onRecord.threshold('perCapitaYuan', 100)})`;
  return { candidates, unmatched };
}
