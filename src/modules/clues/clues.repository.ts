import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { ClueChannel, CluesTable, DB } from '../../db/schema.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface ClueFilter {
  status?: 'open' | 'verifying' | 'closed' | 'unclosed';
  channel?: ClueChannel;
  region?: string;
  householdId?: string;
  overdueOn?: string;
  page: number;
  pageSize: number;
}

export const clueColumns = [
  'c.id',
  'c.region_code as regionCode',
  'c.channel',
  'c.source_kind as sourceKind',
  'c.source_ref as sourceRef',
  'c.household_id as householdId',
  'c.person_id as personId',
  'c.finding',
  'c.facts',
  'c.risk_types as riskTypes',
  'c.severity',
  'c.received_on as receivedOn',
  'c.due_on as dueOn',
  'c.assignee_name as assigneeName',
  'c.status',
  'c.result',
  'c.result_note as resultNote',
  'c.closed_by_name as closedBy',
  'c.closed_at as closedAt',
  'c.merged_count as mergedCount',
  'c.case_id as caseId',
  'c.created_by as createdBy',
  'c.created_at as createdAt',
] as const;

/** The clue ledger's queries (SPEC §6). */
export const cluesRepository = (db: Kysely<DB>) => ({
  /** Inserts a clue, or merges it into the open clue with the same facts (returns merged = true). */
  async insertOrMerge(row: Insertable<CluesTable>, q: Q = db): Promise<{ id: string; merged: boolean }> {
    const r = await q
      .insertInto('clues')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('fact_key')
          .where('status', '<>', 'closed')
          .doUpdateSet({ merged_count: sql`clues.merged_count + 1`, last_seen_at: sql`now()` }),
      )
      .returning(['id', 'merged_count'])
      .executeTakeFirstOrThrow();
    return { id: r.id, merged: r.merged_count > 0 };
  },

  find(actor: Actor, id: string, q: Q = db) {
    return q
      .selectFrom('clues as c')
      .leftJoin('households as h', 'h.id', 'c.household_id')
      .select(clueColumns)
      .select(['h.code as householdCode', 'h.monitoring_status as householdStatus'])
      .where('c.id', '=', id)
      .where(scopeFilter(actor, 'c.region_code'))
      .executeTakeFirst();
  },

  async list(actor: Actor, f: ClueFilter) {
    let query = db
      .selectFrom('clues as c')
      .leftJoin('households as h', 'h.id', 'c.household_id')
      .where(scopeFilter(actor, 'c.region_code'));
    if (actor.role === 'department') query = query.where('c.source_ref', 'like', `${actor.department}%`);
    if (f.status === 'unclosed') query = query.where('c.status', '<>', 'closed');
    else if (f.status) query = query.where('c.status', '=', f.status);
    if (f.channel) query = query.where('c.channel', '=', f.channel);
    if (f.region) query = query.where(regionPrefix('c.region_code', f.region));
    if (f.householdId) query = query.where('c.household_id', '=', f.householdId);
    if (f.overdueOn) query = query.where('c.status', '<>', 'closed').where('c.due_on', '<', f.overdueOn);
    const [items, total] = await Promise.all([
      query
        .select(clueColumns)
        .select('h.code as householdCode')
        .orderBy('c.due_on')
        .orderBy('c.created_at')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },

  /** Overdue clues counted per child region of a scope (SPEC §6: visible to every level above). */
  overdueByRegion(actor: Actor, today: string, childCodeLength: number) {
    return db
      .selectFrom('clues as c')
      .where(scopeFilter(actor, 'c.region_code'))
      .where('c.status', '<>', 'closed')
      .where('c.due_on', '<', today)
      .select([
        sql<string>`left(c.region_code, ${sql.lit(childCodeLength)})`.as('regionCode'),
        (e) => e.fn.countAll<number>().as('count'),
      ])
      .groupBy(sql`left(c.region_code, ${sql.lit(childCodeLength)})`)
      .orderBy(sql`left(c.region_code, ${sql.lit(childCodeLength)})`)
      .execute();
  },

  lock(actor: Actor, id: string, q: Transaction<DB>) {
    return q
      .selectFrom('clues as c')
      .select(clueColumns)
      .where('c.id', '=', id)
      .where(scopeFilter(actor, 'c.region_code'))
      .forUpdate()
      .executeTakeFirst();
  },

  /**
   * Claims the id a phone gave an offline visit (issue 14 point 3). Answers undefined when this call claimed it, else
   * the receipt already kept; a concurrent claim of the same id waits on the key until the first one commits.
   */
  async claimVisit(clientId: string, username: string, householdId: string, q: Transaction<DB>) {
    const claimed = await q
      .insertInto('visit_receipts')
      .values({ client_id: clientId, username, household_id: householdId })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('client_id')
      .executeTakeFirst();
    if (claimed) return undefined;
    return q
      .selectFrom('visit_receipts')
      .select(['username', 'household_id as householdId', 'response'])
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow();
  },

  async keepVisitAnswer(clientId: string, response: unknown, q: Transaction<DB>) {
    await q
      .updateTable('visit_receipts')
      .set({ response: JSON.stringify(response) })
      .where('client_id', '=', clientId)
      .execute();
  },

  /** A visit's receipt, locked so that its photos are counted one upload at a time. */
  lockVisit(clientId: string, q: Transaction<DB>) {
    return q
      .selectFrom('visit_receipts')
      .select(['client_id as clientId', 'username', 'household_id as householdId', 'response'])
      .where('client_id', '=', clientId)
      .forUpdate()
      .executeTakeFirst();
  },

  async visitPhotoOwner(photoId: string, q: Q) {
    return q
      .selectFrom('visit_photos')
      .select(['id', 'visit_client_id as visitClientId', 'size', 'mime'])
      .where('id', '=', photoId)
      .executeTakeFirst();
  },

  async countVisitPhotos(clientId: string, q: Q) {
    const r = await q
      .selectFrom('visit_photos')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('visit_client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async addVisitPhoto(row: Insertable<DB['visit_photos']>, q: Q) {
    await q.insertInto('visit_photos').values(row).execute();
  },

  /** The photos of the visits recorded on a clue (without their bytes), oldest first. */
  visitPhotosOfClue(clueId: string, householdId: string, q: Q = db) {
    return q
      .selectFrom('visit_photos as p')
      .select(['p.id', 'p.visit_client_id as visitClientId', 'p.mime', 'p.size', 'p.uploaded_by as uploadedBy'])
      .select('p.created_at as createdAt')
      .where('p.household_id', '=', householdId)
      .where(sql<boolean>`${clueId}::uuid = any(p.clue_ids)`)
      .orderBy('p.created_at')
      .orderBy('p.id')
      .execute();
  },

  visitPhoto(clueId: string, photoId: string, q: Q = db) {
    return q
      .selectFrom('visit_photos')
      .select(['id', 'mime', 'size', 'content'])
      .where('id', '=', photoId)
      .where(sql<boolean>`${clueId}::uuid = any(clue_ids)`)
      .executeTakeFirst();
  },

  async update(id: string, patch: Updateable<CluesTable>, q: Q) {
    await q.updateTable('clues').set(patch).where('id', '=', id).execute();
  },
});

export type CluesRepository = ReturnType<typeof cluesRepository>;
