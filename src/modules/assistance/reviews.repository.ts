import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';
import type { EffectivenessReviewHouseholdsTable } from './assistance.tables.ts';

type Q = Kysely<DB> | Transaction<DB>;

const roundColumns = [
  'r.id',
  'r.region_code as villageCode',
  'r.year',
  'r.meeting_date as meetingDate',
  'r.attendees',
  'r.minutes',
  'r.created_by as createdBy',
  'r.created_at as createdAt',
] as const;

const resultColumns = [
  'e.id',
  'e.review_id as reviewId',
  'e.household_id as householdId',
  'e.judgement',
  'e.outcome',
  'e.reasons',
  'e.follow_ups as followUps',
  'e.findings',
  'e.case_id as caseId',
  'e.clue_id as clueId',
  'e.reviewed_by as reviewedBy',
  'e.reviewed_at as reviewedAt',
] as const;

/** 帮扶成效评议 rounds (one village meeting) and the household results recorded with them (SPEC §9). */
export const reviewsRepository = (db: Kysely<DB>) => ({
  async insertRound(
    row: { villageCode: string; year: number; meetingDate: string; attendees: string[]; minutes: string; by: string },
    q: Q,
  ): Promise<string> {
    const r = await q
      .insertInto('effectiveness_reviews')
      .values({
        region_code: row.villageCode,
        year: row.year,
        meeting_date: row.meetingDate,
        attendees: row.attendees,
        minutes: row.minutes,
        created_by: row.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  findRound(actor: Actor, id: string, q: Q = db) {
    return q
      .selectFrom('effectiveness_reviews as r')
      .select(roundColumns)
      .where('r.id', '=', id)
      .where(scopeFilter(actor, 'r.region_code'))
      .executeTakeFirst();
  },

  listRounds(actor: Actor, f: { village?: string; year?: number }) {
    let query = db
      .selectFrom('effectiveness_reviews as r')
      .select(roundColumns)
      .select((eb) =>
        eb
          .selectFrom('effectiveness_review_households as e')
          .whereRef('e.review_id', '=', 'r.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('householdCount'),
      )
      .where(scopeFilter(actor, 'r.region_code'));
    if (f.village) query = query.where(regionPrefix('r.region_code', f.village));
    if (f.year) query = query.where('r.year', '=', f.year);
    return query.orderBy('r.meeting_date', 'desc').limit(500).execute();
  },

  results(reviewId: string, q: Q = db) {
    return q
      .selectFrom('effectiveness_review_households as e')
      .innerJoin('households as h', 'h.id', 'e.household_id')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .select(resultColumns)
      .select(['h.code as householdCode', 'head.name as headName'])
      .where('e.review_id', '=', reviewId)
      .orderBy('h.code')
      .execute();
  },

  findResult(reviewId: string, householdId: string, q: Q) {
    return q
      .selectFrom('effectiveness_review_households as e')
      .select('e.id')
      .where('e.review_id', '=', reviewId)
      .where('e.household_id', '=', householdId)
      .executeTakeFirst();
  },

  /** The household's latest outcome, for its risk colour (SPEC §16: "stable" once the review says so). */
  latestOutcome(householdId: string, q: Q = db) {
    return q
      .selectFrom('effectiveness_review_households as e')
      .innerJoin('effectiveness_reviews as r', 'r.id', 'e.review_id')
      .select(['e.outcome', 'r.year', 'r.meeting_date as meetingDate'])
      .where('e.household_id', '=', householdId)
      .orderBy('r.meeting_date', 'desc')
      .orderBy('e.reviewed_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async insertResult(row: Insertable<EffectivenessReviewHouseholdsTable>, q: Q): Promise<string> {
    const r = await q
      .insertInto('effectiveness_review_households')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async linkProcedure(id: string, link: { caseId: string | null; clueId: string | null }, q: Q): Promise<void> {
    await q
      .updateTable('effectiveness_review_households')
      .set({ case_id: link.caseId, clue_id: link.clueId })
      .where('id', '=', id)
      .execute();
  },
});

export type ReviewsRepository = ReturnType<typeof reviewsRepository>;
