import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** 监测线 rows (SPEC §4.4): append-only; the newest row of a (region, year) is the one in force. */
export const linesRepository = (db: Kysely<DB>) => ({
  /** The line in force at each of the given regions for a year. */
  current(regionCodes: string[], year: number, q: Q = db) {
    if (regionCodes.length === 0) return Promise.resolve([]);
    return q
      .selectFrom('monitoring_lines')
      .distinctOn('region_code')
      .select(['region_code as regionCode', 'amount', 'basis', 'set_at as setAt'])
      .where('region_code', 'in', regionCodes)
      .where('year', '=', year)
      .orderBy('region_code')
      .orderBy('set_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  /** Lines set strictly below a region for a year (to warn when a parent raises its line above them). */
  currentBelow(prefix: string, year: number, q: Q = db) {
    return q
      .selectFrom('monitoring_lines')
      .distinctOn('region_code')
      .select(['region_code as regionCode', 'amount'])
      .where('region_code', 'like', `${prefix}_%`)
      .where('year', '=', year)
      .orderBy('region_code')
      .orderBy('set_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  history(regionCode: string, q: Q = db) {
    return q
      .selectFrom('monitoring_lines as l')
      .leftJoin('users as u', 'u.id', 'l.set_by')
      .select([
        'l.id',
        'l.region_code as regionCode',
        'l.year',
        'l.amount',
        'l.basis',
        'l.set_at as setAt',
        'u.username as setBy',
      ])
      .where('l.region_code', '=', regionCode)
      .orderBy('l.year', 'desc')
      .orderBy('l.set_at', 'desc')
      .execute();
  },

  async insert(row: { regionCode: string; year: number; amount: number; basis: string; setBy: string | null }, q: Q) {
    return q
      .insertInto('monitoring_lines')
      .values({ region_code: row.regionCode, year: row.year, amount: row.amount, basis: row.basis, set_by: row.setBy })
      .returning(['id', 'set_at as setAt'])
      .executeTakeFirstOrThrow();
  },
});

export type LinesRepository = ReturnType<typeof linesRepository>;
