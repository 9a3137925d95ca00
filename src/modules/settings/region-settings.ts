import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission, requireScope } from '../auth/actor.ts';
import { SETTING_DEFAULTS, type SettingKey } from './setting-defaults.ts';
import { foldChain } from './setting-values.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The region and its ancestors, province first ('62', '6211', '621124', …). */
export function ancestry(code: string): string[] {
  return [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/** Where a value comes from: the default, or the level of the region that set it (by code length, SPEC §3). */
export type SettingLevel = 'default' | 'province' | 'prefecture' | 'county' | 'township' | 'village';

export function settingLevel(code: string | null): SettingLevel {
  if (code === null) return 'default';
  const byLength: Record<number, SettingLevel> = {
    2: 'province',
    4: 'prefecture',
    6: 'county',
    9: 'township',
    12: 'village',
  };
  return byLength[code.length] ?? 'village';
}

const likePrefix = (code: string) => `${code.replace(/[%_\\]/g, '')}%`;

function newest(where: { keys?: readonly string[]; codes?: readonly string[]; under?: string }, q: Q) {
  const { keys, codes, under } = where;
  if (!codes?.length && under === undefined) return Promise.resolve([]);
  let query = q
    .selectFrom('region_settings')
    .distinctOn(['key', 'region_code'])
    .select(['key', 'region_code as regionCode', 'value', 'set_at as setAt'])
    .where((eb) => {
      const at = codes?.length ? [eb('region_code', 'in', [...codes])] : [];
      const inside =
        under === undefined
          ? []
          : [eb.and([eb('region_code', 'like', likePrefix(under)), eb('region_code', '<>', under)])];
      return eb.or([...at, ...inside]);
    });
  if (keys) query = query.where('key', 'in', keys.length ? [...keys] : ['']);
  return query.orderBy('key').orderBy('region_code').orderBy('set_at', 'desc').orderBy('id', 'desc').execute();
}

/**
 * Per-region configuration with history (SPEC §3): rows are appended, never updated (migration 0009 refuses UPDATE
 * and DELETE). The value in force for a region is the newest row of each level at or above it, merged field by
 * field from the highest level down over the default: a village that sets one threshold keeps the county's others.
 */
export const regionSettings = ({ db, audit }: { db: Kysely<DB>; audit: Pick<AuditRepository, 'append'> }) => ({
  /**
   * The newest row of each (key, region): of the given regions (`codes`) and/or of the regions strictly inside
   * `under`. Without `keys`, every key.
   */
  newest: (where: Parameters<typeof newest>[0], q: Q = db) => newest(where, q),

  async get<T = unknown>(
    key: SettingKey,
    regionCode: string,
    q: Q = db,
  ): Promise<{ value: T; regionCode: string | null }> {
    const rows = await newest({ keys: [key], codes: ancestry(regionCode) }, q);
    const folded = foldChain((SETTING_DEFAULTS as Record<string, unknown>)[key], rows);
    return { value: folded.value as T, regionCode: folded.regionCode };
  },

  /**
   * Appends a row and its audit entry (with the region's previous value) in one transaction. Callers check the
   * value: `settings.service.ts` for the keys of SETTING_DEFINITIONS, the template and catalogue services for theirs.
   */
  async set(actor: Actor, key: SettingKey, regionCode: string, value: unknown, q?: Transaction<DB>) {
    requirePermission(actor, 'settings.write');
    requireScope(actor, regionCode);
    const write = async (trx: Transaction<DB>) => {
      const [before] = await newest({ keys: [key], codes: [regionCode] }, trx);
      await trx
        .insertInto('region_settings')
        .values({ region_code: regionCode, key, value: JSON.stringify(value), set_by: actor.userId })
        .execute();
      await audit.append(
        actor,
        {
          action: AuditActions.settingSet,
          entity: 'setting',
          entityId: key,
          regionCode,
          before: before?.value ?? null,
          after: value,
        },
        trx,
      );
    };
    if (q) await write(q);
    else await db.transaction().execute(write);
  },

  /** Rows set at exactly this region, newest first. */
  history(key: SettingKey, regionCode: string) {
    return db
      .selectFrom('region_settings')
      .select(['region_code as regionCode', 'value', 'set_at as setAt'])
      .where('key', '=', key)
      .where('region_code', '=', regionCode)
      .orderBy('set_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  /**
   * Every row of a key at a region, its ancestors and inside it — inside only within `scope` (the reader's region)
   * — newest first, with who set it.
   */
  historyAround(key: string, regionCode: string, scope: string, q: Q = db) {
    return q
      .selectFrom('region_settings as s')
      .leftJoin('users as u', 'u.id', 's.set_by')
      .leftJoin('regions as r', 'r.code', 's.region_code')
      .select([
        's.id',
        's.region_code as regionCode',
        'r.name as regionName',
        's.value',
        's.set_at as setAt',
        'u.username as setBy',
        'u.display_name as setByName',
      ])
      .where('s.key', '=', key)
      .where((eb) =>
        eb.or([
          eb('s.region_code', 'in', ancestry(regionCode)),
          eb.and([eb('s.region_code', 'like', likePrefix(regionCode)), eb('s.region_code', 'like', likePrefix(scope))]),
        ]),
      )
      .orderBy('s.set_at', 'desc')
      .orderBy('s.id', 'desc')
      .execute();
  },

  /** Regions by code, for names in answers and messages. */
  regions(codes: readonly string[], q: Q = db) {
    if (codes.length === 0) return Promise.resolve([]);
    return q
      .selectFrom('regions')
      .select(['code', 'name', 'level'])
      .where('code', 'in', [...codes])
      .execute();
  },

  /** Runs `fn` in a transaction that holds the key's lock: concurrent changes of one key are checked in turn. */
  inKeyTransaction<T>(key: string, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
      return fn(trx);
    });
  },
});

export type RegionSettings = ReturnType<typeof regionSettings>;
