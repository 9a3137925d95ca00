import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { regionalRiskRepository } from './regional-risk.repository.ts';
import { regionalRiskService } from './regional-risk.service.ts';

/** Wiring of the regional-risk module (SPEC §11) for src/services.ts. */
export function createRegionalRisk(deps: {
  db: Kysely<DB>;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
}) {
  return regionalRiskService({ ...deps, riskRepo: regionalRiskRepository(deps.db) });
}
