import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { createServices } from '../../services.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

export function registerLinesCommands(program: Command): void {
  const lines = program.command('lines').description('监测线');
  lines
    .command('set')
    .description('设定某区划某年度的监测线（不得低于上级）')
    .requiredOption('--region <code>', '省、州市或县级区划代码')
    .requiredOption('--year <year>', '年度', Number)
    .requiredOption('--amount <yuan>', '元/人·年', Number)
    .option('--basis <text>', '依据', '')
    .action((opts: { region: string; year: number; amount: number; basis: string }) =>
      withCliContext('lines set', async (ctx) => {
        await createServices(ctx).lines.set(SYSTEM_ACTOR, {
          regionCode: opts.region,
          year: opts.year,
          amount: opts.amount,
          basis: opts.basis,
        });
        process.stdout.write(`已设定 ${opts.region} ${opts.year} 年监测线 ${opts.amount} 元\n`);
      }),
    );
}
