import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { AppError } from '../../shared/app-error.ts';
import { generatePopulation } from './generate-population.ts';

function integer(name: string) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim())) throw new AppError('VALIDATION', `${name}应为整数：${value}`);
    return Number(value);
  };
}

/**
 * `shouxian generate --county CODE --households N --seed S [--year YYYY] [--append]`: a synthetic population for
 * trying the system and measuring it at county scale (SPEC §18). Progress goes to stderr; stdout ends with a
 * Chinese summary line and one JSON line with the figures.
 */
export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('为一个县生成模拟人口（户、家庭成员、两年收支），用于演示和性能测试')
    .requiredOption('--county <code>', '6位县级区划代码，如 621124（须先 shouxian regions load）')
    .requiredOption('--households <n>', '生成户数', integer('户数'))
    .option('--seed <s>', '随机种子：相同种子、县、户数和年份生成相同的数据', integer('随机种子'), 1)
    .option('--year <yyyy>', '收入年份（同时生成上一年），默认今年', integer('年份'))
    .option('--append', '该县已有户时在其后追加（各村户编号顺延）')
    .action((opts: { county: string; households: number; seed: number; year?: number; append?: boolean }) =>
      withCliContext('generate', async (ctx) => {
        const bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: '生成中 [{bar}] {percentage}% | {value}/{total} 户 | {persons} 人 | 剩余 {eta_formatted}',
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        try {
          const r = await generatePopulation(ctx, {
            county: opts.county,
            households: opts.households,
            seed: opts.seed,
            year: opts.year,
            append: opts.append === true,
            onProgress: (p) => {
              // Started on the first written batch, so that a refusal (no villages, county not empty) prints alone.
              if (!started) bar.start(p.total, 0, { persons: 0 });
              started = true;
              bar.update(p.households, { persons: p.persons });
            },
          });
          bar.stop();
          process.stdout.write(`已生成 ${r.households} 户 ${r.persons} 人，用时 ${r.seconds.toFixed(1)} 秒\n`);
          process.stdout.write(`${JSON.stringify(r)}\n`);
        } finally {
          if (started) bar.stop();
        }
      }),
    );
}
