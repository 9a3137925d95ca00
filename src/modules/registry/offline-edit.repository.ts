import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, scopeFilter } from '../auth/actor.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The actions whose before/after name a household's or a member's fields: where "who changed it, when" is read. */
const CHANGE_ACTIONS = [AuditActions.householdUpdate, AuditActions.personUpdate, AuditActions.householdOfflineEdit];

/**
 * Offline edits of a household (issue 14 point 3, ADR 0042): the phone's download of what it may change, the
 * receipts that make an upload idempotent, and the audit entries that say who last changed a field.
 */
export const offlineEditRepository = (db: Kysely<DB>) => ({
  /** One page of the actor's households in code order (keyset), with what the phone shows and may change. */
  async pack(actor: Actor, after: string | undefined, pageSize: number) {
    let query = db
      .selectFrom('households as h')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .where(scopeFilter(actor, 'h.region_code'))
      .select(['h.id', 'h.code', 'h.address', 'h.version', 'head.name as headName'])
      .orderBy('h.code')
      .limit(pageSize);
    if (after !== undefined) query = query.where('h.code', '>', after);
    const households = await query.execute();
    const ids = households.map((h) => h.id);
    const members = ids.length
      ? await db
          .selectFrom('persons')
          .select([
            'id',
            'household_id as householdId',
            'name',
            'relation',
            'status',
            'phone',
            'health',
            'disability_level as disabilityLevel',
            'labor',
            'employment',
            'employment_months as employmentMonths',
          ])
          .where('household_id', 'in', ids)
          .orderBy(sql`relation = 'head'`, 'desc')
          .orderBy('birth_year')
          .orderBy('name')
          .execute()
      : [];
    return households.map((h) => {
      const own = members.filter((m) => m.householdId === h.id).map(({ householdId, ...m }) => m);
      return { ...h, memberCount: own.filter((m) => m.status === 'normal').length, members: own };
    });
  },

  /** Claims the phone's id for this edit; returns the kept receipt when the id was claimed before. */
  async claim(clientId: string, username: string, householdId: string, q: Transaction<DB>) {
    const claimed = await q
      .insertInto('offline_edit_receipts')
      .values({ client_id: clientId, username, household_id: householdId })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('client_id')
      .executeTakeFirst();
    if (claimed) return undefined;
    return q
      .selectFrom('offline_edit_receipts')
      .select(['username', 'household_id as householdId', 'response'])
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow();
  },

  async keepAnswer(clientId: string, response: unknown, q: Transaction<DB>) {
    await q
      .updateTable('offline_edit_receipts')
      .set({ response: JSON.stringify(response) })
      .where('client_id', '=', clientId)
      .execute();
  },

  /**
   * The newest audited change of `field` on a household or member: who (the person's name) and when. Reads the
   * entity's latest change entries (newest first) and takes the first whose before and after differ on the field.
   */
  async lastChange(entity: 'household' | 'person', entityId: string, field: string, q: Q = db) {
    const rows = await q
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.username', 'a.username')
      .select(['a.at', 'a.username', 'u.display_name as displayName', 'a.before', 'a.after'])
      .where('a.entity', '=', entity)
      .where('a.entity_id', '=', entityId)
      .where('a.action', 'in', CHANGE_ACTIONS)
      .orderBy('a.id', 'desc')
      .limit(100)
      .execute();
    for (const r of rows) {
      const before = (r.before ?? {}) as Record<string, unknown>;
      const after = (r.after ?? {}) as Record<string, unknown>;
      if (!(field in after)) continue;
      if (JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) continue;
      return { by: r.displayName ?? null, at: new Date(r.at as unknown as string).toISOString() };
    }
    return undefined;
  },
});

export type OfflineEditRepository = ReturnType<typeof offlineEditRepository>;
