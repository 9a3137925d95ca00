import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { householdAssessmentService } from '../assessment/household-assessment.service.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CluesService } from '../clues/clues.service.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import type { LinesService } from '../settings/lines.service.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { actOnCase } from './act-on-case.ts';
import { calendarsService } from './calendars.service.ts';
import { casesRepository } from './cases.repository.ts';
import { casesService } from './cases.service.ts';
import { cycleService } from './cycle.service.ts';
import { startCaseFromClue } from './start-case-from-clue.ts';
import { templatesService } from './templates.service.ts';

/** The procedures module's services (SPEC §7, §8), built from narrow dependencies. */
export function createCasesModule(deps: {
  db: Kysely<DB>;
  registryRepo: RegistryRepository;
  lines: LinesService;
  settings: RegionSettings;
  clues: CluesService;
  audit: AuditRepository;
  cipher: PiiCipher;
  now: () => Date;
}) {
  const { db, audit, settings, now } = deps;
  const casesRepo = casesRepository(db);
  const calendars = calendarsService({ db, audit, now });
  const templates = templatesService({ db, settings, audit });
  const assessments = householdAssessmentService({
    db,
    registryRepo: deps.registryRepo,
    lines: deps.lines,
    settings,
    audit,
    cipher: deps.cipher,
  });
  const cases = casesService({ db, casesRepo, registryRepo: deps.registryRepo, templates, calendars, audit, now });
  return {
    cases,
    act: actOnCase({ db, casesRepo, calendars, assessments, audit, settings, now }),
    startFromClue: startCaseFromClue({ db, cases, clues: deps.clues }),
    templates,
    calendars,
    assessments,
    cycle: cycleService({ db, casesRepo, templates, calendars, settings, now }),
  };
}

export type CasesModule = ReturnType<typeof createCasesModule>;
