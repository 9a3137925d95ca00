import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  defaultCalendars,
  type OfficialCalendar,
  validateOfficialCalendar,
  withCalendar,
} from '../../domain/calendar/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission } from '../auth/actor.ts';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * Official holiday calendars (SPEC §8.1): the years `chinese-days` ships, plus years an admin loads when the State
 * Council publishes them. A loaded year replaces the shipped one.
 */
export const calendarsService = ({ db, audit }: { db: Kysely<DB>; audit: Pick<AuditRepository, 'append'> }) => ({
  async list(q: Q = db): Promise<OfficialCalendar[]> {
    const rows = await q.selectFrom('official_calendars').select(['body']).orderBy('year').execute();
    return rows.reduce<OfficialCalendar[]>(
      (all, r) => withCalendar(all, r.body as OfficialCalendar),
      defaultCalendars(),
    );
  },

  async load(actor: Actor, input: unknown) {
    requirePermission(actor, 'users.manage');
    const v = validateOfficialCalendar(input);
    if (!v.ok) {
      throw new AppError(
        'CALENDAR_INVALID',
        `节假日安排有误：${v.errors.map((e) => `${e.field}：${e.message}`).join('；')}`,
        {
          errors: v.errors,
        },
      );
    }
    const cal = v.value;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('official_calendars')
        .values({ year: cal.year, body: JSON.stringify(cal), loaded_by: actor.username })
        .onConflict((oc) =>
          oc
            .column('year')
            .doUpdateSet({ body: JSON.stringify(cal), loaded_by: actor.username, loaded_at: new Date() }),
        )
        .execute();
      await audit.append(
        actor,
        {
          action: AuditActions.calendarLoad,
          entity: 'calendar',
          entityId: String(cal.year),
          regionCode: '',
          after: cal,
        },
        trx,
      );
    });
    return { year: cal.year, holidays: cal.holidays.length, workdays: cal.workdays.length };
  },
});

export type CalendarsService = ReturnType<typeof calendarsService>;
