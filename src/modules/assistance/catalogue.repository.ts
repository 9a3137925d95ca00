import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RegionCatalogueOverride } from '../../domain/assistance/measure-catalogue.ts';
import { regionPrefix } from '../auth/actor.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** Region settings key holding one region's changes to the catalogue it inherits (SPEC §3, §9). */
export const CATALOGUE_KEY = 'assistance.catalogue';

/**
 * Reads the catalogue overrides stored as region settings (written through `regionSettings.set`, which keeps the
 * history and audits): the newest one of each region, highest level first.
 */
export const catalogueRepository = (db: Kysely<DB>) => ({
  async overrides(where: { codes?: string[]; under?: string }, q: Q = db): Promise<RegionCatalogueOverride[]> {
    let query = q
      .selectFrom('region_settings')
      .distinctOn('region_code')
      .select(['region_code as regionCode', 'value'])
      .where('key', '=', CATALOGUE_KEY)
      .orderBy('region_code')
      .orderBy('set_at', 'desc')
      .orderBy('id', 'desc');
    if (where.codes) query = query.where('region_code', 'in', where.codes.length ? where.codes : ['']);
    if (where.under !== undefined) query = query.where(regionPrefix('region_code', where.under));
    const rows = await query.execute();
    return rows
      .map((r) => ({ ...(r.value as Omit<RegionCatalogueOverride, 'regionCode'>), regionCode: r.regionCode }))
      .sort((a, b) => a.regionCode.length - b.regionCode.length);
  },
});

export type CatalogueRepository = ReturnType<typeof catalogueRepository>;
