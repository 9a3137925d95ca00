import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import './campaigns.tables.ts';
import type { TaskArea } from '../../domain/campaigns/index.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';
import { campaignVisible } from './campaigns.policy.ts';

type Q = Kysely<DB> | Transaction<DB>;

const like = (code: string) => `${code.replace(/[%_\\]/g, '')}%`;

/**
 * SQL of the campaigns module (SPEC §15). Every campaign query goes through `campaignVisible`, every problem query
 * through the reader's `scopeFilter`; each function takes an optional transaction.
 */
export const campaignsRepository = (db: Kysely<DB>) => ({
  insertCampaign(
    row: {
      regionCode: string;
      name: string;
      scopeCodes: string[];
      startsOn: string;
      endsOn: string;
      areas: TaskArea[];
      createdBy: string;
      userId: string | null;
    },
    q: Q = db,
  ) {
    return q
      .insertInto('campaigns')
      .values({
        region_code: row.regionCode,
        name: row.name,
        scope_codes: row.scopeCodes,
        starts_on: row.startsOn,
        ends_on: row.endsOn,
        areas: JSON.stringify(row.areas),
        created_by: row.createdBy,
        user_id: row.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  findCampaign(actor: Actor, id: string, q: Q = db) {
    return q
      .selectFrom('campaigns as c')
      .selectAll('c')
      .where('c.id', '=', id)
      .where(campaignVisible(actor))
      .executeTakeFirst();
  },

  listCampaigns(actor: Actor, q: Q = db) {
    return q
      .selectFrom('campaigns as c')
      .selectAll('c')
      .where(campaignVisible(actor))
      .orderBy('c.starts_on', 'desc')
      .orderBy('c.number', 'desc')
      .limit(200)
      .execute();
  },

  /** Problem counts per campaign, within the reader's scope. */
  problemCounts(actor: Actor, campaignIds: string[], q: Q = db) {
    if (!campaignIds.length) return Promise.resolve([]);
    return q
      .selectFrom('problems')
      .select([
        'campaign_id as campaignId',
        sql<number>`count(*)`.as('total'),
        sql<number>`count(*) filter (where status in ('rectifying', 'overdue', 'submitted'))`.as('open'),
        sql<number>`count(*) filter (where status = 'overdue')`.as('overdue'),
        sql<number>`count(*) filter (where status = 'closed')`.as('closed'),
      ])
      .where('campaign_id', 'in', campaignIds)
      .where(scopeFilter(actor))
      .groupBy('campaign_id')
      .execute();
  },

  updateAreas(id: string, areas: TaskArea[], version: number, q: Q = db) {
    return q
      .updateTable('campaigns')
      .set({ areas: JSON.stringify(areas), version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst();
  },

  regionNames(codes: readonly string[], q: Q = db) {
    if (!codes.length) return Promise.resolve(new Map<string, string>());
    return q
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', [...new Set(codes)])
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.code, r.name])));
  },

  /** Villages under `regionCode` that lie in one of `scopeCodes`, with their township (stratum). */
  villagesIn(regionCode: string, scopeCodes: readonly string[], q: Q = db) {
    return q
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('level', '=', 5)
      .where('code', 'like', like(regionCode))
      .where((eb) => eb.or(scopeCodes.map((s) => eb('code', 'like', like(s)))))
      .orderBy('code')
      .execute();
  },

  householdsOf(villageCodes: readonly string[], q: Q = db) {
    if (!villageCodes.length) return Promise.resolve([]);
    return q
      .selectFrom('households')
      .select(['id', 'code', 'region_code as regionCode'])
      .where('region_code', 'in', [...villageCodes])
      .execute();
  },

  /** Households whose risk was eliminated (回头看 of households closed earlier), inside the region and scope. */
  eliminatedHouseholds(regionCode: string, scopeCodes: readonly string[], q: Q = db) {
    return q
      .selectFrom('households')
      .select(['id', 'code', 'region_code as regionCode'])
      .where('monitoring_status', '=', 'eliminated')
      .where(regionPrefix('region_code', regionCode))
      .where((eb) => eb.or(scopeCodes.map((s) => regionPrefix('region_code', s))))
      .execute();
  },

  closedProblems(campaignId: string, regionCode: string, q: Q = db) {
    return q
      .selectFrom('problems')
      .select(['id', 'number', 'description', 'region_code as regionCode'])
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'closed')
      .where(regionPrefix('region_code', regionCode))
      .execute();
  },
});

export type CampaignsRepository = ReturnType<typeof campaignsRepository>;
