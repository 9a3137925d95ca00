import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { CaseActionsTable, CasesTable, DB } from '../../db/schema.ts';
import type { CaseState } from '../../domain/procedures/index.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';

type Q = Kysely<DB> | Transaction<DB>;

export const caseColumns = [
  'c.id',
  'c.region_code as regionCode',
  'c.household_id as householdId',
  'c.kind',
  'c.template_code as templateCode',
  'c.template_version as templateVersion',
  'c.state',
  'c.status',
  'c.current_step as currentStep',
  'c.current_level as currentLevel',
  'c.current_due as currentDue',
  'c.round_month as roundMonth',
  'c.started_on as startedOn',
  'c.finished_on as finishedOn',
  'c.outcome',
  'c.clue_id as clueId',
  'c.assessment',
  'c.category',
  'c.category_reason as categoryReason',
  'c.risk_types as riskTypes',
  'c.created_by as createdBy',
  'c.version',
] as const;

export interface CaseFilter {
  kind?: 'inclusion' | 'elimination';
  open?: boolean;
  region?: string;
  householdId?: string;
  level?: string;
  overdueOn?: string;
  page: number;
  pageSize: number;
}

/** Queries of the procedures module (SPEC §8). */
export const casesRepository = (db: Kysely<DB>) => ({
  find(actor: Actor, id: string, q: Q = db) {
    return q
      .selectFrom('cases as c')
      .select(caseColumns)
      .where('c.id', '=', id)
      .where(scopeFilter(actor, 'c.region_code'))
      .executeTakeFirst()
      .then((r) => (r ? { ...r, state: r.state as CaseState } : undefined));
  },

  lock(actor: Actor, id: string, q: Transaction<DB>) {
    return q
      .selectFrom('cases as c')
      .select(caseColumns)
      .where('c.id', '=', id)
      .where(scopeFilter(actor, 'c.region_code'))
      .forUpdate()
      .executeTakeFirst()
      .then((r) => (r ? { ...r, state: r.state as CaseState } : undefined));
  },

  openFor(householdId: string, q: Q = db) {
    return q
      .selectFrom('cases')
      .select(['id', 'kind'])
      .where('household_id', '=', householdId)
      .where('outcome', 'is', null)
      .executeTakeFirst();
  },

  async insert(row: Insertable<CasesTable>, q: Q) {
    return (await q.insertInto('cases').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async update(id: string, patch: Updateable<CasesTable>, q: Q) {
    await q
      .updateTable('cases')
      .set({ ...patch, updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  },

  async insertAction(row: Insertable<CaseActionsTable>, q: Q) {
    await q.insertInto('case_actions').values(row).execute();
  },

  actions(caseId: string, q: Q = db) {
    return q
      .selectFrom('case_actions')
      .select([
        'seq',
        'type',
        'step_code as stepCode',
        'username',
        'role',
        'at',
        'decision',
        'note',
        'attachments',
        'meeting',
      ])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
  },

  async list(actor: Actor, f: CaseFilter) {
    let query = db
      .selectFrom('cases as c')
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .where(scopeFilter(actor, 'c.region_code'));
    if (f.kind) query = query.where('c.kind', '=', f.kind);
    if (f.open !== undefined) query = query.where('c.outcome', f.open ? 'is' : 'is not', null);
    if (f.region) query = query.where(regionPrefix('c.region_code', f.region));
    if (f.householdId) query = query.where('c.household_id', '=', f.householdId);
    if (f.level) query = query.where('c.current_level', '=', f.level);
    if (f.overdueOn) query = query.where('c.outcome', 'is', null).where('c.current_due', '<', f.overdueOn);
    const [items, total] = await Promise.all([
      query
        .select([
          'c.id',
          'c.kind',
          'c.region_code as regionCode',
          'c.household_id as householdId',
          'h.code as householdCode',
          'head.name as headName',
          'c.template_code as templateCode',
          'c.status',
          'c.current_step as currentStep',
          sql<
            string | null
          >`(select s->>'name' from jsonb_array_elements(c.state->'template'->'steps') s where s->>'code' = c.current_step limit 1)`.as(
            'currentStepName',
          ),
          'c.current_level as currentLevel',
          'c.current_due as currentDue',
          'c.started_on as startedOn',
          'c.outcome',
          'c.category',
        ])
        .orderBy('c.current_due')
        .orderBy('c.started_on')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  /** Cases of a monthly round (SPEC §8.2), for the late-item report. */
  roundCases(actor: Actor, month: string, q: Q = db) {
    return q
      .selectFrom('cases as c')
      .select(caseColumns)
      .where(scopeFilter(actor, 'c.region_code'))
      .where('c.round_month', '=', month)
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, state: r.state as CaseState })));
  },
});

export type CasesRepository = ReturnType<typeof casesRepository>;
