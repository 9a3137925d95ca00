import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { createServices } from '../../services.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

export function registerRegionsCommands(program: Command): void {
  const regions = program.command('regions').description('行政区划');
  regions
    .command('load')
    .description('载入一个县的乡镇和村（国家统计用区划代码）')
    .requiredOption('--county <code>', '6位县级区划代码，如 621124')
    .action((opts: { county: string }) =>
      withCliContext('regions load', async (ctx) => {
        const r = await createServices(ctx).regions.loadCounty(SYSTEM_ACTOR, opts.county);
        process.stdout.write(`已载入 ${r.county}：${r.townships} 个乡镇、${r.villages} 个村\n`);
      }),
    );
}
