import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { createServices } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import type { SettingLevel } from './region-settings.ts';
import { regionSettingsService, type SettingSource } from './settings.service.ts';

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

const LEVEL_NAMES: Record<SettingLevel, string> = {
  default: '默认',
  province: '省级',
  prefecture: '州市级',
  county: '县级',
  township: '乡镇级',
  village: '村级',
};

const sourceText = (s: SettingSource) => (s.regionCode ? `${LEVEL_NAMES[s.level]} ${s.regionCode}` : '默认');

/** Region settings (SPEC §3) from the command line, as the system (whole-country scope), with the API's checks. */
export function registerSettingsCommands(program: Command): void {
  const settings = program.command('settings').description('区划参数设置（研判阈值、时限等）');
  settings
    .command('list')
    .description('列出某区划的全部参数：生效值及其来源层级')
    .requiredOption('--region <code>', '区划代码')
    .option('--json', '输出 JSON')
    .action((opts: { region: string; json?: boolean }) =>
      withCliContext('settings list', async (ctx) => {
        const service = regionSettingsService({ store: createServices(ctx).settings });
        const { region, items } = await service.list(SYSTEM_ACTOR, opts.region);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${region.name}（${region.code}）\n`);
        for (const item of items) {
          process.stdout.write(
            `${item.key}\t${item.name}\t${JSON.stringify(item.value)}\t来源：${sourceText(item.source)}\n`,
          );
        }
      }),
    );
  settings
    .command('set <key>')
    .description('设定某区划的参数（JSON；按参数校验，下级只能从严）')
    .requiredOption('--region <code>', '区划代码')
    .requiredOption('--value <json>', '设置值，如 \'{"compulsoryEducationAgeTo":15}\'')
    .action((key: string, opts: { region: string; value: string }) =>
      withCliContext('settings set', async (ctx) => {
        let value: unknown;
        try {
          value = JSON.parse(opts.value);
        } catch {
          throw new AppError('VALIDATION', `--value 不是有效的 JSON：${opts.value}`, { field: 'value' });
        }
        const service = regionSettingsService({ store: createServices(ctx).settings });
        const entry = await service.update(SYSTEM_ACTOR, key, opts.region, value);
        process.stdout.write(`已设定 ${opts.region} ${entry.name}（${key}）：生效值 ${JSON.stringify(entry.value)}\n`);
      }),
    );
  settings
    .command('history <key>')
    .description('某参数在本区划、上级和下级的设定历史（新的在前）')
    .requiredOption('--region <code>', '区划代码')
    .action((key: string, opts: { region: string }) =>
      withCliContext('settings history', async (ctx) => {
        const service = regionSettingsService({ store: createServices(ctx).settings });
        for (const row of (await service.history(SYSTEM_ACTOR, key, opts.region)).items) {
          const at = new Date(row.setAt).toISOString();
          process.stdout.write(
            `${at}\t${LEVEL_NAMES[row.level]} ${row.regionCode}\t${JSON.stringify(row.value)}\t${row.setBy ?? '系统'}\n`,
          );
        }
      }),
    );
}
