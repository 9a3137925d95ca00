import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  calendarYearsToLoad,
  chinaDate,
  defaultCalendars,
  type OfficialCalendar,
  readHolidayNotice,
  validateOfficialCalendar,
  withCalendar,
} from '../../domain/calendar/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission, scopeFilter } from '../auth/actor.ts';
import { recomputeOpenDates } from './recompute-open-dates.ts';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * Official holiday calendars (SPEC §8.1): the years `chinese-days` ships, plus years an admin loads when the State
 * Council publishes them. A loaded year replaces the shipped one.
 */
export const calendarsService = ({
  db,
  audit,
  now = () => new Date(),
}: {
  db: Kysely<DB>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
}) => {
  const list = async (q: Q = db): Promise<OfficialCalendar[]> => {
    const rows = await q.selectFrom('official_calendars').select(['body']).orderBy('year').execute();
    return rows.reduce<OfficialCalendar[]>(
      (all, r) => withCalendar(all, r.body as OfficialCalendar),
      defaultCalendars(),
    );
  };
  return {
    list,

    /**
     * The calendar alert (issue 10 point 6): years to load now, and how many open cases carry estimated dates. Shown
     * on the dashboard, the calendar page and the monthly cycle until an admin loads the year.
     */
    async alert(actor: Actor, q: Q = db) {
      const missingYears = calendarYearsToLoad(await list(q), chinaDate(now().toISOString()));
      const estimated = await q
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('outcome', 'is', null)
        .where(scopeFilter(actor, 'region_code'))
        .where(sql<boolean>`state->'current'->'publicity'->>'uncertain' = 'true'`)
        .executeTakeFirst();
      const estimatedCases = Number(estimated?.n ?? 0);
      const message =
        missingYears.length > 0
          ? `尚未导入${missingYears.join('、')}年法定节假日安排：涉及该年的工作日按周末估算并标注“估算”，请管理员导入国务院办公厅通知`
          : null;
      return { missingYears, estimatedCases, message };
    },

    /**
     * Load one year: the JSON shape, or `{ text }` with the State Council notice as published (`readHolidayNotice`).
     * In the same transaction, every open case whose dates were estimated for that year is recomputed.
     */
    async load(actor: Actor, input: unknown) {
      requirePermission(actor, 'system.manage');
      let body = input;
      if (typeof input === 'object' && input !== null && typeof (input as { text?: unknown }).text === 'string') {
        const r = readHolidayNotice((input as { text: string }).text);
        if (r.problems.length > 0) {
          throw new AppError('CALENDAR_INVALID', `节假日安排有误：${r.problems.join('；')}`, {
            field: 'text',
            errors: r.problems.map((message) => ({ field: 'text', message })),
          });
        }
        body = { ...r.calendar, source: r.calendar.source || '国务院办公厅节假日安排通知（管理员导入）' };
      }
      const v = validateOfficialCalendar(body);
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
      const recomputedCases = await db.transaction().execute(async (trx) => {
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
        const calendars = withCalendar(await list(trx), cal);
        return recomputeOpenDates(trx, audit, actor, cal.year, calendars);
      });
      return { year: cal.year, holidays: cal.holidays.length, workdays: cal.workdays.length, recomputedCases };
    },
  };
};

export type CalendarsService = ReturnType<typeof calendarsService>;
