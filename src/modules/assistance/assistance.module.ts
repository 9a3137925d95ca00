import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import type { LinesService } from '../settings/lines.service.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { backstopRepository } from './backstop.repository.ts';
import { backstopService } from './backstop.service.ts';
import { cardsRepository } from './cards.repository.ts';
import { cardsService } from './cards.service.ts';
import { catalogueRepository } from './catalogue.repository.ts';
import { catalogueService } from './catalogue.service.ts';
import type { EliminationCheck } from './elimination-check.ts';
import { gapsRepository } from './gaps.repository.ts';
import { gapsService } from './gaps.service.ts';
import { householdAssistanceService } from './household-assistance.service.ts';
import { measuresRepository } from './measures.repository.ts';
import { measuresService } from './measures.service.ts';
import { planService } from './plan.service.ts';
import { publicityRepository } from './publicity.repository.ts';
import { publicityService } from './publicity.service.ts';
import { reviewsRepository } from './reviews.repository.ts';
import { reviewsService } from './reviews.service.ts';
import type { StartElimination } from './start-elimination.ts';

export { matchBackstopAfterImport } from './match-backstop-recipients.ts';
export { startEliminationByClue, startEliminationCase } from './start-elimination.ts';

export interface AssistanceDeps {
  db: Kysely<DB>;
  audit: Pick<AuditRepository, 'append'>;
  registryRepo: RegistryRepository;
  regionsRepo: Pick<RegionsRepository, 'findByCode' | 'path'>;
  settings: Pick<RegionSettings, 'get' | 'set' | 'history'>;
  lines: Pick<LinesService, 'effective'>;
  /** Starts the elimination procedure (SPEC §8.3) for a review outcome; provided by the procedures module. */
  startElimination: StartElimination;
  /** The elimination rules on the household picture (SPEC §7.4), for the effectiveness review. */
  eliminationCheck: EliminationCheck;
  now?: () => Date;
}

/** Assistance (帮扶, SPEC §9): each use case a small service over its own repository; wired once here. */
export function createAssistance(deps: AssistanceDeps) {
  const { db, audit, registryRepo, regionsRepo, settings, lines, startElimination, now } = deps;
  const measuresRepo = measuresRepository(db);
  const reviewsRepo = reviewsRepository(db);
  const backstopRepo = backstopRepository(db);
  const catalogue = catalogueService({ db, catalogueRepo: catalogueRepository(db), settings, regionsRepo });
  return {
    catalogue,
    plan: planService({ db, measuresRepo, registryRepo, catalogue, settings, audit, now }),
    measures: measuresService({ db, measuresRepo, audit, now }),
    households: householdAssistanceService({
      db,
      measuresRepo,
      reviewsRepo,
      backstopRepo,
      registryRepo,
      settings,
      audit,
      now,
    }),
    gaps: gapsService({ gapsRepo: gapsRepository(db), settings, now }),
    reviews: reviewsService({
      db,
      reviewsRepo,
      measuresRepo,
      registryRepo,
      regionsRepo,
      lines,
      audit,
      startElimination,
      eliminationCheck: deps.eliminationCheck,
      now,
    }),
    backstop: backstopService({ db, backstopRepo, measuresRepo, registryRepo, catalogue, audit, now }),
    publicity: publicityService({ publicityRepo: publicityRepository(db), regionsRepo, now }),
    cards: cardsService({
      cardsRepo: cardsRepository(db),
      publicityRepo: publicityRepository(db),
      catalogue,
      regionsRepo,
      settings,
      audit,
      now,
    }),
  };
}

export type Assistance = ReturnType<typeof createAssistance>;
