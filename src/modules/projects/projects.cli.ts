import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { isMonth } from '../../domain/projects/index.ts';
import { createServices } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

/**
 * `shouxian projects warnings --region CODE --month YYYY-MM` (SPEC §13): the month's 红黄蓝 cards of the region's
 * projects, the same JSON as `GET /api/projects/warnings`.
 */
export function registerProjectsCommands(program: Command): void {
  const projects = program.command('projects').description('衔接资金项目');
  projects
    .command('warnings')
    .description('月度“红黄蓝”预警：每个项目的颜色和原因，以 JSON 输出')
    .requiredOption('--region <code>', '区划代码')
    .requiredOption('--month <month>', '月份 YYYY-MM')
    .action((opts: { region: string; month: string }) =>
      withCliContext('projects warnings', async (ctx) => {
        if (!isMonth(opts.month)) throw new AppError('VALIDATION', `--month 应为 YYYY-MM：${opts.month}`);
        const m = createServices(ctx).projects;
        const w = await m.warnings.warnings(SYSTEM_ACTOR, opts.region, opts.month);
        process.stdout.write(`${JSON.stringify(w, null, 2)}\n`);
      }),
    );
}
