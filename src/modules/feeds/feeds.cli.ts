import { createWriteStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { finished } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { FEEDS, findFeed } from '../../domain/feeds/index.ts';
import { createServices } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { unknownDepartment, unknownRecordKind } from './feed-errors.ts';
import { buildFeedTemplateCsv, buildFeedTemplateXlsx, templateFileName } from './feed-template.ts';

async function writeTemplate(department: string, kind: string, format: 'xlsx' | 'csv', out: string) {
  const body =
    format === 'xlsx' ? await buildFeedTemplateXlsx(department, kind) : buildFeedTemplateCsv(department, kind);
  writeFileSync(out, body);
  process.stdout.write(`已生成模板：${out}\n`);
}

/**
 * `shouxian feeds template DEPT [--kind K] [--format xlsx|csv] [--out FILE]` and `shouxian import …` (SPEC §10): the
 * published templates, and loading a department file with a progress bar, one transaction per batch; running the
 * same command again after an interruption completes the import, after success it changes nothing.
 */
export function registerFeedsCommands(program: Command): void {
  const feeds = program.command('feeds').description('部门数据：模板');
  feeds
    .command('template <department>')
    .description('生成部门数据模板（.xlsx 或 .csv）；部门有多类数据且未指定 --kind 时每类生成一个文件')
    .option('--kind <kind>', '数据类型，如 settlement')
    .option('--format <format>', 'xlsx 或 csv', 'xlsx')
    .option('--out <path>', '输出文件（指定 --kind 时）或目录')
    .action(async (department: string, opts: { kind?: string; format: string; out?: string }) => {
      const feed = findFeed(department);
      if (!feed) throw unknownDepartment(department);
      if (opts.format !== 'xlsx' && opts.format !== 'csv') {
        throw new AppError('VALIDATION', `格式应为 xlsx 或 csv：${opts.format}`);
      }
      const format = opts.format;
      if (opts.kind && !feed.records.some((r) => r.kind === opts.kind)) {
        throw unknownRecordKind(department, opts.kind, feed.records);
      }
      const kinds = opts.kind ? [opts.kind] : feed.records.map((r) => r.kind);
      const isDir = opts.out !== undefined && existsSync(opts.out) && statSync(opts.out).isDirectory();
      for (const kind of kinds) {
        const name = templateFileName(department, kind, format);
        const out = kinds.length === 1 && opts.out && !isDir ? opts.out : join(opts.out ?? '.', name);
        await writeTemplate(department, kind, format, out);
      }
    });
  feeds
    .command('list')
    .description('列出各部门的数据类型')
    .action(() => {
      for (const f of Object.values(FEEDS)) {
        process.stdout.write(
          `${f.department}\t${f.name}\t${f.records.map((r) => `${r.kind}（${r.name}）`).join('、')}\n`,
        );
      }
    });

  program
    .command('import <file>')
    .description('导入部门数据文件（.xlsx 或 .csv，UTF-8 或 GBK）；中断后再次运行可续传，重复导入不会重复入库')
    .requiredOption('--department <code>', '部门代码，如 medical_insurance')
    .requiredOption('--region <code>', '数据所属区划代码（县6位、乡镇9位）')
    .requiredOption('--period <yyyy-mm>', '数据期别，如 2026-10')
    .option('--kind <kind>', '数据类型（表头无法区分时指定）')
    .option('--batch-size <n>', '每批行数（每批一个事务）', (v) => Number(v))
    .option('--errors <file>', '把错误报告写入此文件（.csv 或 .xlsx）')
    .action(
      (
        file: string,
        opts: {
          department: string;
          region: string;
          period: string;
          kind?: string;
          batchSize?: number;
          errors?: string;
        },
      ) =>
        withCliContext('import', async (ctx) => {
          const services = createServices(ctx);
          const bar = new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: '导入中 [{bar}] {percentage}% | {rows} 行 | 第 {batches} 批 | 剩余 {eta_formatted}',
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          let started = false;
          try {
            const s = await services.feeds.import(SYSTEM_ACTOR, {
              department: opts.department,
              regionCode: opts.region,
              period: opts.period,
              recordKind: opts.kind,
              batchSize: opts.batchSize,
              fileName: basename(file),
              path: file,
              onProgress: (p) => {
                // Without a terminal (logs, cron) one plain line per committed batch instead of the bar.
                if (!process.stderr.isTTY) {
                  const what = p.batches <= p.resumedBatches ? '已跳过（上次已提交）' : '已提交';
                  process.stderr.write(`${what}第 ${p.batches} 批，累计读取 ${p.rows} 行\n`);
                  return;
                }
                if (!started) bar.start(p.bytesTotal, 0, { rows: 0, batches: 0 });
                started = true;
                bar.update(p.bytesRead, { rows: p.rows, batches: p.batches });
              },
            });
            if (started) bar.stop();
            started = false;
            const note = s.alreadyLoaded
              ? '（该文件已导入过，未做任何更改）'
              : s.resumedBatches > 0
                ? `（续传：前 ${s.resumedBatches} 批已在上次导入）`
                : '';
            process.stdout.write(
              `导入完成${note}：正确 ${s.rowsGood} 行（新增 ${s.rowsNew} 行，重复 ${s.duplicates} 行），错误 ${s.rowsBad} 行；` +
                `命中 ${s.hits} 条，生成线索 ${s.clues} 条\n`,
            );
            if (s.sheets.length > 1) {
              for (const sheet of s.sheets) {
                process.stdout.write(
                  sheet.read
                    ? `  工作表“${sheet.name}”：正确 ${sheet.rowsGood} 行，错误 ${sheet.rowsBad} 行\n`
                    : `  ${sheet.reason ?? `工作表“${sheet.name}”未导入`}\n`,
                );
              }
            }
            // Sheets left out head the report too, so it is written when there are any.
            if (opts.errors && (s.rowsBad > 0 || s.sheets.some((x) => !x.read))) {
              const out = createWriteStream(opts.errors);
              const format = opts.errors.endsWith('.xlsx') ? 'xlsx' : 'csv';
              await services.feeds.writeErrors(SYSTEM_ACTOR, s.id, format, out);
              await finished(out).catch(() => {});
              process.stdout.write(`错误报告：${opts.errors}\n`);
            }
            const { header: _header, ...summary } = s;
            process.stdout.write(`${JSON.stringify(summary)}\n`);
          } finally {
            if (started) bar.stop();
          }
        }),
    );
}
