import { sql } from 'kysely';
import { CATEGORIES } from '../../domain/reports/figures.ts';
import { regionPrefix } from '../auth/actor.ts';
import { aggregateByRegion, type FigureValues, type Q } from './figure-aggregate.ts';
import { STOCK_TOTALS, stockBase } from './figure-sets.ts';

/**
 * Today's stock — "监测对象X户Y人" by category, "已标注风险消除", "累计纳入" — per region at the code lengths asked
 * for (keys of STOCK_TOTALS). This is the one seam for current counts; past days are always computed from the status
 * history (figure-sets.ts).
 */
export interface CurrentStock {
  totals(q: Q, region: string, lengths: number[], today: string): Promise<Map<string, FigureValues>>;
}

/** Counted from the registry row by row (the definition the maintained totals must equal; tests compare both). */
export const stockFromRegistry: CurrentStock = {
  totals: (q, region, lengths, today) =>
    aggregateByRegion(
      q,
      stockBase({ region, start: null, end: today, asOf: today, current: true }),
      STOCK_TOTALS,
      lengths,
    ),
};

/**
 * Read from the per-village totals that triggers keep in the same transaction as every registry change (migration
 * 0180, docs/decisions/0032): a sum over the scope's village rows — a few thousand for a county — instead of
 * a count over its households and persons. The totals hold households and living members by monitoring status and
 * category, exactly the dimensions of STOCK_TOTALS, so the answer is the same map `stockFromRegistry` gives: a region
 * appears only when it has a household monitored or eliminated, and every key of STOCK_TOTALS is present.
 */
export const stockFromTotals: CurrentStock = {
  async totals(q, region, lengths) {
    const { rows } = await stockTotalsSql(region, lengths).execute(q);
    const out = new Map<string, FigureValues>();
    const zero = (): FigureValues =>
      Object.fromEntries(Object.keys(STOCK_TOTALS).map((k) => [k, { households: 0, persons: 0 }]));
    const add = (v: FigureValues, key: string, households: number, persons: number) => {
      const x = v[key] as { households: number; persons: number };
      x.households += households;
      x.persons += persons;
    };
    for (const r of rows) {
      const v = out.get(r.g) ?? zero();
      out.set(r.g, v);
      const h = Number(r.households);
      const p = Number(r.persons);
      const group = r.status === 'monitored' ? 'monitored' : 'eliminatedStock';
      const category = (CATEGORIES as readonly string[]).includes(r.category) ? r.category : null;
      for (const prefix of [group, 'everIncluded']) {
        add(v, `${prefix}.total`, h, p);
        if (category) add(v, `${prefix}.${category}`, h, p);
      }
    }
    return out;
  },
};

/** The statement `stockFromTotals` runs (exported for `npm run sql:explain`). */
export function stockTotalsSql(region: string, lengths: number[]) {
  const lens = sql`ARRAY[${sql.join(lengths.map((l) => sql.lit(l)))}]::int[]`;
  return sql<{ g: string; status: string; category: string; households: string; persons: string }>`
    SELECT left(t.region_code, lv.len) AS g, t.monitoring_status AS status, t.category,
      sum(t.households) AS households, sum(t.persons) AS persons
    FROM region_household_totals t CROSS JOIN unnest(${lens}) AS lv(len)
    WHERE ${regionPrefix('t.region_code', region)} AND t.monitoring_status IN ('monitored', 'eliminated')
      AND length(t.region_code) >= lv.len
    GROUP BY 1, 2, 3
    HAVING sum(t.households) > 0`;
}
