import path from 'node:path';
import type { AppContext } from './app-context.ts';
import {
  createAssistance,
  matchBackstopAfterImport,
  startEliminationCase,
} from './modules/assistance/assistance.module.ts';
import { auditRepository } from './modules/audit/audit.repository.ts';
import { auditAdminService } from './modules/audit/audit-admin.service.ts';
import { authRepository } from './modules/auth/auth.repository.ts';
import { authService } from './modules/auth/auth.service.ts';
import { usersService } from './modules/auth/users.service.ts';
import { createCampaigns } from './modules/campaigns/campaigns.module.ts';
import { caseFilesService } from './modules/cases/case-files.service.ts';
import { createCasesModule } from './modules/cases/cases.module.ts';
import { casesRepository } from './modules/cases/cases.repository.ts';
import { createCleaning } from './modules/cleaning/cleaning.module.ts';
import { cluesRepository } from './modules/clues/clues.repository.ts';
import { cluesService } from './modules/clues/clues.service.ts';
import { declarationsService } from './modules/declarations/declarations.service.ts';
import { exportJobsRepository } from './modules/exports/export-jobs.repository.ts';
import { exportsService } from './modules/exports/exports.service.ts';
import { createFeeds } from './modules/feeds/feeds.module.ts';
import { eliminationCheckOn } from './modules/picture/elimination-verdict.ts';
import { createProjects } from './modules/projects/projects.module.ts';
import { createRegionalRisk } from './modules/regional-risk/regional-risk.module.ts';
import { regionsRepository } from './modules/regions/regions.repository.ts';
import { regionsService } from './modules/regions/regions.service.ts';
import { offlineEditRepository } from './modules/registry/offline-edit.repository.ts';
import { offlineEditService } from './modules/registry/offline-edit.service.ts';
import { registryRepository } from './modules/registry/registry.repository.ts';
import { registryService } from './modules/registry/registry.service.ts';
import { reliefRepository } from './modules/relief/relief.repository.ts';
import { reliefService } from './modules/relief/relief.service.ts';
import { createReports } from './modules/reports/reports.module.ts';
import { createScreening } from './modules/screening/screening.module.ts';
import { linesRepository } from './modules/settings/lines.repository.ts';
import { linesService } from './modules/settings/lines.service.ts';
import { regionSettings } from './modules/settings/region-settings.ts';
import { workbenchRepository } from './modules/workbench/workbench.repository.ts';
import { workbenchService } from './modules/workbench/workbench.service.ts';

/** Builds each module's service from its own narrow dependencies (STYLE: factories, no god service). */
export function createServices(ctx: AppContext) {
  const db = ctx.database.db;
  const now = ctx.now ?? (() => new Date());
  const audit = auditRepository(db);
  const regionsRepo = regionsRepository(db);
  const regions = regionsService({ db, regionsRepo, audit });
  const auth = authService({
    db,
    authRepo: authRepository(db),
    regionsRepo,
    audit,
    cipher: ctx.cipher,
    demoMode: ctx.config.demo,
  });
  const registryRepo = registryRepository(db, ctx.cipher);
  const registry = registryService({ db, registryRepo, regionsRepo, audit, cipher: ctx.cipher, now });
  const lines = linesService({ db, linesRepo: linesRepository(db), regionsRepo, audit });
  const settings = regionSettings({ db, audit });
  const clues = cluesService({
    db,
    cluesRepo: cluesRepository(db),
    registryRepo,
    regionsRepo,
    settings,
    audit,
    now,
    maxPhotoBytes: ctx.config.uploads.reliefPhotoBytes,
  });
  const casesModule = createCasesModule({ db, registryRepo, lines, settings, clues, audit, cipher: ctx.cipher, now });
  const caseFiles = caseFilesService({
    db,
    casesRepo: casesRepository(db),
    settings,
    audit,
    maxFileBytes: ctx.config.uploads.caseFileBytes,
  });
  const declarations = declarationsService({ db, cipher: ctx.cipher, clues, regionsRepo, now });
  const assistance = createAssistance({
    db,
    audit,
    registryRepo,
    regionsRepo,
    settings,
    lines,
    now,
    startElimination: startEliminationCase({ cases: casesModule.cases, clues }),
    // household picture (issue 9): the review reads the elimination rules on the same picture
    eliminationCheck: eliminationCheckOn(casesModule.assessments),
  });
  const screening = createScreening({
    db,
    regionsRepo,
    settings,
    audit,
    now,
    workers: ctx.database.engine === 'postgres' ? ctx.config.screenWorkers : 1,
  });
  // A loaded civil-affairs 低保/特困 file is matched to backstop proposals and measures (SPEC §9, §10).
  const feeds = createFeeds({
    db,
    regionsRepo,
    audit,
    cipher: ctx.cipher,
    screening,
    afterImport: matchBackstopAfterImport,
    limits: ctx.config.feedLimits,
    // only a clock set by the caller (the demo's history, tests); otherwise the database's time as before
    now: ctx.now,
  });
  const cleaning = createCleaning({ db, audit, cipher: ctx.cipher, now });
  const regionalRisk = createRegionalRisk({ db, regionsRepo, settings, audit, now });
  const relief = reliefService({
    db,
    reliefRepo: reliefRepository(db),
    cipher: ctx.cipher,
    clues,
    regionsRepo,
    settings,
    calendars: casesModule.calendars,
    audit,
    now,
    maxPhotoBytes: ctx.config.uploads.reliefPhotoBytes,
  });
  const reports = createReports({ db, regionsRepo, audit, cycle: casesModule.cycle, regionalRisk, relief, now });
  // 专项行动 (SPEC §15): campaigns, problems to zero, spot checks.
  const campaigns = createCampaigns({ db, settings, audit, now });
  // 衔接资金项目 (SPEC §13): project library, monthly plan and progress, 红黄蓝 warnings.
  const projects = createProjects({ db, settings, audit, now, measures: assistance.plan });
  // Ledger exports and hand-over (issue 13 points 4, 7): files under DATA_DIR/exports.
  const exports = exportsService({
    db,
    cipher: ctx.cipher,
    settings,
    audit,
    regionsRepo,
    jobsRepo: exportJobsRepository(db),
    dir: path.join(ctx.config.dataDir, 'exports'),
    now,
    logger: ctx.logger,
  });
  return {
    // Upload and department-file limits (issue 11 point 6), for the upload routes.
    limits: { uploads: ctx.config.uploads, feeds: ctx.config.feedLimits },
    exports,
    relief,
    registryRepo,
    screening,
    feeds,
    cleaning,
    regionalRisk,
    reports,
    campaigns,
    assistance,
    audit,
    // the audit administrator's export, chain verification and archives (issue 11 point 4)
    auditAdmin: auditAdminService({ db, audit, archiveDir: path.join(ctx.config.dataDir, 'audit-archive') }),
    regions,
    auth,
    registry,
    // offline edits at the household's door with their conflicts (issue 14 point 3, ADR 0042)
    offlineEdits: offlineEditService({ db, registryRepo, editRepo: offlineEditRepository(db), audit }),
    lines,
    settings,
    clues,
    casesModule,
    caseFiles,
    assessments: casesModule.assessments,
    declarations,
    // 衔接资金项目 (SPEC §13)
    projects,
    // accounts (issue 11): user management
    users: usersService({ db, authRepo: authRepository(db), regionsRepo, audit }),
    // the village cadre's home (issue 14 point 2)
    workbench: workbenchService({ workbenchRepo: workbenchRepository(db), gaps: assistance.gaps, now }),
  };
}

export type Services = ReturnType<typeof createServices>;
