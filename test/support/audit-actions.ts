import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { isAuditAction } from '../../src/modules/audit/audit-actions.ts';

/** Actions in the audit log that `AuditActions` does not list (SPEC §17): a test flow should leave none. */
export async function unknownAuditActions(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().execute();
  return rows.map((r) => r.action).filter((a) => !isAuditAction(a));
}

/** How many distinct actions the flow wrote, so that a test can show it checked something. */
export async function auditActionsWritten(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
