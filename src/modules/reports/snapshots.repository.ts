import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RegionFigures } from '../../domain/reports/figures.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface SnapshotRun {
  id: number;
  scopeCode: string;
  month: string;
  asOf: string;
  trigger: 'schedule' | 'demand';
  reason: string | null;
  regions: number;
  takenBy: string;
  takenAt: Date;
}

const runColumns = [
  'r.id',
  'r.scope_code as scopeCode',
  'r.month',
  'r.as_of as asOf',
  'r.trigger',
  'r.reason',
  'r.regions',
  'r.taken_by as takenBy',
  'r.taken_at as takenAt',
] as const;

/** Frozen monthly figures (migration 0070, SPEC §12): runs and one row of figures per region of a run. */
export const snapshotsRepository = (db: Kysely<DB>) => ({
  async insertRun(
    r: {
      scopeCode: string;
      month: string;
      asOf: string;
      trigger: 'schedule' | 'demand';
      reason: string | null;
      takenBy: string;
    },
    q: Q,
  ): Promise<number> {
    const row = await q
      .insertInto('figure_snapshot_runs')
      .values({
        scope_code: r.scopeCode,
        month: r.month,
        as_of: r.asOf,
        trigger: r.trigger,
        reason: r.reason,
        taken_by: r.takenBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  },

  async insertFigures(runId: number, month: string, rows: [string, RegionFigures][], q: Q): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await q
        .insertInto('figure_snapshots')
        .values(
          rows
            .slice(i, i + 500)
            .map(([code, f]) => ({ run_id: runId, region_code: code, month, figures: JSON.stringify(f) })),
        )
        .execute();
    }
  },

  async finishRun(runId: number, regions: number, seconds: number, q: Q): Promise<void> {
    await q
      .updateTable('figure_snapshot_runs')
      .set({ regions, seconds: seconds.toFixed(3) })
      .where('id', '=', runId)
      .execute();
  },

  /** Runs whose scope covers the region (the region itself or an ancestor), newest first. */
  runsCovering(regionCode: string, month: string, q: Q = db): Promise<SnapshotRun[]> {
    const prefixes = [0, 2, 4, 6, 9, 12].filter((n) => n <= regionCode.length).map((n) => regionCode.slice(0, n));
    return q
      .selectFrom('figure_snapshot_runs as r')
      .select(runColumns)
      .where('r.month', '=', month)
      .where('r.scope_code', 'in', prefixes)
      .orderBy('r.id', 'desc')
      .execute() as Promise<SnapshotRun[]>;
  },

  /** The figures of a region and of the given child regions in one run (absent rows: nothing was counted). */
  async figuresOf(runId: number, codes: string[], q: Q = db): Promise<Map<string, RegionFigures>> {
    if (codes.length === 0) return new Map();
    const rows = await q
      .selectFrom('figure_snapshots')
      .select(['region_code', 'figures'])
      .where('run_id', '=', runId)
      .where('region_code', 'in', codes)
      .execute();
    return new Map(
      rows.map((r) => [
        r.region_code,
        (typeof r.figures === 'string' ? JSON.parse(r.figures) : r.figures) as RegionFigures,
      ]),
    );
  },

  /** Runs inside a scope or covering it (taken for an ancestor), newest first. */
  runsOf(scope: string, limit: number, q: Q = db): Promise<SnapshotRun[]> {
    const ancestors = [0, 2, 4, 6, 9].filter((n) => n < scope.length).map((n) => scope.slice(0, n));
    return q
      .selectFrom('figure_snapshot_runs as r')
      .select(runColumns)
      .where((eb) =>
        eb.or([
          eb('r.scope_code', 'like', `${scope.replace(/[%_\\]/g, '')}%`),
          ...(ancestors.length ? [eb('r.scope_code', 'in', ancestors)] : []),
        ]),
      )
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute() as Promise<SnapshotRun[]>;
  },
});

export type SnapshotsRepository = ReturnType<typeof snapshotsRepository>;
