import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, scopeFilter } from '../auth/actor.ts';
import { measureColumns } from './measures.repository.ts';

/** Rows of a village's publicity list (SPEC §9). No ID number column is selected here: the list is posted publicly. */
export const publicityRepository = (db: Kysely<DB>) => ({
  monitoredHouseholds(actor: Actor, villageCode: string) {
    return db
      .selectFrom('households as h')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .select([
        'h.id',
        'h.code',
        'h.category',
        'h.risk_types as riskTypes',
        'h.responsible_person as responsiblePerson',
        'h.responsible_phone as responsiblePhone',
        'head.name as headName',
      ])
      .select((eb) =>
        eb
          .selectFrom('persons as p')
          .whereRef('p.household_id', '=', 'h.id')
          .where('p.status', '=', 'normal')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('memberCount'),
      )
      .select(
        sql<string | null>`(select ra.unit from responsible_assignments ra where ra.household_id = h.id
                             order by ra.id desc limit 1)`.as('responsibleUnit'),
      )
      .where('h.region_code', '=', villageCode)
      .where('h.monitoring_status', '=', 'monitored')
      .where(scopeFilter(actor, 'h.region_code'))
      .orderBy('h.code')
      .execute();
  },

  liveMeasures(householdIds: string[]) {
    if (householdIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('measures as m')
      .select(measureColumns)
      .where('m.household_id', 'in', householdIds)
      .where('m.status', '<>', 'cancelled')
      .orderBy('m.created_at')
      .execute();
  },
});

export type PublicityRepository = ReturnType<typeof publicityRepository>;
