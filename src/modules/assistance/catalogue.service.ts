import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_CATALOGUE } from '../../domain/assistance/default-catalogue.ts';
import {
  DEPARTMENT_NAMES,
  LINE_OF_DEFENCE_NAMES,
  MEASURE_TYPE_NAMES,
  type MeasureCatalogue,
  mergeCatalogue,
  type RegionCatalogueOverride,
} from '../../domain/assistance/measure-catalogue.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, inScope, requirePermission, requireScope } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { CATALOGUE_KEY, type CatalogueRepository } from './catalogue.repository.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type CatalogueOverrideInput = Omit<RegionCatalogueOverride, 'regionCode'>;

const ancestry = (code: string) => [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
/** Our region codes are significant prefixes ('62', '6211'); the catalogue rules take GB/T 2260 codes (620000). */
const divisionCode = (code: string) => (code.length < 6 ? code.padEnd(6, '0') : code);

interface Deps {
  db: Kysely<DB>;
  catalogueRepo: CatalogueRepository;
  settings: Pick<RegionSettings, 'set' | 'history'>;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
}

/**
 * 帮扶措施目录 per region (SPEC §9; configuration inherited downward, SPEC §3): the default catalogue merged with
 * the overrides stored at the region and its ancestors; every stored override is kept as history.
 */
export const catalogueService = ({ db, catalogueRepo, settings, regionsRepo }: Deps) => {
  const asDivision = (o: RegionCatalogueOverride): RegionCatalogueOverride => ({
    ...o,
    regionCode: divisionCode(o.regionCode),
  });

  /** The merged catalogue in force for a region. */
  async function effective(regionCode: string, q: Q = db): Promise<MeasureCatalogue> {
    const chain = await catalogueRepo.overrides({ codes: ancestry(regionCode) }, q);
    const merged = mergeCatalogue(DEFAULT_CATALOGUE, chain.map(asDivision));
    if (!merged.ok) {
      throw new AppError('ASSISTANCE_CATALOGUE_INVALID', '本地帮扶措施目录配置有误，请县级重新配置', {
        errors: merged.errors,
      });
    }
    return merged.catalogue;
  }

  const present = (catalogue: MeasureCatalogue) =>
    catalogue.map((e) => ({
      ...e,
      typeName: MEASURE_TYPE_NAMES[e.type],
      lineOfDefenceName: LINE_OF_DEFENCE_NAMES[e.lineOfDefence],
      departmentName: DEPARTMENT_NAMES[e.department],
    }));

  return {
    effective,

    async get(actor: Actor, regionCode: string) {
      // Inherited configuration is visible to the levels below it, as monitoring lines are.
      if (!inScope(actor, regionCode) && !actor.regionCode.startsWith(regionCode)) requireScope(actor, regionCode);
      const chain = await catalogueRepo.overrides({ codes: ancestry(regionCode) });
      return {
        regionCode,
        overrides: chain,
        catalogue: present(await effective(regionCode)),
      };
    },

    async history(actor: Actor, regionCode: string) {
      if (!inScope(actor, regionCode) && !actor.regionCode.startsWith(regionCode)) requireScope(actor, regionCode);
      return settings.history(CATALOGUE_KEY, regionCode);
    },

    /**
     * Stores a region's override after checking it against what the region inherits and against every override
     * already stored below it, so no stored combination can become invalid; each problem is named (SPEC §3).
     */
    async set(actor: Actor, regionCode: string, override: CatalogueOverrideInput) {
      requirePermission(actor, 'settings.write');
      requireScope(actor, regionCode);
      const region = await regionsRepo.findByCode(regionCode);
      if (!region) throw new AppError('REGION_UNKNOWN', `区划代码不存在：${regionCode}`, { field: 'regionCode' });
      const value: CatalogueOverrideInput = {
        disable: override.disable ?? [],
        add: override.add ?? [],
        rename: override.rename ?? [],
      };
      return db.transaction().execute(async (trx) => {
        // Serialises concurrent catalogue changes of a county: both would otherwise validate against the old state.
        await sql`select pg_advisory_xact_lock(hashtext(${CATALOGUE_KEY}))`.execute(trx);
        const above = (await catalogueRepo.overrides({ codes: ancestry(regionCode) }, trx)).filter(
          (o) => o.regionCode !== regionCode,
        );
        const below = (await catalogueRepo.overrides({ under: regionCode }, trx)).filter(
          (o) => o.regionCode !== regionCode,
        );
        const mine = { ...value, regionCode };
        const chains = [[...above, mine], ...below.map((b) => chainFor(b.regionCode, [...above, mine, ...below]))];
        const errors = chains.flatMap((chain) => {
          const r = mergeCatalogue(DEFAULT_CATALOGUE, chain.map(asDivision));
          return r.ok ? [] : r.errors;
        });
        if (errors.length > 0) {
          const unique = [...new Map(errors.map((e) => [e.message, e])).values()];
          throw new AppError('ASSISTANCE_CATALOGUE_INVALID', unique.map((e) => e.message).join('；'), {
            errors: unique,
          });
        }
        await settings.set(actor, CATALOGUE_KEY, regionCode, value, trx);
        return { regionCode, catalogue: present(await effective(regionCode, trx)) };
      });
    },
  };
};

/** The overrides that apply to `code`: those of its ancestors and itself, highest level first. */
function chainFor<T extends { regionCode: string }>(code: string, all: T[]): T[] {
  return all.filter((o) => code.startsWith(o.regionCode)).sort((a, b) => a.regionCode.length - b.regionCode.length);
}

export type CatalogueService = ReturnType<typeof catalogueService>;
