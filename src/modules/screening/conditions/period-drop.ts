import { type RawBuilder, sql } from 'kysely';
import { fieldRef, jsonField } from '../record-fields.ts';
import { thresholdSql } from '../regional-thresholds.ts';
import type { PeriodDropCondition } from '../rule-types.ts';
import {
  aggregateRecords,
  type CompiledRule,
  type CompileInput,
  matched,
  noPersonInScope,
  recordFilter,
  thresholdValues,
  whoSql,
} from '../screen-scope.ts';

/**
 * period_drop (SPEC §10 default: wage income down ≥ 50% year on year): a person's amount in one period against the
 * same person's records of the same kind `months` earlier; a missing current amount (work ended) counts as zero.
 * One pass over the kind's records: a window per person ordered by month looks `months` back (one window column
 * per distinct `months` a region of the scope uses), instead of one index lookup per record.
 */
export function compilePeriodDrop(input: CompileInput): CompiledRule {
  const { rule, settings } = input;
  const c = rule.condition as PeriodDropCondition;
  const ref = fieldRef(rule.department, rule.recordKind, c.amountField);
  const amount = jsonField('r', c.amountField, ref.kind);
  const months = thresholdValues(input, 'months');
  const monthIndex = sql`(substr(r.period, 1, 4)::int * 12 + substr(r.period, 6, 2)::int)`;
  const windows = months.map(
    (m, i) => sql`max(x.amount) OVER (PARTITION BY x.id_number_hash ORDER BY x.month
      RANGE BETWEEN ${sql.lit(m)} PRECEDING AND ${sql.lit(m)} PRECEDING) AS ${sql.ref(`previous_${i}`)}`,
  );
  // The people whose records are compared: all of the kind (routine run) or those of the batch (real time). Narrow
  // rows first (OFFSET 0 keeps the projection), so the window sorts four columns, not whole records.
  const series = sql`SELECT x.id, x.period, x.amount, ${sql.join(windows)}
    FROM (SELECT r.id, r.period, r.id_number_hash, ${amount} AS amount, ${monthIndex} AS month
      FROM feed_records r WHERE ${aggregateRecords({ ...input, scope: { ...input.scope, region: '' } })} OFFSET 0) x`;
  // Only the records that fall under the loosest share any region of the scope uses can drop: a routine run keeps
  // those (a few) in an analysed temporary table that both the matched and the unmatched side read.
  const loosest = Math.min(
    Number(settings.base.thresholds.share),
    ...settings.inside.map((x) => Number(x.thresholds.share)),
  );
  const drops = sql`SELECT * FROM (${series}) s WHERE ${sql.join(
    months.map(
      (_, i) =>
        sql`(${sql.ref(`s.previous_${i}`)} > 0 AND coalesce(s.amount, 0) <= (1 - ${String(loosest)}::numeric) * ${sql.ref(`s.previous_${i}`)})`,
    ),
    sql` OR `,
  )}`;
  const routine = !input.scope.batch;
  const dropsRelation = routine ? sql`screening_drops` : sql`(${drops})`;
  const previous = (t: ReturnType<typeof thresholdSql>): RawBuilder<number> =>
    months.length === 1
      ? sql<number>`s.previous_0`
      : sql<number>`(CASE ${t.threshold('months')}::int ${sql.join(
          months.map((m, i) => sql`WHEN ${sql.lit(m)} THEN ${sql.ref(`s.previous_${i}`)}`),
          sql` `,
        )} END)`;
  const dropped = (t: ReturnType<typeof thresholdSql>) =>
    sql`${previous(t)} > 0 AND coalesce(s.amount, 0) <= (1 - ${t.threshold('share')}) * ${previous(t)}`;
  const before = (t: ReturnType<typeof thresholdSql>) =>
    sql`to_char(to_date(s.period || '-01', 'YYYY-MM-DD') - make_interval(months => ${t.threshold('months')}::int), 'YYYY-MM')`;

  const onHousehold = thresholdSql(settings, sql`cur.household_region`);
  const candidates = sql`SELECT 'r' || cur.id AS fact_hash, cur.id AS record_id,
      cur.household_id, cur.person_id, cur.household_region AS region_code,
      cur.monitoring_status = 'monitored' AS monitored, cur.person_id::text AS clue_subject,
      jsonb_build_object('rule', ${rule.code}::text, 'period', s.period, 'amountFen', s.amount,
        'previousPeriod', ${before(onHousehold)}, 'previousAmountFen', ${previous(onHousehold)}) AS facts,
      ${rule.finding}::text || '：' || ${whoSql('cur')} || '，' || ${before(onHousehold)} || '为'
        || to_char(${previous(onHousehold)} / 100.0, 'FM999999990.00') || '元，' || s.period || '为'
        || to_char(coalesce(s.amount, 0) / 100.0, 'FM999999990.00') || '元' AS finding
    FROM ${matched(input)} cur
    JOIN ${dropsRelation} s ON s.id = cur.id
    WHERE ${onHousehold.enabled()} AND ${dropped(onHousehold)}`;

  const onRecord = thresholdSql(settings, sql`cur.region_code`);
  const unmatched = sql`SELECT cur.id AS record_id, cur.region_code, cur.data ->> 'name' AS name, cur.id_number_masked
    FROM ${dropsRelation} s
    JOIN feed_records cur ON cur.id = s.id
    WHERE ${recordFilter(input, 'cur')} AND cur.region_code LIKE ${`${input.scope.region}%`}
      AND cur.id_number_hash IS NOT NULL AND ${noPersonInScope(input, 'cur')} AND ${onRecord.enabled()}
      AND ${dropped(onRecord)}`;
  return { stages: routine ? [{ name: 'screening_drops', query: drops }] : [], candidates, unmatched };
}
