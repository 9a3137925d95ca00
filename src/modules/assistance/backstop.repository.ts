import type { Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';
import type { BackstopKind, BackstopProposalsTable, ProposalStatus } from './assistance.tables.ts';

type Q = Kysely<DB> | Transaction<DB>;

const proposalColumns = [
  'p.id',
  'p.household_id as householdId',
  'p.region_code as regionCode',
  'p.kind',
  'p.reason',
  'p.status',
  'p.granted_kind as grantedKind',
  'p.decided_on as decidedOn',
  'p.decision_note as decisionNote',
  'p.decided_by_name as decidedBy',
  'p.decided_via as decidedVia',
  'p.measure_id as measureId',
  'p.proposed_by as proposedBy',
  'p.proposed_at as proposedAt',
] as const;

/** 兜底保障 proposals to civil affairs and their decisions (SPEC §9). */
export const backstopRepository = (db: Kysely<DB>) => ({
  async insert(
    row: { householdId: string; regionCode: string; kind: BackstopKind; reason: string; by: string },
    q: Q,
  ): Promise<string> {
    const r = await q
      .insertInto('backstop_proposals')
      .values({
        household_id: row.householdId,
        region_code: row.regionCode,
        kind: row.kind,
        reason: row.reason,
        proposed_by: row.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  lock(actor: Actor, id: string, q: Transaction<DB>) {
    return q
      .selectFrom('backstop_proposals as p')
      .select(proposalColumns)
      .where('p.id', '=', id)
      .where(scopeFilter(actor, 'p.region_code'))
      .forUpdate()
      .executeTakeFirst();
  },

  find(actor: Actor, id: string, q: Q = db) {
    return q
      .selectFrom('backstop_proposals as p')
      .select(proposalColumns)
      .where('p.id', '=', id)
      .where(scopeFilter(actor, 'p.region_code'))
      .executeTakeFirst();
  },

  async update(id: string, patch: Updateable<BackstopProposalsTable>, q: Q): Promise<void> {
    await q.updateTable('backstop_proposals').set(patch).where('id', '=', id).execute();
  },

  list(actor: Actor, f: { region?: string; status?: ProposalStatus; householdId?: string }) {
    let query = db
      .selectFrom('backstop_proposals as p')
      .innerJoin('households as h', 'h.id', 'p.household_id')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .select(proposalColumns)
      .select(['h.code as householdCode', 'head.name as headName'])
      .where(scopeFilter(actor, 'p.region_code'));
    if (f.region) query = query.where(regionPrefix('p.region_code', f.region));
    if (f.status) query = query.where('p.status', '=', f.status);
    if (f.householdId) query = query.where('p.household_id', '=', f.householdId);
    return query.orderBy('p.proposed_at', 'desc').limit(1000).execute();
  },
});

export type BackstopRepository = ReturnType<typeof backstopRepository>;
