import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { lastTwelveMonths } from '../../domain/reports/period.ts';
import type { Actor } from '../auth/actor.ts';
import type { FiguresService } from './figures.service.ts';
import { childBoundaries } from './map-boundaries.ts';
import { monthlyTrend } from './trend.repository.ts';

interface Deps {
  db: Kysely<DB>;
  figures: Pick<FiguresService, 'figures' | 'today' | 'region'>;
}

/**
 * The dashboard (工作台, issue #13 point 6) in one call: the month's "X户Y人" cards and sentences, 12 months of trend,
 * the breakdown by category and risk type, the subordinate regions ranked by overdue items and coverage (also the
 * values the map colours), all from the aggregated figures — never by counting pages of households in the browser.
 * The map's boundaries are a second call (they are cached by the browser and do not change with the period).
 */
export const dashboardService = ({ db, figures }: Deps) => ({
  async dashboard(actor: Actor, regionCode: string | undefined, month: string | undefined) {
    const m = month ?? figures.today().slice(0, 7);
    const set = await figures.figures(actor, regionCode, m);
    const trend = await monthlyTrend(db, set.region.code, lastTwelveMonths(m), set.period.asOf);
    const ranking = set.children
      .map((c) => {
        const f = c.figures;
        return {
          code: c.code,
          name: c.name,
          level: c.level,
          monitored: f.monitored.total,
          included: f.included.total,
          eliminated: f.eliminated.total,
          overdueClues: f.clues.overdue.total.count,
          overdueSteps: f.cases.overdue ?? 0,
          overdue: f.clues.overdue.total.count + (f.cases.overdue ?? 0),
          measuresCoverage: f.measuresCoverage.share,
          responsibleCoverage: f.responsibleCoverage.share,
          eliminationShare: f.eliminationShare.persons,
        };
      })
      .sort(
        (a, b) =>
          b.overdue - a.overdue ||
          (a.measuresCoverage ?? 1) - (b.measuresCoverage ?? 1) ||
          a.code.localeCompare(b.code),
      );
    return { region: set.region, period: set.period, figures: set.figures, text: set.text, trend, ranking };
  },

  async map(actor: Actor, regionCode: string | undefined) {
    const r = await figures.region(actor, regionCode);
    return { region: r, ...(await childBoundaries(r.code)) };
  },
});

export type DashboardService = ReturnType<typeof dashboardService>;
