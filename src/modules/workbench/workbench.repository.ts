import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CaseState } from '../../domain/procedures/index.ts';
import { type Actor, scopeFilter } from '../auth/actor.ts';

/** How many rows of one task list the home shows; the counts are always whole. */
export const WORKBENCH_LIST_LIMIT = 50;

/** Persons of a household still in it (成员状态正常): the 人 of "X户Y人". */
const memberCount = sql<number>`(select count(*) from persons m where m.household_id = h.id and m.status = 'normal')::int`;

/**
 * The village cadre's home (移动工作台, issue 14 point 2): what is waiting in the actor's scope, read in a few queries.
 * Each row names its household (code, head) and how many people live in it, so the service can count 户 and 人.
 */
export const workbenchRepository = (db: Kysely<DB>) => ({
  /** Clues not yet closed (待核实), earliest deadline first. */
  openClues(actor: Actor) {
    return db
      .selectFrom('clues as c')
      .leftJoin('households as h', 'h.id', 'c.household_id')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .where(scopeFilter(actor, 'c.region_code'))
      .where('c.status', '<>', 'closed')
      .select([
        'c.id',
        'c.household_id as householdId',
        'h.code as householdCode',
        'head.name as headName',
        'c.status',
        'c.due_on as dueOn',
        'c.risk_types as riskTypes',
      ])
      .select(sql<number>`coalesce(${memberCount}, 0)`.as('persons'))
      .orderBy('c.due_on')
      .orderBy('c.created_at')
      .execute();
  },

  /** Open cases whose current step is the village's, with the state (step, publicity) the service reads. */
  villageCases(actor: Actor) {
    return db
      .selectFrom('cases as c')
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .where(scopeFilter(actor, 'c.region_code'))
      .where('c.outcome', 'is', null)
      .select([
        'c.id',
        'c.kind',
        'c.household_id as householdId',
        'h.code as householdCode',
        'head.name as headName',
        'c.status',
        'c.current_step as currentStep',
        'c.current_level as currentLevel',
        'c.current_due as currentDue',
        'c.state',
      ])
      .select(memberCount.as('persons'))
      .orderBy('c.current_due')
      .orderBy('c.started_on')
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, state: r.state as CaseState })));
  },

  /** Planned or running measures whose planned end is on or before `until` (措施到期待核查). */
  measuresDue(actor: Actor, until: string) {
    return db
      .selectFrom('measures as me')
      .innerJoin('households as h', 'h.id', 'me.household_id')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .where(scopeFilter(actor, 'me.region_code'))
      .where('me.status', 'in', ['planned', 'in_progress'])
      .where('me.planned_end_on', '<=', until)
      .select([
        'me.id',
        'me.household_id as householdId',
        'h.code as householdCode',
        'head.name as headName',
        'me.name',
        'me.status',
        'me.planned_end_on as plannedEndOn',
      ])
      .select(memberCount.as('persons'))
      .orderBy('me.planned_end_on')
      .orderBy('h.code')
      .execute();
  },

  /** Persons living in each of these households (for the gap list, which names households only). */
  async personsOf(householdIds: readonly string[]): Promise<Map<string, number>> {
    if (householdIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('persons')
      .where('household_id', 'in', householdIds)
      .where('status', '=', 'normal')
      .groupBy('household_id')
      .select(['household_id as householdId', (e) => e.fn.countAll<number>().as('n')])
      .execute();
    return new Map(rows.map((r) => [r.householdId, Number(r.n)]));
  },
});

export type WorkbenchRepository = ReturnType<typeof workbenchRepository>;
