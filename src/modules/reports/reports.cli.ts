import { once } from 'node:events';
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { createServices } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import type { ReportKind } from './reports.service.ts';

/**
 * `shouxian report monthly|quarterly|annual --region CODE --period P [--format json|xlsx|csv] [--out F]` (SPEC §12)
 * and `shouxian report snapshot --region CODE --month YYYY-MM [--reason R]`. JSON names every figure in Chinese with
 * its households and persons; Excel and CSV have the offices' layout.
 */
export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('报表：月调度、季分析、年动态；月度指标冻结');
  for (const [kind, name, example] of [
    ['monthly', '月调度', '2026-05'],
    ['quarterly', '季分析', '2026-Q2'],
    ['annual', '年动态', '2026'],
  ] as const) {
    report
      .command(kind)
      .description(`${name}报表（--period ${example}）`)
      .requiredOption('--region <code>', '区划代码（省、市、县、乡、村）')
      .requiredOption('--period <period>', `统计期间，如 ${example}`)
      .option('--format <format>', 'json、xlsx 或 csv', 'json')
      .option('--out <file>', '输出文件（默认标准输出；xlsx 必须指定）')
      .action((opts: { region: string; period: string; format: string; out?: string }) =>
        withCliContext(`report ${kind}`, async (ctx) => {
          const format = opts.format;
          if (!['json', 'xlsx', 'csv'].includes(format))
            throw new AppError('VALIDATION', `--format 应为 json、xlsx 或 csv：${format}`, { field: 'format' });
          if (format === 'xlsx' && !opts.out)
            throw new AppError('VALIDATION', 'xlsx 格式须用 --out 指定输出文件', { field: 'out' });
          const reports = createServices(ctx).reports.reports;
          const r = await reports.build(SYSTEM_ACTOR, kind as ReportKind, opts.region, opts.period);
          if (format === 'json') {
            const body = `${JSON.stringify(r, null, 2)}\n`;
            if (opts.out) fs.writeFileSync(opts.out, body);
            else process.stdout.write(body);
          } else {
            // Through a PassThrough: the writers end their stream, and standard output must stay open.
            const pt = new PassThrough();
            const target = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
            const done = opts.out ? once(target, 'close') : Promise.resolve();
            pt.pipe(target, { end: Boolean(opts.out) });
            await reports.export(SYSTEM_ACTOR, r, format as 'xlsx' | 'csv', pt);
            await done;
          }
          if (opts.out) process.stderr.write(`${r.title}：已写入 ${opts.out}\n`);
        }),
      );
  }
  report
    .command('snapshot')
    .description('冻结某月的指标（本级及所有下级区划）；已冻结的月份须说明理由')
    .requiredOption('--region <code>', '区划代码')
    .requiredOption('--month <yyyy-mm>', '月份')
    .option('--reason <text>', '重新冻结的理由')
    .action((opts: { region: string; month: string; reason?: string }) =>
      withCliContext('report snapshot', async (ctx) => {
        const r = await createServices(ctx).reports.snapshots.freeze(SYSTEM_ACTOR, {
          regionCode: opts.region,
          month: opts.month,
          ...(opts.reason ? { reason: opts.reason } : {}),
        });
        process.stdout.write(
          `${opts.month} 指标已冻结：${r.regions} 个区划，用时 ${r.seconds} 秒\n${JSON.stringify(r)}\n`,
        );
      }),
    );
}
