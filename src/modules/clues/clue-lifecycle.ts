import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, regionPrefix, scopeFilter } from '../auth/actor.ts';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * Clues and cases stay in step (SPEC §6, issue 10). A declaration from someone not yet in the registry is linked to
 * the household when the declarant is registered: the registry and the declaration hold the same ID-number hash.
 * Called by the registry in the transaction that registers the persons (`personIds`), so the link and its audit row
 * are written with the registration, by its actor — never when a list or a page is read. Idempotent.
 */
export async function linkDeclarationsOf(
  trx: Transaction<DB>,
  audit: Pick<AuditRepository, 'append'>,
  actor: Actor,
  personIds: readonly string[],
): Promise<number> {
  if (personIds.length === 0) return 0;
  const r = await sql<{ id: string; regionCode: string; householdId: string }>`
    UPDATE clues c SET household_id = p.household_id, person_id = p.id, region_code = h.region_code
    FROM declarations d
    JOIN persons p ON p.id_number_hash = d.id_number_hash
    JOIN households h ON h.id = p.household_id
    WHERE d.clue_id = c.id AND c.household_id IS NULL AND c.status <> 'closed'
      AND p.id IN (${sql.join(personIds.map((id) => sql`${id}::uuid`))})
    RETURNING c.id, c.region_code AS "regionCode", c.household_id AS "householdId"`.execute(trx);
  for (const row of r.rows) {
    await audit.append(
      actor,
      {
        action: AuditActions.clueLink,
        entity: 'clue',
        entityId: row.id,
        regionCode: row.regionCode,
        householdId: row.householdId,
        after: { householdId: row.householdId, by: 'id_number_hash' },
      },
      trx,
    );
  }
  return r.rows.length;
}

/** Sources whose clues ask for an elimination (an effectiveness review); every other clue asks about a risk. */
const ELIMINATION_SOURCES = ['effectiveness_review'];

/**
 * When a procedure concludes, every open clue of the household that it answers is closed as 并入程序 with a link
 * to the case, so it does not go overdue and keep the household yellow (issue 10): an inclusion (identified or
 * not) answers the risk clues received by its end; a completed elimination answers the clues asking for it.
 * Other clues stay open with their reason. Audited in the same transaction.
 */
export async function closeCluesAnsweredByCase(
  trx: Transaction<DB>,
  audit: Pick<AuditRepository, 'append'>,
  actor: Actor,
  c: { id: string; kind: 'inclusion' | 'elimination'; householdId: string; outcome: string },
  on: string,
): Promise<string[]> {
  if (c.kind === 'elimination' && c.outcome !== 'completed') return [];
  if (c.outcome === 'closed') return [];
  const note =
    c.kind === 'inclusion'
      ? c.outcome === 'completed'
        ? '并入识别程序：已认定为监测对象'
        : '并入识别程序：经程序认定暂不符合条件'
      : '并入风险消除程序：已标注风险消除';
  let query = trx
    .updateTable('clues')
    .set({
      status: 'closed',
      result: 'merged_into_case',
      result_note: note,
      closed_by: actor.userId,
      closed_by_name: actor.username,
      closed_at: new Date(),
      case_id: c.id,
    })
    .where('household_id', '=', c.householdId)
    .where('status', '<>', 'closed')
    .where('received_on', '<=', on);
  query =
    c.kind === 'inclusion'
      ? query.where('source_kind', 'not in', ELIMINATION_SOURCES)
      : query.where('source_kind', 'in', ELIMINATION_SOURCES);
  const closed = await query.returning(['id', 'region_code as regionCode', 'status']).execute();
  for (const row of closed) {
    await audit.append(
      actor,
      {
        action: AuditActions.clueClose,
        entity: 'clue',
        entityId: row.id,
        regionCode: row.regionCode,
        householdId: c.householdId,
        after: { result: 'merged_into_case', note, caseId: c.id },
      },
      trx,
    );
  }
  return closed.map((r) => r.id);
}

/**
 * A concluded procedure reversed (reopened) no longer answers the clues it closed as 并入程序 (issue 10 point 5):
 * they are opened again, without the result, and audited. Clues closed otherwise are not touched.
 */
export async function reopenCluesMergedIntoCase(
  trx: Transaction<DB>,
  audit: Pick<AuditRepository, 'append'>,
  actor: Actor,
  c: { id: string; householdId: string },
): Promise<string[]> {
  const reopened = await trx
    .updateTable('clues')
    .set({
      status: 'open',
      result: null,
      result_note: null,
      closed_by: null,
      closed_by_name: null,
      closed_at: null,
      case_id: null,
    })
    .where('case_id', '=', c.id)
    .where('result', '=', 'merged_into_case')
    .where('status', '=', 'closed')
    .returning(['id', 'region_code as regionCode'])
    .execute();
  for (const row of reopened) {
    await audit.append(
      actor,
      {
        action: AuditActions.clueReopen,
        entity: 'clue',
        entityId: row.id,
        regionCode: row.regionCode,
        householdId: c.householdId,
        before: { result: 'merged_into_case', caseId: c.id },
        after: { status: 'open', reason: '程序办结已撤销' },
      },
      trx,
    );
  }
  return reopened.map((r) => r.id);
}

/**
 * Overdue clues of a region (SPEC §6, §8.2): open past their decision limit (`clues.dueDays`), for the monthly
 * cycle's late items; visible to the village and the level above, like every late item.
 */
export function overdueClues(q: Q, actor: Actor, regionCode: string, today: string) {
  return q
    .selectFrom('clues as c')
    .where(scopeFilter(actor, 'c.region_code'))
    .where(regionPrefix('c.region_code', regionCode))
    .where('c.status', '<>', 'closed')
    .where('c.due_on', '<', today)
    .select([
      'c.id',
      'c.region_code as regionCode',
      'c.household_id as householdId',
      'c.channel',
      'c.received_on as receivedOn',
      'c.due_on as dueOn',
    ])
    .orderBy('c.due_on')
    .limit(500)
    .execute();
}
