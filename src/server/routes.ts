import type { FastifyInstance } from 'fastify';
import type { Thresholds } from '../domain/assessment/index.ts';
import { assessmentRoutes } from '../modules/assessment/assessment.routes.ts';
import { householdAssessmentRoutes } from '../modules/assessment/household-assessment.routes.ts';
import { assistanceRoutes } from '../modules/assistance/assistance.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { usersRoutes } from '../modules/auth/users.routes.ts';
import { campaignsRoutes } from '../modules/campaigns/campaigns.routes.ts';
import { problemsRoutes } from '../modules/campaigns/problems.routes.ts';
import { casesRoutes } from '../modules/cases/cases.routes.ts';
import { proceduresConfigRoutes } from '../modules/cases/procedures-config.routes.ts';
import { cleaningRoutes } from '../modules/cleaning/cleaning.routes.ts';
import { cluesRoutes } from '../modules/clues/clues.routes.ts';
import { declarationsRoutes } from '../modules/declarations/declarations.routes.ts';
import { exportsRoutes } from '../modules/exports/exports.routes.ts';
import { feedsRoutes } from '../modules/feeds/feeds.routes.ts';
import { pictureRoutes } from '../modules/picture/picture.routes.ts';
import { projectsRoutes } from '../modules/projects/projects.routes.ts';
import { regionalRiskRoutes } from '../modules/regional-risk/regional-risk.routes.ts';
import { regionsRoutes } from '../modules/regions/regions.routes.ts';
import { registryRoutes } from '../modules/registry/registry.routes.ts';
import { reliefRoutes } from '../modules/relief/relief.routes.ts';
import { reportsRoutes } from '../modules/reports/reports.routes.ts';
import { screeningRoutes } from '../modules/screening/screening.routes.ts';
import { settingsRoutes } from '../modules/settings/settings.routes.ts';
import { workbenchRoutes } from '../modules/workbench/workbench.routes.ts';
import type { Services } from '../services.ts';

/** Each module's routes, one line each (STYLE: no giant wiring file). */
export async function registerRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await authRoutes(app, services);
  await regionsRoutes(app, services);
  await registryRoutes(app, services);
  await settingsRoutes(app, services);
  await cluesRoutes(app, services);
  await casesRoutes(app, services);
  await declarationsRoutes(app, services);
  await proceduresConfigRoutes(app, services);
  await householdAssessmentRoutes(app, services);
  await assessmentRoutes(app, {
    resolveMonitoringLine: async (region, year) => (await services.lines.effective(region, year))?.amount,
    resolveThresholds: async (region) =>
      (await services.settings.get('assessment.thresholds', region ?? '')).value as Partial<Thresholds>,
  });
  await assistanceRoutes(app, services);
  await feedsRoutes(app, services);
  await screeningRoutes(app, services);
  await cleaningRoutes(app, services);
  await regionalRiskRoutes(app, services);
  await reportsRoutes(app, services);
  await reliefRoutes(app, services);
  await campaignsRoutes(app, services);
  await problemsRoutes(app, services);
  await auditRoutes(app, services);
  // 衔接资金项目 (SPEC §13)
  await projectsRoutes(app, services);
  // household picture (SPEC §7.4, issue 9)
  await pictureRoutes(app, services);
  // accounts (issue 11): user management
  await usersRoutes(app, services);
  // ledger exports, background jobs, hand-over (issue 13 points 4, 7)
  await exportsRoutes(app, services);
  // the village cadre's home (issue 14 point 2)
  await workbenchRoutes(app, services);
}
