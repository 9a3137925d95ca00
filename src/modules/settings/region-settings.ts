import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission, requireScope } from '../auth/actor.ts';
import { SETTING_DEFAULTS, type SettingKey } from './setting-defaults.ts';

type Q = Kysely<DB> | Transaction<DB>;

function ancestry(code: string): string[] {
  return [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/**
 * Per-region configuration with history (SPEC §3): rows are appended, never updated; the value in force for a region
 * is the newest row at the nearest level at or above it, else the default.
 */
export const regionSettings = ({ db, audit }: { db: Kysely<DB>; audit: Pick<AuditRepository, 'append'> }) => ({
  async get<T = unknown>(
    key: SettingKey,
    regionCode: string,
    q: Q = db,
  ): Promise<{ value: T; regionCode: string | null }> {
    const rows = await q
      .selectFrom('region_settings')
      .distinctOn('region_code')
      .select(['region_code as regionCode', 'value'])
      .where('key', '=', key)
      .where('region_code', 'in', ancestry(regionCode).length ? ancestry(regionCode) : [''])
      .orderBy('region_code')
      .orderBy('set_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const nearest = rows.sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
    if (nearest) return { value: nearest.value as T, regionCode: nearest.regionCode };
    return { value: (SETTING_DEFAULTS as Record<string, unknown>)[key] as T, regionCode: null };
  },

  async set(actor: Actor, key: SettingKey, regionCode: string, value: unknown, q?: Transaction<DB>) {
    requirePermission(actor, 'settings.write');
    requireScope(actor, regionCode);
    const write = async (trx: Transaction<DB>) => {
      await trx
        .insertInto('region_settings')
        .values({ region_code: regionCode, key, value: JSON.stringify(value), set_by: actor.userId })
        .execute();
      await audit.append(
        actor,
        { action: AuditActions.settingSet, entity: 'setting', entityId: key, regionCode, after: value },
        trx,
      );
    };
    if (q) await write(q);
    else await db.transaction().execute(write);
  },

  history(key: SettingKey, regionCode: string) {
    return db
      .selectFrom('region_settings')
      .select(['region_code as regionCode', 'value', 'set_at as setAt'])
      .where('key', '=', key)
      .where('region_code', '=', regionCode)
      .orderBy('set_at', 'desc')
      .execute();
  },
});

export type RegionSettings = ReturnType<typeof regionSettings>;
