import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, scopeFilter } from '../auth/actor.ts';
import type { AuditAction } from './audit-actions.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  regionCode: string;
  householdId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditFilter {
  action?: string;
  entity?: string;
  entityId?: string;
  householdId?: string;
  username?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * Append-only audit log (SPEC §17). There is deliberately no update or delete here; the table's triggers refuse
 * them too. Call `append` inside the transaction of the change it records (STYLE: audit in the same transaction).
 */
export const auditRepository = (db: Kysely<DB>) => ({
  async append(actor: Actor, entry: AuditEntry, q: Q = db): Promise<void> {
    await q
      .insertInto('audit_log')
      .values({
        user_id: actor.userId,
        username: actor.username,
        role: actor.role,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId ?? null,
        region_code: entry.regionCode,
        household_id: entry.householdId ?? null,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
        ip: actor.ip ?? null,
      })
      .execute();
  },

  async list(actor: Actor, f: AuditFilter) {
    let query = db.selectFrom('audit_log').where(scopeFilter(actor));
    if (f.action) query = query.where('action', '=', f.action);
    if (f.entity) query = query.where('entity', '=', f.entity);
    if (f.entityId) query = query.where('entity_id', '=', f.entityId);
    if (f.householdId) query = query.where('household_id', '=', f.householdId);
    if (f.username) query = query.where('username', '=', f.username);
    if (f.from) query = query.where('at', '>=', new Date(f.from));
    if (f.to) query = query.where('at', '<', new Date(f.to));
    const [items, total] = await Promise.all([
      query
        .select([
          'id',
          'at',
          'username',
          'role',
          'action',
          'entity',
          'entity_id as entityId',
          'region_code as regionCode',
          'household_id as householdId',
          'before',
          'after',
          'ip',
        ])
        // The person's name beside the login name (issue 14 point 5: the audit log names users).
        .select((eb) =>
          eb
            .selectFrom('users as u')
            .select('u.display_name')
            .whereRef('u.username', '=', 'audit_log.username')
            .limit(1)
            .as('userName'),
        )
        .orderBy('id', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      query.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n), page: f.page, pageSize: f.pageSize };
  },
});

export type AuditRepository = ReturnType<typeof auditRepository>;
