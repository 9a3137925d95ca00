import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, scopeFilter } from '../auth/actor.ts';
import type { MeasureStatus, MeasuresTable } from './assistance.tables.ts';

type Q = Kysely<DB> | Transaction<DB>;

export const measureColumns = [
  'm.id',
  'm.household_id as householdId',
  'm.region_code as regionCode',
  'm.type',
  'm.subtype',
  'm.name',
  'm.line_of_defence as lineOfDefence',
  'm.answers_risks as answersRisks',
  'm.content',
  'm.department',
  'm.responsible_person as responsiblePerson',
  'm.start_on as startOn',
  'm.planned_end_on as plannedEndOn',
  'm.amount',
  'm.fund_source as fundSource',
  'm.status',
  'm.result',
  'm.finished_on as finishedOn',
  'm.origin',
  'm.suggestion_rule as suggestionRule',
  'm.suggestion_reason as suggestionReason',
  'm.version',
  'm.created_by as createdBy',
  'm.created_at as createdAt',
  'm.updated_at as updatedAt',
] as const;

/** Measures, their progress notes and the 帮扶责任人 history (SPEC §9). Reads take the actor: scope is not optional. */
export const measuresRepository = (db: Kysely<DB>) => ({
  byHousehold(householdId: string, q: Q = db) {
    return q
      .selectFrom('measures as m')
      .select(measureColumns)
      .where('m.household_id', '=', householdId)
      .orderBy('m.created_at')
      .execute();
  },

  find(actor: Actor, id: string, q: Q = db) {
    return q
      .selectFrom('measures as m')
      .select(measureColumns)
      .where('m.id', '=', id)
      .where(scopeFilter(actor, 'm.region_code'))
      .executeTakeFirst();
  },

  lock(actor: Actor, id: string, q: Transaction<DB>) {
    return q
      .selectFrom('measures as m')
      .select(measureColumns)
      .where('m.id', '=', id)
      .where(scopeFilter(actor, 'm.region_code'))
      .forUpdate()
      .executeTakeFirst();
  },

  /** Measures a department delivers inside the actor's region (SPEC §1: departments mark their measures done). */
  byDepartment(actor: Actor, department: string, status?: MeasureStatus) {
    let query = db
      .selectFrom('measures as m')
      .innerJoin('households as h', 'h.id', 'm.household_id')
      .select(measureColumns)
      .select('h.code as householdCode')
      .where(scopeFilter(actor, 'm.region_code'))
      .where('m.department', '=', department);
    if (status) query = query.where('m.status', '=', status);
    return query.orderBy('m.planned_end_on').orderBy('m.created_at').limit(1000).execute();
  },

  async insert(row: Insertable<MeasuresTable>, q: Q): Promise<string> {
    const r = await q.insertInto('measures').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  async update(id: string, patch: Updateable<MeasuresTable>, q: Q): Promise<void> {
    await q
      .updateTable('measures')
      .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  },

  async insertProgress(
    row: {
      measureId: string;
      regionCode: string;
      notedOn: string;
      note: string;
      statusAfter: MeasureStatus;
      by: string;
    },
    q: Q,
  ) {
    return q
      .insertInto('measure_progress')
      .values({
        measure_id: row.measureId,
        region_code: row.regionCode,
        noted_on: row.notedOn,
        note: row.note,
        status_after: row.statusAfter,
        recorded_by: row.by,
      })
      .returning(['id', 'recorded_at as recordedAt'])
      .executeTakeFirstOrThrow();
  },

  progressOf(measureIds: string[], q: Q = db) {
    if (measureIds.length === 0) return Promise.resolve([]);
    return q
      .selectFrom('measure_progress')
      .select([
        'id',
        'measure_id as measureId',
        'noted_on as notedOn',
        'note',
        'status_after as statusAfter',
        'recorded_by as recordedBy',
        'recorded_at as recordedAt',
      ])
      .where('measure_id', 'in', measureIds)
      .orderBy('id')
      .execute();
  },

  async insertResponsible(
    row: {
      householdId: string;
      regionCode: string;
      name: string;
      phone: string;
      unit: string;
      assignedOn: string;
      dueOn: string | null;
      by: string;
    },
    q: Q,
  ) {
    await q
      .insertInto('responsible_assignments')
      .values({
        household_id: row.householdId,
        region_code: row.regionCode,
        name: row.name,
        phone: row.phone,
        unit: row.unit,
        assigned_on: row.assignedOn,
        due_on: row.dueOn,
        assigned_by: row.by,
      })
      .execute();
  },

  responsibleHistory(householdId: string, q: Q = db) {
    return q
      .selectFrom('responsible_assignments')
      .select([
        'name',
        'phone',
        'unit',
        'assigned_on as assignedOn',
        'due_on as dueOn',
        'assigned_by as assignedBy',
        'assigned_at as assignedAt',
      ])
      .where('household_id', '=', householdId)
      .orderBy('id', 'desc')
      .execute();
  },

  /** Open clues of a household that are under verification (SPEC §16 yellow). */
  /**
   * What the 三色 colour of many households needs (SPEC §16), in four set-based reads: the households inside the
   * actor's scope, their measures, which have an open clue, and each one's latest effectiveness-review outcome.
   */
  async colourInputs(actor: Actor, householdIds: readonly string[], q: Q = db) {
    if (householdIds.length === 0)
      return { households: [], measures: [], openClues: new Set<string>(), reviews: new Map() };
    const ids = [...householdIds];
    const [households, measures, clues, reviews] = await Promise.all([
      q
        .selectFrom('households as h')
        .select([
          'h.id',
          'h.region_code as regionCode',
          'h.monitoring_status as monitoringStatus',
          'h.risk_types as riskTypes',
          'h.included_on as includedOn',
          'h.responsible_person as responsiblePerson',
        ])
        .where('h.id', 'in', ids)
        .where(scopeFilter(actor, 'h.region_code'))
        .execute(),
      q
        .selectFrom('measures as m')
        .select([
          'm.household_id as householdId',
          'm.subtype',
          'm.status',
          'm.answers_risks as answersRisks',
          'm.planned_end_on as plannedEndOn',
        ])
        .where('m.household_id', 'in', ids)
        .execute(),
      q
        .selectFrom('clues')
        .select('household_id as householdId')
        .distinct()
        .where('household_id', 'in', ids)
        .where('status', '<>', 'closed')
        .execute(),
      q
        .selectFrom('effectiveness_review_households as e')
        .innerJoin('effectiveness_reviews as r', 'r.id', 'e.review_id')
        .select(['e.household_id as householdId', 'e.outcome'])
        .distinctOn('e.household_id')
        .where('e.household_id', 'in', ids)
        .orderBy('e.household_id')
        .orderBy('r.meeting_date', 'desc')
        .orderBy('e.reviewed_at', 'desc')
        .execute(),
    ]);
    return {
      households,
      measures,
      openClues: new Set(clues.map((c) => c.householdId as string)),
      reviews: new Map(reviews.map((r) => [r.householdId, r.outcome])),
    };
  },

  async hasOpenClue(householdId: string, q: Q = db): Promise<boolean> {
    const r = await q
      .selectFrom('clues')
      .select('id')
      .where('household_id', '=', householdId)
      .where('status', '<>', 'closed')
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  },
});

export type MeasuresRepository = ReturnType<typeof measuresRepository>;
