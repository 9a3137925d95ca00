import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The history behind period figures (SPEC §12): called by case-effects.ts right after a completed procedure has
 * changed the household's monitoring status. Records what the household became, on which date, with its category,
 * risk types and persons at that moment; an inclusion of a household that was eliminated is a return (返贫/再次纳入).
 * The reports module (src/modules/reports) reads these rows; the table is in migration 0070.
 */
export async function recordStatusEvent(
  trx: Transaction<DB>,
  e: { householdId: string; caseId: string; priorStatus: string | undefined; on: string },
): Promise<void> {
  await sql`
    INSERT INTO household_status_events (household_id, region_code, case_id, kind, from_status, to_status,
      effective_on, category, risk_types, lifted_out, persons, source)
    SELECT h.id, h.region_code, ${e.caseId}::uuid,
      CASE WHEN h.monitoring_status = 'eliminated' THEN 'eliminated'
           WHEN coalesce(${e.priorStatus ?? null}::text, last.to_status) = 'eliminated' THEN 'returned'
           ELSE 'included' END,
      coalesce(${e.priorStatus ?? null}::text, last.to_status, 'none'), h.monitoring_status, ${e.on}::date,
      h.category, h.risk_types, h.lifted_out,
      (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')::int, 'procedure'
    FROM households h
    LEFT JOIN LATERAL (
      SELECT x.to_status FROM household_status_events x
      WHERE x.household_id = h.id AND x.voided_at IS NULL ORDER BY x.effective_on DESC, x.id DESC LIMIT 1
    ) last ON true
    WHERE h.id = ${e.householdId}::uuid AND h.monitoring_status <> 'none'`.execute(trx);
}

/** A recorded reversal of a completed procedure voids the event it had written (the figures show the correction). */
export async function voidStatusEvent(trx: Transaction<DB>, caseId: string, reason: string): Promise<void> {
  await sql`
    UPDATE household_status_events SET voided_at = now(), voided_reason = ${reason}
    WHERE case_id = ${caseId}::uuid AND voided_at IS NULL`.execute(trx);
}
