import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { populationLoader } from '../../server/population-loader.ts';
import { createServices } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { DEMO } from './demo-county.ts';
import { loadDemoIfEmpty } from './load-demo.ts';

/**
 * `shouxian demo --county 621124`: the demo `npm start` loads on first start (regions, users, population and a year
 * of work, issue 13 point 8), into an empty database. Refuses when any user exists, so it never mixes demo rows into
 * real data.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('向空数据库载入演示县（区划、演示用户、模拟人口和近十二个月的监测帮扶记录）')
    .option('--county <code>', '演示县区划代码（目前只提供临洮县 621124）', DEMO.county)
    .action((opts: { county: string }) =>
      withCliContext('demo', async (ctx) => {
        if (opts.county !== DEMO.county) {
          throw new AppError('VALIDATION', `目前只提供临洮县（${DEMO.county}）的演示数据：${opts.county}`, {
            field: 'county',
          });
        }
        const started = performance.now();
        const services = createServices(ctx);
        const loader = await populationLoader();
        if (!loader) throw new AppError('VALIDATION', '缺少模拟人口生成模块，无法载入演示县');
        const demo = await loadDemoIfEmpty(ctx, services, loader);
        if (!demo) {
          throw new AppError(
            'DEMO_NOT_EMPTY',
            '数据库中已有用户，演示数据只能载入空数据库；请换一个空的数据目录（DATA_DIR）或数据库后再试',
          );
        }
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        process.stdout.write(
          `已载入演示县（临洮县）：${demo.population?.households ?? 0} 户 ${demo.population?.persons ?? 0} 人，用时 ${seconds} 秒；演示用户密码 ${DEMO.password}\n`,
        );
        process.stdout.write(`${JSON.stringify({ county: DEMO.county, seconds, ...demo })}\n`);
      }),
    );
}
