import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isIsoMonth } from '../../domain/calendar/index.ts';
import { differences } from '../../domain/reports/figure-labels.ts';
import type { RegionFigures } from '../../domain/reports/figures.ts';
import { previousMonth } from '../../domain/reports/period.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission, requireScope, SYSTEM_ACTOR } from '../auth/actor.ts';
import type { CurrentStock } from './current-stock.ts';
import { computeFigures, emptyFigures } from './figures.repository.ts';
import { boundsOf, type FiguresService, periodOf } from './figures.service.ts';
import type { SnapshotRun, SnapshotsRepository } from './snapshots.repository.ts';

interface Deps {
  db: Kysely<DB>;
  snapshotsRepo: SnapshotsRepository;
  figures: Pick<FiguresService, 'region' | 'childrenOf' | 'today' | 'figures'>;
  stock: CurrentStock;
  audit: Pick<AuditRepository, 'append'>;
}

const LEVEL_LENGTHS = [0, 2, 4, 6, 9, 12];

export interface FrozenFigures {
  run: SnapshotRun;
  figures: RegionFigures;
  children: Map<string, RegionFigures>;
}

/**
 * Monthly snapshots (SPEC §12): the figures of a month frozen for a scope and every region under it, by the
 * month-end job or on demand, so that a report printed in March for February gives the same numbers in June.
 * Nothing frozen is ever changed: freezing a month again is a new run with its reason, and a later correction in
 * the records shows as a difference between the frozen figures and today's recomputation.
 */
export const snapshotsService = ({ db, snapshotsRepo, figures, stock, audit }: Deps) => {
  async function freezeScope(
    actor: Actor,
    input: { regionCode: string; month: string; reason?: string; trigger: 'schedule' | 'demand' },
  ) {
    const started = performance.now();
    const scope = input.regionCode;
    const period = periodOf(input.month, figures.today());
    const lengths = LEVEL_LENGTHS.filter((n) => n >= scope.length);
    const all = await computeFigures(db, boundsOf(scope, period), lengths, stock);
    if (!all.has(scope)) all.set(scope, emptyFigures(period.current));
    const rows = [...all.entries()];
    return db.transaction().execute(async (trx) => {
      const runId = await snapshotsRepo.insertRun(
        {
          scopeCode: scope,
          month: input.month,
          asOf: period.asOf,
          trigger: input.trigger,
          reason: input.reason ?? null,
          takenBy: actor.username,
        },
        trx,
      );
      await snapshotsRepo.insertFigures(runId, input.month, rows, trx);
      const seconds = (performance.now() - started) / 1000;
      await snapshotsRepo.finishRun(runId, rows.length, seconds, trx);
      await audit.append(
        actor,
        {
          action: AuditActions.reportSnapshot,
          entity: 'figure_snapshot',
          entityId: String(runId),
          regionCode: scope,
          after: {
            month: input.month,
            asOf: period.asOf,
            trigger: input.trigger,
            reason: input.reason ?? null,
            regions: rows.length,
          },
        },
        trx,
      );
      return {
        runId,
        regionCode: scope,
        month: input.month,
        asOf: period.asOf,
        regions: rows.length,
        seconds: Math.round(seconds * 1000) / 1000,
      };
    });
  }

  async function latestFrozen(regionCode: string, month: string, childCodes: string[]): Promise<FrozenFigures | null> {
    const [run] = await snapshotsRepo.runsCovering(regionCode, month);
    if (!run) return null;
    const rows = await snapshotsRepo.figuresOf(run.id, [regionCode, ...childCodes]);
    // A run taken while its month was running also froze the overdue steps; zeros take the same shape.
    const current = [...rows.values()][0]?.cases.overdue != null;
    const children = new Map(childCodes.map((c) => [c, rows.get(c) ?? emptyFigures(current)]));
    return { run, figures: rows.get(regionCode) ?? emptyFigures(current), children };
  }

  return {
    freezeScope,
    latestFrozen,

    /** The month-end job: the whole deployment's figures of the running month (snapshot-schedule.ts). */
    monthEnd: (month: string) => freezeScope(SYSTEM_ACTOR, { regionCode: '', month, trigger: 'schedule' }),

    /** At start: freeze the previous month if the month-end job missed it (server down at month end). */
    async catchUp() {
      const month = previousMonth(figures.today().slice(0, 7));
      if ((await snapshotsRepo.runsCovering('', month)).length > 0) return null;
      return freezeScope(SYSTEM_ACTOR, { regionCode: '', month, trigger: 'schedule' });
    },

    /** On demand: freeze a month for the user's region (county and admin); a month frozen before needs a reason. */
    async freeze(actor: Actor, input: { regionCode?: string; month: string; reason?: string }) {
      requirePermission(actor, 'settings.write');
      const regionCode = input.regionCode ?? actor.regionCode;
      requireScope(actor, regionCode);
      if (!isIsoMonth(input.month) || input.month > figures.today().slice(0, 7))
        throw new AppError('SNAPSHOT_MONTH_INVALID', `只能冻结已开始的月份：${input.month}`, { field: 'month' });
      await figures.region(actor, regionCode);
      const earlier = await snapshotsRepo.runsCovering(regionCode, input.month);
      const reason = input.reason?.trim();
      if (earlier.length > 0 && !reason)
        throw new AppError(
          'SNAPSHOT_REASON_REQUIRED',
          `${input.month}的指标已于${earlier[0]?.asOf}冻结，重新冻结须说明理由`,
          {
            field: 'reason',
          },
        );
      return freezeScope(actor, { regionCode, month: input.month, trigger: 'demand', ...(reason ? { reason } : {}) });
    },

    /** The frozen figures of a month beside today's recomputation, and what differs (SPEC §12). */
    async compare(actor: Actor, regionCode: string | undefined, month: string) {
      const now = await figures.figures(actor, regionCode, month);
      const frozen = await latestFrozen(now.region.code, month, []);
      return {
        region: now.region,
        period: now.period,
        run: frozen?.run ?? null,
        frozen: frozen?.figures ?? null,
        now: now.figures,
        differences: frozen ? differences(frozen.figures, now.figures) : [],
      };
    },

    async runs(actor: Actor) {
      requirePermission(actor, 'registry.read');
      return { items: await snapshotsRepo.runsOf(actor.regionCode, 100) };
    },
  };
};

export type SnapshotsService = ReturnType<typeof snapshotsService>;
