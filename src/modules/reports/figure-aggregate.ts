import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type Q = Kysely<DB> | Transaction<DB>;

/** Counted how: households and persons (X户Y人), clues and their households (条/户), or plain counts (件). */
export type Measure = 'hp' | 'count_households' | 'count';

/** A figure's definition: the row set it is counted over and the condition a row meets. */
export interface FigureDef {
  where: RawBuilder<boolean>;
  measure: Measure;
}

export type FigureValues = Record<string, { households?: number; persons?: number; count?: number }>;

/**
 * Region codes nest by prefix (SPEC §3), so one pass over a row set counts every level asked for: each row is
 * repeated once per code length and grouped by its prefix of that length (`left(region_code, len)`). Length 0 gives
 * the whole scope ('' is the country). Every figure is a FILTER over the same rows, so a figure and the list of
 * households behind it (figure-households.ts) are the same condition.
 */
export async function aggregateByRegion(
  q: Q,
  base: RawBuilder<unknown>,
  defs: Record<string, FigureDef>,
  lengths: number[],
): Promise<Map<string, FigureValues>> {
  const keys = Object.keys(defs);
  if (keys.length === 0) return new Map();
  const columns = keys.flatMap((k, i) => {
    const d = defs[k] as FigureDef;
    const w = d.where;
    if (d.measure === 'hp')
      return [
        sql`count(*) FILTER (WHERE ${w})::int AS ${sql.ref(`h${i}`)}`,
        sql`coalesce(sum(b.persons) FILTER (WHERE ${w}), 0)::int AS ${sql.ref(`p${i}`)}`,
      ];
    if (d.measure === 'count_households')
      return [
        sql`count(*) FILTER (WHERE ${w})::int AS ${sql.ref(`c${i}`)}`,
        sql`count(DISTINCT b.household_id) FILTER (WHERE ${w})::int AS ${sql.ref(`h${i}`)}`,
      ];
    return [sql`count(*) FILTER (WHERE ${w})::int AS ${sql.ref(`c${i}`)}`];
  });
  const lens = sql`ARRAY[${sql.join(lengths.map((l) => sql.lit(l)))}]::int[]`;
  const { rows } = await analytic(q, (trx) =>
    sql<Record<string, number | string>>`
    SELECT left(b.region_code, lv.len) AS g, ${sql.join(columns)}
    FROM (${base}) b CROSS JOIN unnest(${lens}) AS lv(len)
    WHERE length(b.region_code) >= lv.len
    GROUP BY lv.len, left(b.region_code, lv.len)`.execute(trx),
  );
  const out = new Map<string, FigureValues>();
  for (const r of rows) {
    const v: FigureValues = {};
    keys.forEach((k, i) => {
      const d = defs[k] as FigureDef;
      if (d.measure === 'hp') v[k] = { households: Number(r[`h${i}`]), persons: Number(r[`p${i}`]) };
      else if (d.measure === 'count_households') v[k] = { count: Number(r[`c${i}`]), households: Number(r[`h${i}`]) };
      else v[k] = { count: Number(r[`c${i}`]) };
    });
    out.set(String(r.g), v);
  }
  return out;
}

/**
 * Runs a read-only analytic statement without JIT compilation: PostgreSQL's JIT compiles the dozens of FILTER
 * expressions of a figures query for longer than the query runs (as in screening's run-rules.ts). In its own
 * transaction unless already in one.
 */
export function analytic<T>(q: Q, fn: (trx: Q) => Promise<T>): Promise<T> {
  if (q.isTransaction) return fn(q);
  return (q as Kysely<DB>).transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    return fn(trx);
  });
}
