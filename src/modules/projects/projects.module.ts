import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PlanService } from '../assistance/plan.service.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { importProjects } from './import-projects.ts';
import { projectAssetsRepository } from './project-assets.repository.ts';
import { projectAssetsService } from './project-assets.service.ts';
import { bulletinWorkbook } from './project-export.ts';
import { projectFilingsService } from './project-filings.service.ts';
import { projectRules } from './project-rules.ts';
import { projectWarningsService } from './project-warnings.service.ts';
import { projectsRepository } from './projects.repository.ts';
import { projectsService } from './projects.service.ts';

/** Wiring of the assistance-fund projects module (SPEC §13) for src/services.ts. */
export function createProjects(deps: {
  db: Kysely<DB>;
  settings: Pick<RegionSettings, 'get' | 'set'>;
  audit: Pick<AuditRepository, 'append'>;
  now: () => Date;
  measures?: Pick<PlanService, 'addMeasure'>;
}) {
  const { db, settings, audit, now, measures } = deps;
  const repo = projectsRepository(db);
  const rules = projectRules(settings);
  const projects = projectsService({ db, repo, measures, rules, audit, now });
  const warnings = projectWarningsService({ repo, rules, now });
  return {
    projects,
    importLibrary: importProjects({ db, repo, rules, projects }),
    filings: projectFilingsService({ db, projects, audit }),
    assets: projectAssetsService({ db, repo: projectAssetsRepository(db), projectsRepo: repo, projects, audit, now }),
    warnings,
    rules,
    /** The monthly bulletin workbook; the export itself is audited (SPEC §17). */
    async exportBulletin(actor: Actor, region: string | undefined, month?: string) {
      const b = await warnings.bulletin(actor, region, month);
      await audit.append(actor, {
        action: AuditActions.projectBulletinExport,
        entity: 'project_bulletin',
        entityId: b.month,
        regionCode: b.regionCode,
        after: b.counts,
      });
      return {
        name: `${b.regionName}${b.month}项目预警通报.xlsx`,
        content: await bulletinWorkbook(b),
      };
    },
  };
}

export type Projects = ReturnType<typeof createProjects>;
