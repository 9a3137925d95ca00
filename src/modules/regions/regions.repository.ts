import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DivisionRow } from './division-source.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface RegionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

const columns = ['code', 'name', 'level', 'parent_code as parentCode'] as const;

export const regionsRepository = (db: Kysely<DB>) => ({
  async findByCode(code: string, q: Q = db): Promise<RegionRow | undefined> {
    return q.selectFrom('regions').select(columns).where('code', '=', code).executeTakeFirst();
  },

  async children(code: string, q: Q = db): Promise<(RegionRow & { childCount: number })[]> {
    return q
      .selectFrom('regions as r')
      .select(['r.code', 'r.name', 'r.level', 'r.parent_code as parentCode'])
      .select((eb) =>
        eb
          .selectFrom('regions as c')
          .whereRef('c.parent_code', '=', 'r.code')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('childCount'),
      )
      .where('r.parent_code', '=', code)
      .orderBy('r.code')
      .execute() as Promise<(RegionRow & { childCount: number })[]>;
  },

  async roots(q: Q = db): Promise<RegionRow[]> {
    return q.selectFrom('regions').select(columns).where('level', '=', 1).orderBy('code').execute();
  },

  /** Ancestors from the province down, the region itself last. */
  async path(code: string, q: Q = db): Promise<RegionRow[]> {
    const codes = [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
    // The national level ('') has no ancestors; `in ()` is not SQL.
    if (codes.length === 0) return [];
    const rows = await q.selectFrom('regions').select(columns).where('code', 'in', codes).execute();
    return rows.sort((a, b) => a.code.length - b.code.length);
  },

  async villagesOf(prefix: string, q: Q = db): Promise<RegionRow[]> {
    return q
      .selectFrom('regions')
      .select(columns)
      .where('level', '=', 5)
      .where('code', 'like', `${prefix}%`)
      .orderBy('code')
      .execute();
  },

  async countUnder(prefix: string, q: Q = db): Promise<number> {
    const r = await q
      .selectFrom('regions')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('code', 'like', `${prefix}%`)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Inserts or renames regions; parents must come before children in `rows`. */
  async upsert(rows: DivisionRow[], q: Q = db): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await q
        .insertInto('regions')
        .values(chunk.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })))
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
        .execute();
    }
  },
});

export type RegionsRepository = ReturnType<typeof regionsRepository>;
