import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { cycleService } from '../cases/cycle.service.ts';
import type { RegionalRiskService } from '../regional-risk/regional-risk.service.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import { type CurrentStock, stockFromTotals } from './current-stock.ts';
import { dashboardService } from './dashboard.service.ts';
import { figuresService } from './figures.service.ts';
import { reportsService } from './reports.service.ts';
import { snapshotsRepository } from './snapshots.repository.ts';
import { snapshotsService } from './snapshots.service.ts';

/** Wiring of the figures and reports module (SPEC §12) for src/services.ts. */
export function createReports(deps: {
  db: Kysely<DB>;
  regionsRepo: Pick<RegionsRepository, 'findByCode' | 'children' | 'roots'>;
  audit: Pick<AuditRepository, 'append'>;
  cycle: Pick<ReturnType<typeof cycleService>, 'month'>;
  regionalRisk: Pick<RegionalRiskService, 'list' | 'anomalies'>;
  stock?: CurrentStock;
  relief?: Parameters<typeof reportsService>[0]['relief'];
  now?: () => Date;
}) {
  const stock = deps.stock ?? stockFromTotals;
  const figures = figuresService({ ...deps, stock });
  const snapshots = snapshotsService({
    db: deps.db,
    snapshotsRepo: snapshotsRepository(deps.db),
    figures,
    stock,
    audit: deps.audit,
  });
  const reports = reportsService({
    db: deps.db,
    audit: deps.audit,
    figures,
    snapshots,
    cycle: deps.cycle,
    regionalRisk: deps.regionalRisk,
    relief: deps.relief,
  });
  const dashboard = dashboardService({ db: deps.db, figures });
  return { figures, snapshots, reports, dashboard };
}

export type Reports = ReturnType<typeof createReports>;
