import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { regionPrefix } from '../auth/actor.ts';

/**
 * Rate anomalies (SPEC §11: "warns when a region's clue or inclusion rate in a period rises above its usual level";
 * default: twice the average of the previous six months and at least 5 new clues per 1,000 households). One
 * set-based query per level: counts per region and month of new clues (by received date) and of inclusions (by
 * inclusion date), the average of the previous `months` months, and the region's households.
 */
export interface AnomalyParams {
  factorOverAverage: number;
  months: number;
  minNewCluesPer1000: number;
}

export interface AnomalyRow {
  regionCode: string;
  regionName: string | null;
  households: number;
  newClues: number;
  averageClues: number;
  inclusions: number;
  averageInclusions: number;
  clueAnomaly: boolean;
  inclusionAnomaly: boolean;
}

export async function rateAnomalies(
  db: Kysely<DB>,
  opts: { scope: string; month: string; codeLength: 9 | 12; params: AnomalyParams },
): Promise<AnomalyRow[]> {
  const { scope, month, codeLength: L, params: p } = opts;
  const start = `${month}-01`;
  const { rows } = await sql<AnomalyRow>`
    WITH bounds AS (
      SELECT ${start}::date AS m0, (${start}::date + interval '1 month')::date AS m1,
        (${start}::date - make_interval(months => ${p.months}::int))::date AS p0
    ),
    clue_counts AS (
      SELECT left(c.region_code, ${sql.lit(L)}) AS region,
        count(*) FILTER (WHERE c.received_on >= b.m0) AS cur,
        count(*) FILTER (WHERE c.received_on < b.m0) AS prev
      FROM clues c, bounds b
      WHERE ${regionPrefix('c.region_code', scope)} AND length(c.region_code) >= ${sql.lit(L)}
        AND c.received_on >= b.p0 AND c.received_on < b.m1
      GROUP BY 1
    ),
    inclusion_counts AS (
      SELECT left(h.region_code, ${sql.lit(L)}) AS region,
        count(*) FILTER (WHERE h.included_on >= b.m0) AS cur,
        count(*) FILTER (WHERE h.included_on < b.m0) AS prev
      FROM households h, bounds b
      WHERE ${regionPrefix('h.region_code', scope)} AND h.included_on >= b.p0 AND h.included_on < b.m1
      GROUP BY 1
    ),
    households_per_region AS (
      -- The maintained per-village totals (migration 0180), not a count of the scope's households.
      SELECT left(t.region_code, ${sql.lit(L)}) AS region, sum(t.households) AS n FROM region_household_totals t
      WHERE ${regionPrefix('t.region_code', scope)} GROUP BY 1
    ),
    figures AS (
      SELECT coalesce(c.region, i.region) AS region, coalesce(hh.n, 0)::int AS households,
        coalesce(c.cur, 0)::int AS new_clues, coalesce(c.prev, 0)::numeric / ${p.months}::int AS avg_clues,
        coalesce(i.cur, 0)::int AS inclusions, coalesce(i.prev, 0)::numeric / ${p.months}::int AS avg_inclusions
      FROM clue_counts c
      FULL JOIN inclusion_counts i ON i.region = c.region
      LEFT JOIN households_per_region hh ON hh.region = coalesce(c.region, i.region)
    )
    SELECT * FROM (SELECT f.region AS "regionCode", r.name AS "regionName", f.households, f.new_clues AS "newClues",
      round(f.avg_clues, 2)::float8 AS "averageClues", f.inclusions, round(f.avg_inclusions, 2)::float8 AS "averageInclusions",
      (f.new_clues > ${p.factorOverAverage}::numeric * f.avg_clues
        AND f.new_clues * 1000 >= ${p.minNewCluesPer1000}::numeric * f.households) AS "clueAnomaly",
      (f.inclusions > ${p.factorOverAverage}::numeric * f.avg_inclusions
        AND f.inclusions * 1000 >= ${p.minNewCluesPer1000}::numeric * f.households) AS "inclusionAnomaly"
    FROM figures f LEFT JOIN regions r ON r.code = f.region
    WHERE f.households > 0) x
    ORDER BY ("clueAnomaly" OR "inclusionAnomaly") DESC, "newClues" DESC, "regionCode"`.execute(db);
  return rows;
}
