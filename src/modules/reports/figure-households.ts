import { sql } from 'kysely';
import type { FigureDef, Q } from './figure-aggregate.ts';
import { type BaseName, type Bounds, baseSql } from './figure-sets.ts';

export interface FigureHousehold {
  id: string;
  code: string;
  regionCode: string;
  villageName: string | null;
  headName: string | null;
  monitoringStatus: string;
  category: string | null;
  riskTypes: string[];
  /** Persons as the figure counts them (at the event for flows, today's members for stock). */
  persons: number;
}

/**
 * The households behind one figure of one region (SPEC §12: every figure drills down to the list behind it): the
 * figure's own row set and condition, restricted to the region, which lies in the caller's scope. Totals equal the
 * figure: households, and persons summed as the figure sums them.
 */
export async function figureHouseholds(
  q: Q,
  b: Bounds,
  base: BaseName,
  def: FigureDef,
  page: number,
  pageSize: number,
): Promise<{ items: FigureHousehold[]; total: number; persons: number }> {
  const personsExpr =
    def.measure === 'hp'
      ? sql`max(b.persons)`
      : sql`(SELECT count(*) FROM persons p WHERE p.household_id = b.household_id AND p.status = 'normal')`;
  const behind = sql`
    SELECT b.household_id, ${personsExpr}::int AS persons
    FROM (${baseSql(base, b)}) b
    WHERE b.household_id IS NOT NULL AND ${def.where}
    GROUP BY b.household_id`;
  const [items, totals] = await Promise.all([
    sql<FigureHousehold>`
      SELECT h.id, h.code, h.region_code AS "regionCode", v.name AS "villageName", head.name AS "headName",
        h.monitoring_status AS "monitoringStatus", h.category, h.risk_types AS "riskTypes", x.persons
      FROM (${behind}) x
      JOIN households h ON h.id = x.household_id
      LEFT JOIN regions v ON v.code = h.region_code
      LEFT JOIN persons head ON head.id = h.head_person_id
      ORDER BY h.code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(q),
    sql<{ total: number; persons: number }>`
      SELECT count(*)::int AS total, coalesce(sum(x.persons), 0)::int AS persons FROM (${behind}) x`.execute(q),
  ]);
  const t = totals.rows[0] ?? { total: 0, persons: 0 };
  return { items: items.rows, total: Number(t.total), persons: Number(t.persons) };
}
