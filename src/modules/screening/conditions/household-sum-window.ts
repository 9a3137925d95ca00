import { type RawBuilder, sql } from 'kysely';
import { fieldRef } from '../record-fields.ts';
import { thresholdSql } from '../regional-thresholds.ts';
import type { SumWindowCondition } from '../rule-types.ts';
import {
  aggregateRecords,
  type CompiledRule,
  type CompileInput,
  householdInScope,
  kindOf,
  likePrefix,
  ofBatchHouseholds,
  thresholdValues,
} from '../screen-scope.ts';

/**
 * household_sum_window (SPEC §10 medical default): the household's total of an amount over the last N months (e.g.
 * out-of-pocket medical cost) at or above an amount, or at or above a share of the household's annual net income (the
 * latest income year up to the as-of year, SPEC §4.3). One hit per household and newest contributing record, so
 * screening again finds nothing new until a new record arrives.
 *
 * The records are summed per household (their household link, migration 0006) before any household is read: one
 * pass over the kind with one total per window length a region of the scope uses, then the households of the totals.
 */
export function compileSumWindow(input: CompileInput): CompiledRule {
  const { rule, asOf } = input;
  const c = rule.condition as SumWindowCondition;
  const amount = fieldRef(rule.department, rule.recordKind, c.amountField).expr;
  const when = fieldRef(rule.department, rule.recordKind, c.dateField).expr;
  const months = thresholdValues(input, 'months');
  const since = (m: number | RawBuilder<unknown>) => sql`${asOf}::date - make_interval(months => ${m}::int)`;
  const inWindow = (m: number, day: RawBuilder<unknown> = when) => sql`${day} > ${since(m)}`;
  const year = Number(asOf.slice(0, 4));

  // Per household and window length: total, newest record, number of records.
  const perWindow = months.map(
    (m, i) => sql`sum(r.amount) FILTER (WHERE ${inWindow(m, sql`r.day`)}) AS ${sql.ref(`total_${i}`)},
      max(r.id) FILTER (WHERE ${inWindow(m, sql`r.day`)}) AS ${sql.ref(`last_${i}`)},
      count(*) FILTER (WHERE ${inWindow(m, sql`r.day`)}) AS ${sql.ref(`n_${i}`)}`,
  );
  const onHousehold = thresholdSql(input.settings, sql`s.household_region`);
  const pick = (column: string) =>
    months.length === 1
      ? sql.ref(`s.${column}_0`)
      : sql`(CASE ${onHousehold.threshold('months')}::int ${sql.join(
          months.map((m, i) => sql`WHEN ${sql.lit(m)} THEN ${sql.ref(`s.${column}_${i}`)}`),
          sql` `,
        )} END)`;

  // Latest income year up to the as-of year, only for the households with a total: by index in real time (a few
  // households), in one pass in a routine run.
  const net = sql`i.wage + i.business_gross - i.business_cost + i.property + i.transfer`;
  const income = input.scope.batch
    ? sql`LEFT JOIN LATERAL (
      SELECT i.year, ${net} AS net
      FROM household_incomes i WHERE i.household_id = a.household_id AND i.year <= ${year}
      ORDER BY i.year DESC, (i.survey = 'annual') DESC, i.recorded_at DESC LIMIT 1
    ) inc ON true`
    : sql`LEFT JOIN (
      SELECT DISTINCT ON (i.household_id) i.household_id, i.year, ${net} AS net
      FROM household_incomes i
      WHERE i.year <= ${year} AND i.household_id IN (SELECT household_id FROM screening_scoped)
      ORDER BY i.household_id, i.year DESC, (i.survey = 'annual') DESC, i.recorded_at DESC
    ) inc ON inc.household_id = a.household_id`;

  const onAgg = thresholdSql(input.settings, sql`a.household_region`);
  // Narrow rows first (OFFSET 0 keeps the projection): the aggregate then reads four columns, not whole records.
  const sums = sql`SELECT r.household_id, ${sql.join(perWindow)}
    FROM (SELECT r.household_id, r.id, ${amount} AS amount, ${when} AS day
      FROM feed_records r
      WHERE ${kindOf(input, 'r')} AND r.household_id IS NOT NULL AND ${ofBatchHouseholds(input)}
        AND ${inWindow(Math.max(...months))} AND ${when} <= ${asOf}::date OFFSET 0) r
    GROUP BY r.household_id`;
  // The totals of the scope's households, with what the rule reads of them.
  const scoped = sql`SELECT s.*, h.region_code AS household_region, h.monitoring_status
    FROM screening_sums s JOIN households h ON h.id = s.household_id
    WHERE h.region_code LIKE ${likePrefix(input.scope.region)}`;
  const candidates = sql`WITH agg AS (
      SELECT s.household_id, s.household_region, s.monitoring_status = 'monitored' AS monitored,
        ${pick('total')} AS total, ${pick('last')} AS last_record, ${pick('n')} AS n
      FROM screening_scoped s
      WHERE ${onHousehold.enabled()}
    )
    SELECT 'h' || a.household_id || ':' || a.last_record AS fact_hash, a.last_record AS record_id,
      a.household_id, NULL::uuid AS person_id, a.household_region AS region_code, a.monitored, '' AS clue_subject,
      jsonb_build_object('rule', ${rule.code}::text, 'totalFen', a.total, 'records', a.n, 'asOf', ${asOf}::text,
        'months', ${onAgg.threshold('months')}, 'netIncome', inc.net, 'incomeYear', inc.year) AS facts,
      ${rule.finding}::text || '：近' || ${onAgg.threshold('months')} || '个月合计'
        || to_char(a.total / 100.0, 'FM999999990.00') || '元'
        || coalesce('，' || inc.year || '年家庭纯收入' || to_char(inc.net, 'FM999999990.00') || '元', '') AS finding
    FROM agg a
    ${income}
    WHERE a.total > 0 AND (a.total >= ${onAgg.threshold('amountYuan', 100)}
      OR (inc.net IS NOT NULL AND a.total >= ${onAgg.threshold('shareOfNetIncome')} * inc.net * 100))`;

  // A person not in the registry: judged alone against the amount (no household income to compare with). All records
  // of one ID hash share its links. A routine run reads only the records without a person and those of households
  // outside the scope (found from the totals it has just made) before summing per ID hash; in real time the few
  // totals over the amount are checked against the registry of the scope.
  const onRecord = thresholdSql(input.settings, sql`x.region_code`);
  const routine = !input.scope.batch;
  const unmatchedRecords = sql`SELECT r.id, r.id_number_hash, r.household_id, r.region_code, ${amount} AS amount,
      ${when} AS day
    FROM feed_records r
    WHERE ${aggregateRecords(input)} AND r.id_number_hash IS NOT NULL`;
  // Records with no person (the partial index of migration 0011 finds them), and records of persons whose household
  // has records but lies outside the scope (usually none).
  const routineUnmatched = sql`(${unmatchedRecords} AND r.household_id IS NULL OFFSET 0)
    UNION ALL (${unmatchedRecords} AND r.household_id IS NOT NULL
      AND r.id_number_hash = ANY (ARRAY(SELECT p.id_number_hash FROM persons p
        WHERE p.household_id IN (SELECT s.household_id FROM screening_sums s
          WHERE NOT EXISTS (SELECT 1 FROM screening_scoped c WHERE c.household_id = s.household_id)))) OFFSET 0)`;
  const unmatched = sql`SELECT u.record_id, r.region_code, r.data ->> 'name' AS name, r.id_number_masked
    FROM (SELECT max(x.id) AS record_id, (array_agg(x.household_id))[1] AS household_id
      FROM (${routine ? routineUnmatched : sql`${unmatchedRecords} OFFSET 0`}) x
      WHERE ${onRecord.enabled()} AND x.day > ${since(onRecord.threshold('months'))} AND x.day <= ${asOf}::date
      GROUP BY x.id_number_hash
      HAVING sum(x.amount) >= min(${onRecord.threshold('amountYuan', 100)})) u
    JOIN feed_records r ON r.id = u.record_id
    WHERE ${routine ? sql`true` : sql`u.household_id IS NULL OR NOT ${householdInScope(input, sql`u.household_id`)}`}`;
  return {
    stages: [
      { name: 'screening_sums', query: sums },
      { name: 'screening_scoped', query: scoped },
    ],
    candidates,
    unmatched,
  };
}
