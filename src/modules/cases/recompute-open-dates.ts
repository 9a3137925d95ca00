import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CalendarList } from '../../domain/calendar/index.ts';
import { type CaseState, recomputedPublicity } from '../../domain/procedures/index.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import { currentDue } from './cases.service.ts';

/**
 * After an official calendar is loaded for `year` (issue 10 point 6), every open case whose dates were estimated
 * for that year gets them recomputed: the running publicity's end and the current step's due date. Only open cases
 * with an estimated publicity or a due date in or after that year are read, so the work stays proportional to the
 * cases the year touches. Each change is audited in the caller's transaction.
 */
export async function recomputeOpenDates(
  trx: Transaction<DB> | Kysely<DB>,
  audit: Pick<AuditRepository, 'append'>,
  actor: Actor,
  year: number,
  calendars: CalendarList,
): Promise<number> {
  const rows = await trx
    .selectFrom('cases')
    .select(['id', 'state', 'region_code as regionCode', 'household_id as householdId', 'current_due as currentDue'])
    .where('outcome', 'is', null)
    .where((eb) =>
      eb.or([
        eb('current_due', '>=', `${year}-01-01`),
        eb(sql`state->'current'->'publicity'->>'uncertain'`, '=', 'true'),
      ]),
    )
    .execute();
  const list = { list: async () => [...calendars] };
  let changed = 0;
  for (const r of rows) {
    const before = r.state as CaseState;
    const state = recomputedPublicity(before, calendars) ?? before;
    const due = await currentDue(state, list);
    const oldDue = r.currentDue === null ? null : String(r.currentDue).slice(0, 10);
    if (state === before && due === oldDue) continue;
    await trx
      .updateTable('cases')
      .set({ state: JSON.stringify(state), current_due: due })
      .where('id', '=', r.id)
      .execute();
    await audit.append(
      actor,
      {
        action: AuditActions.caseDatesRecompute,
        entity: 'case',
        entityId: r.id,
        householdId: r.householdId,
        regionCode: r.regionCode,
        before: { publicityEnd: before.current.publicity?.end ?? null, due: oldDue },
        after: { publicityEnd: state.current.publicity?.end ?? null, due, calendarYear: year },
      },
      trx,
    );
    changed++;
  }
  return changed;
}
