import type { Command } from 'commander';
import { openAppContext } from '../app-context.ts';
import { loadConfig } from '../config.ts';
import { updateLockPort } from '../db/embedded-lock.ts';
import { SYSTEM_ACTOR } from '../modules/auth/actor.ts';
import { loadDemoIfEmpty } from '../modules/demo/load-demo.ts';
import { scheduleExportSweeps } from '../modules/exports/export-sweep.ts';
import { recoverInterruptedUploads } from '../modules/feeds/recover-uploads.ts';
import { scheduleMonthEndSnapshots } from '../modules/reports/snapshot-schedule.ts';
import { scheduleRoutineScreening } from '../modules/screening/routine-schedule.ts';
import { createServices } from '../services.ts';
import { buildApp } from './app.ts';
import { populationLoader } from './population-loader.ts';

/** `shouxian serve` (what `npm start` runs): migrate, load the demo county into an empty database, listen. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动服务（默认端口 3000；空数据库首次启动时载入演示县）')
    .option('--no-demo', '正式运行：不载入演示数据，拒绝演示用户登录，按 HOST 监听（默认 0.0.0.0）')
    .action(async (opts: { demo: boolean }) => {
      // Demo mode unless --no-demo or SHOUXIAN_DEMO=false (issue 11 point 9): one config decides it everywhere.
      const config = loadConfig(opts.demo ? process.env : { ...process.env, SHOUXIAN_DEMO: 'false' });
      const ctx = await openAppContext(config, { command: 'serve' });
      const services = createServices(ctx);
      await services.regions.ensureUpperLevels();
      // security (issue 11 point 6): leftovers of uploads killed mid-way
      const recovered = await recoverInterruptedUploads(ctx.database.db, { exclusive: !config.databaseUrl });
      if (recovered.importsFailed + recovered.tempDirsRemoved > 0) ctx.logger.warn(recovered, 'interrupted uploads');
      if (config.demo) await loadDemoIfEmpty(ctx, services, await populationLoader());
      const app = await buildApp(ctx, services);
      const address = await app.listen({ port: config.port, host: config.host });
      if (!config.databaseUrl) updateLockPort(config.dataDir, config.port);
      ctx.logger.info({ address, database: ctx.database.engine }, `守线已启动：http://localhost:${config.port}`);
      process.stdout.write(
        `守线已启动：http://localhost:${config.port}  （接口文档 /docs，数据库 ${ctx.database.engine}${config.demo ? '，演示模式：仅本机可访问，演示用户密码 Demo@2026' : '，正式模式'}）\n`,
      );
      const routine = scheduleRoutineScreening({
        at: config.screenAt,
        run: () => services.screening.run(SYSTEM_ACTOR, { trigger: 'schedule' }),
        logger: ctx.logger,
      });
      if (routine.nextAt()) ctx.logger.info({ at: routine.nextAt() }, '下一轮例行筛查时间');
      const snapshots = scheduleMonthEndSnapshots({
        at: config.snapshotAt,
        run: (month) => services.reports.snapshots.monthEnd(month),
        catchUp: () => services.reports.snapshots.catchUp(),
        logger: ctx.logger,
      });
      // Background exports (issue 13 point 4): interrupted jobs start again, old files are removed.
      const exportSweeps = scheduleExportSweeps({
        exports: services.exports,
        exclusive: !config.databaseUrl,
        logger: ctx.logger,
      });
      const stop = async () => {
        exportSweeps.stop();
        routine.stop();
        snapshots.stop();
        await app.close();
        await ctx.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
