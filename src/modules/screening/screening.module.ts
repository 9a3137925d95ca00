import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { screeningRepository } from './screening.repository.ts';
import { screeningService } from './screening.service.ts';

/** Wiring of the screening module (SPEC §10) for src/services.ts. */
export function createScreening(deps: {
  db: Kysely<DB>;
  regionsRepo: Pick<RegionsRepository, 'findByCode'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  now?: () => Date;
  /** Rules a routine run screens at once, each in its own transaction and connection (1 on PGlite). */
  workers: number;
}) {
  return screeningService({ ...deps, screeningRepo: screeningRepository(deps.db) });
}
