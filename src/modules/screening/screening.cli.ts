import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { createServices } from '../../services.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

/**
 * `shouxian screen [--region CODE] [--as-of YYYY-MM-DD] [--schedule]` (SPEC §10): every screening rule over the
 * registry of a region, set-based; for a schedule, run it from cron or a systemd timer with --schedule (recorded as
 * a scheduled run). Prints a line per rule and one JSON line last.
 */
export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description('对基础数据库运行部门数据筛查（全部规则），命中生成线索，未匹配到人员的生成数据质量问题')
    .option('--region <code>', '区划代码（默认全部）')
    .option('--as-of <date>', '统计截止日 YYYY-MM-DD（默认今天）')
    .option('--schedule', '作为定时任务运行（记为 schedule）')
    .action((opts: { region?: string; asOf?: string; schedule?: boolean }) =>
      withCliContext('screen', async (ctx) => {
        const r = await createServices(ctx).screening.run(SYSTEM_ACTOR, {
          region: opts.region,
          asOf: opts.asOf,
          trigger: opts.schedule ? 'schedule' : 'manual',
        });
        for (const p of r.perRule) process.stdout.write(`${p.code.padEnd(20)} 命中 ${p.hits} 条\t${p.ms} ms\n`);
        process.stdout.write(
          `筛查完成：${r.rules} 条规则，新命中 ${r.hits} 条，新线索 ${r.cluesCreated} 条，并入已有线索 ${r.cluesMerged} 条，` +
            `数据质量问题 ${r.qualityItems} 条\n`,
        );
        const { perRule: _, ...summary } = r;
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      }),
    );
}
