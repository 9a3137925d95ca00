import type { Command } from 'commander';
import { registerMigrateCommand } from '../db/migrate.cli.ts';
import { registerAssessCommand } from '../modules/assessment/assessment.cli.ts';
import { registerAuditCommands } from '../modules/audit/audit.cli.ts';
import { registerUserCommands } from '../modules/auth/auth.cli.ts';
import { registerBackupCommands } from '../modules/backup/backup.cli.ts';
import { registerSpotCheckCommand } from '../modules/campaigns/campaigns.cli.ts';
import { registerCalendarCommands } from '../modules/cases/calendars.cli.ts';
import { registerCleanCommand } from '../modules/cleaning/cleaning.cli.ts';
import { registerDemoCommand } from '../modules/demo/demo.cli.ts';
import { registerFeedsCommands } from '../modules/feeds/feeds.cli.ts';
import { registerGenerateCommand } from '../modules/generator/generator.cli.ts';
import { registerProjectsCommands } from '../modules/projects/projects.cli.ts';
import { registerRegionsCommands } from '../modules/regions/regions.cli.ts';
import { registerReportCommands } from '../modules/reports/reports.cli.ts';
import { registerScreenCommand } from '../modules/screening/screening.cli.ts';
import { registerLinesCommands, registerSettingsCommands } from '../modules/settings/settings.cli.ts';
import { registerServeCommand } from '../server/serve.ts';

/** Every module's command registrar, in help order. Add one line per module. */
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerRegionsCommands(program);
  registerUserCommands(program);
  registerLinesCommands(program);
  registerSettingsCommands(program);
  registerCalendarCommands(program);
  registerAssessCommand(program);
  registerGenerateCommand(program);
  // issue 13 point 8: the demo county into an empty database
  registerDemoCommand(program);
  registerFeedsCommands(program);
  registerScreenCommand(program);
  registerCleanCommand(program);
  registerReportCommands(program);
  registerSpotCheckCommand(program);
  // 衔接资金项目 (SPEC §13)
  registerProjectsCommands(program);
  // security (issue 11 points 4, 8): audit chain verification, backup and restore
  registerAuditCommands(program);
  registerBackupCommands(program);
}
