import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaDate } from '../../domain/calendar/index.ts';
import { type CycleItem, lateItems, lateItemsVisibleTo, monthlyCycle } from '../../domain/cycle/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, requirePermission } from '../auth/actor.ts';
import { overdueClues } from '../clues/clue-lifecycle.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import type { CalendarsService } from './calendars.service.ts';
import { levelOf } from './case-levels.ts';
import type { CasesRepository } from './cases.repository.ts';
import type { TemplatesService } from './templates.service.ts';

interface Deps {
  db: Kysely<DB>;
  casesRepo: Pick<CasesRepository, 'roundCases'>;
  templates: Pick<TemplatesService, 'resolve'>;
  calendars: Pick<CalendarsService, 'list' | 'alert'>;
  settings: Pick<RegionSettings, 'get'>;
  now?: () => Date;
}

/**
 * The monthly routine round (SPEC §8.2): the month's eight deadlines for a region's template, skipped in a month
 * with a concentrated screening (setting `cycle.concentratedScreenings`: { months: ['2026-03', …] }), and what is
 * late at each level; every late item names the levels that must see it (its own and the one above).
 */
export const cycleService = ({ db, casesRepo, templates, calendars, settings, now = () => new Date() }: Deps) => ({
  async month(actor: Actor, month: string, regionCode: string) {
    requirePermission(actor, 'registry.read');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new AppError('VALIDATION', `月份格式应为 YYYY-MM：${month}`, { field: 'month' });
    if (!regionCode.startsWith(actor.regionCode))
      throw new AppError('REGION_OUT_OF_SCOPE', '该区划不在您的管辖范围内', { regionCode });
    const template = await templates.resolve(regionCode, 'inclusion');
    const screenings = (await settings.get<{ months: string[] }>('cycle.concentratedScreenings', regionCode)).value;
    const cycle = monthlyCycle({
      month,
      template,
      concentratedScreening: screenings.months.includes(month),
      calendars: await calendars.list(),
    });
    const today = chinaDate(now().toISOString());
    // Clues past their decision limit are late items too (issue 10), routine round or not.
    const clues = await overdueClues(db, actor, regionCode, today);
    // A year without its official calendar is estimated, never blocking; the alert asks an admin to load it.
    const calendarAlert = await calendars.alert(actor);
    if (cycle.skipped) return { cycle, late: [], visibleToYou: [], overdueClues: clues, calendarAlert };
    const items: CycleItem[] = [];
    for (const c of await casesRepo.roundCases(actor, month)) {
      if (!c.regionCode.startsWith(regionCode)) continue;
      for (const done of c.state.completed) {
        const step = c.state.template.steps[done.stepIndex];
        if (step)
          items.push({ id: c.id, stepCode: step.code, completedOn: done.completedOn, regionCode: c.regionCode });
      }
      if (!c.outcome && c.currentStep) items.push({ id: c.id, stepCode: c.currentStep, regionCode: c.regionCode });
    }
    const report = lateItems(cycle, items, today);
    return {
      cycle,
      late: report.items,
      byLevel: report.byLevel,
      visibleToYou: lateItemsVisibleTo(report, levelOf(actor)),
      overdueClues: clues,
      calendarAlert,
    };
  },
});
