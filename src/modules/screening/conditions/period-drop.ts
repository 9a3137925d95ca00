import { sql } from 'kysely';
import { fieldRef, jsonField } from '../record-fields.ts';
import { thresholdSql } from '../regional-thresholds.ts';
import type { PeriodDropCondition } from '../rule-types.ts';
import {
  type CompiledRule,
  type CompileInput,
  kindFilter,
  matched,
  noPersonInScope,
  recordFilter,
  recordInScope,
  whoSql,
} from '../screen-scope.ts';

/**
 * period_drop (SPEC §10 default: wage income down ≥ 50% year on year): a person's amount in one period against the
 * same person's record of the same kind `months` earlier; a missing current amount (work ended) counts as zero.
 */
export function compilePeriodDrop(input: CompileInput): CompiledRule {
  const { rule } = input;
  const c = rule.condition as PeriodDropCondition;
  const ref = fieldRef(rule.department, rule.recordKind, c.amountField);
  const cur = jsonField('cur', c.amountField, ref.kind);
  const prev = jsonField('prev', c.amountField, ref.kind);
  const pair = (t: ReturnType<typeof thresholdSql>) => sql`JOIN feed_records prev
      ON prev.id_number_hash = cur.id_number_hash AND ${kindFilter(input, 'prev')}
      AND prev.period = to_char(to_date(cur.period || '-01', 'YYYY-MM-DD')
        - make_interval(months => ${t.threshold('months')}::int), 'YYYY-MM')
    WHERE ${prev} > 0 AND coalesce(${cur}, 0) <= (1 - ${t.threshold('share')}) * ${prev}`;

  const onHousehold = thresholdSql(input.settings, sql`m.household_region`);
  const candidates = sql`SELECT DISTINCT ON (cur.id) 'r' || cur.id AS fact_hash, cur.id AS record_id,
      m.household_id, m.person_id, m.household_region AS region_code,
      m.monitoring_status = 'monitored' AS monitored, m.person_id::text AS clue_subject,
      jsonb_build_object('rule', ${rule.code}::text, 'period', cur.period, 'amountFen', ${cur}, 'previousPeriod', prev.period,
        'previousAmountFen', ${prev}) AS facts,
      ${rule.finding}::text || '：' || ${whoSql('cur')} || '，' || prev.period || '为' || to_char(${prev} / 100.0, 'FM999999990.00')
        || '元，' || cur.period || '为' || to_char(coalesce(${cur}, 0) / 100.0, 'FM999999990.00') || '元' AS finding
    FROM ${matched(input)} m
    JOIN feed_records cur ON cur.id = m.record_id AND ${kindFilter(input, 'cur')}
    ${pair(onHousehold)} AND ${onHousehold.enabled()}
    ORDER BY cur.id, ${prev} DESC`;

  const onRecord = thresholdSql(input.settings, sql`cur.region_code`);
  const unmatched = sql`SELECT DISTINCT ON (cur.id) cur.id AS record_id, cur.region_code, cur.data ->> 'name' AS name,
      cur.id_number_masked
    FROM feed_records cur
    ${pair(onRecord)} AND ${recordFilter(input, 'cur')} AND ${recordInScope(input, 'cur')}
      AND cur.id_number_hash IS NOT NULL AND ${noPersonInScope(input, 'cur')} AND ${onRecord.enabled()}
    ORDER BY cur.id`;
  return { candidates, unmatched };
}
