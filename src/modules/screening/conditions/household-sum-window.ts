import { sql } from 'kysely';
import { fieldRef } from '../record-fields.ts';
import { thresholdSql } from '../regional-thresholds.ts';
import type { SumWindowCondition } from '../rule-types.ts';
import {
  aggregateRecords,
  type CompiledRule,
  type CompileInput,
  likePrefix,
  matched,
  noPersonInScope,
} from '../screen-scope.ts';

/**
 * household_sum_window (SPEC §10 medical default): the household's total of an amount over the last N months (e.g.
 * out-of-pocket medical cost) at or above an amount, or at or above a share of the household's annual net income (the
 * latest income year up to the as-of year, SPEC §4.3). One hit per household and newest contributing record, so
 * screening again finds nothing new until a new record arrives.
 */
export function compileSumWindow(input: CompileInput): CompiledRule {
  const { rule, asOf } = input;
  const c = rule.condition as SumWindowCondition;
  const amount = fieldRef(rule.department, rule.recordKind, c.amountField).expr;
  const when = fieldRef(rule.department, rule.recordKind, c.dateField).expr;
  const onMatch = thresholdSql(input.settings, sql`r.household_region`);
  const onHousehold = thresholdSql(input.settings, sql`a.household_region`);
  const window = (t: typeof onMatch) =>
    sql`${when} > ${asOf}::date - make_interval(months => ${t.threshold('months')}::int) AND ${when} <= ${asOf}::date`;
  const year = Number(asOf.slice(0, 4));

  // Latest income year up to the as-of year: per household by index in real time (a few households), in one pass
  // over the region's incomes in a routine run.
  const income = input.scope.batch
    ? sql`LEFT JOIN LATERAL (
      SELECT i.year, i.wage + i.business_gross - i.business_cost + i.property + i.transfer AS net
      FROM household_incomes i WHERE i.household_id = a.household_id AND i.year <= ${year}
      ORDER BY i.year DESC, (i.survey = 'annual') DESC, i.recorded_at DESC LIMIT 1
    ) inc ON true`
    : sql`LEFT JOIN (
      SELECT DISTINCT ON (i.household_id) i.household_id, i.year,
        i.wage + i.business_gross - i.business_cost + i.property + i.transfer AS net
      FROM household_incomes i
      WHERE i.year <= ${year} AND i.region_code LIKE ${likePrefix(input.scope.region)}
      ORDER BY i.household_id, i.year DESC, (i.survey = 'annual') DESC, i.recorded_at DESC
    ) inc ON inc.household_id = a.household_id`;
  // OFFSET 0 keeps the inner projection narrow: the aggregate then sorts five columns, not whole JSON records.
  const candidates = sql`WITH agg AS (
      SELECT household_id, min(household_region) AS household_region, bool_or(monitored) AS monitored,
        sum(amount) AS total, max(id) AS last_record, count(*) AS n
      FROM (SELECT r.household_id, r.household_region, r.monitoring_status = 'monitored' AS monitored, r.id,
          ${amount} AS amount
        FROM ${matched(input, true)} r
        WHERE ${onMatch.enabled()} AND ${window(onMatch)} OFFSET 0) x
      GROUP BY household_id
    )
    SELECT 'h' || a.household_id || ':' || a.last_record AS fact_hash, a.last_record AS record_id,
      a.household_id, NULL::uuid AS person_id, a.household_region AS region_code, a.monitored, '' AS clue_subject,
      jsonb_build_object('rule', ${rule.code}::text, 'totalFen', a.total, 'records', a.n, 'asOf', ${asOf}::text,
        'months', ${onHousehold.threshold('months')}, 'netIncome', inc.net, 'incomeYear', inc.year) AS facts,
      ${rule.finding}::text || '：近' || ${onHousehold.threshold('months')} || '个月合计'
        || to_char(a.total / 100.0, 'FM999999990.00') || '元'
        || coalesce('，' || inc.year || '年家庭纯收入' || to_char(inc.net, 'FM999999990.00') || '元', '') AS finding
    FROM agg a
    ${income}
    WHERE a.total > 0 AND (a.total >= ${onHousehold.threshold('amountYuan', 100)}
      OR (inc.net IS NOT NULL AND a.total >= ${onHousehold.threshold('shareOfNetIncome')} * inc.net * 100))`;

  // A person not in the registry: judged alone against the amount (no household income to compare with).
  const onRecord = thresholdSql(input.settings, sql`r.region_code`);
  const unmatched = sql`SELECT max(r.id) AS record_id, min(r.region_code) AS region_code,
      min(r.data ->> 'name') AS name, min(r.id_number_masked) AS id_number_masked
    FROM feed_records r
    WHERE ${aggregateRecords(input)} AND r.id_number_hash IS NOT NULL
      AND ${noPersonInScope(input)} AND ${onRecord.enabled()} AND ${window(onRecord)}
    GROUP BY r.id_number_hash
    HAVING sum(${amount}) >= ${onRecord.threshold('amountYuan', 100)}`;
  return { candidates, unmatched };
}
