import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, scopeFilter } from '../auth/actor.ts';

/**
 * What a 明白卡 prints (SPEC §16): monitored households of a village, or one household, with their co-living
 * members by name and relation. No ID number, income or health column is selected: the card stays with the family.
 */
export const cardsRepository = (db: Kysely<DB>) => ({
  households(actor: Actor, where: { villageCode: string } | { householdId: string }) {
    let q = db
      .selectFrom('households as h')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .select([
        'h.id',
        'h.code',
        'h.region_code as regionCode',
        'h.address',
        'h.monitoring_status as monitoringStatus',
        'h.category',
        'h.risk_types as riskTypes',
        'h.included_on as includedOn',
        'h.responsible_person as responsiblePerson',
        'h.responsible_phone as responsiblePhone',
        'head.name as headName',
      ])
      .select(
        sql<string | null>`(select ra.unit from responsible_assignments ra where ra.household_id = h.id
                             order by ra.id desc limit 1)`.as('responsibleUnit'),
      )
      .where(scopeFilter(actor, 'h.region_code'));
    q =
      'villageCode' in where
        ? q.where('h.region_code', '=', where.villageCode).where('h.monitoring_status', '=', 'monitored')
        : q.where('h.id', '=', where.householdId);
    return q.orderBy('h.code').execute();
  },

  members(householdIds: readonly string[]) {
    if (householdIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('persons')
      .select(['household_id as householdId', 'name', 'relation'])
      .where('household_id', 'in', [...householdIds])
      .where('status', '=', 'normal')
      .orderBy('household_id')
      .orderBy(sql`relation = 'head'`, 'desc')
      .orderBy('birth_year')
      .orderBy('name')
      .execute();
  },
});

export type CardsRepository = ReturnType<typeof cardsRepository>;
