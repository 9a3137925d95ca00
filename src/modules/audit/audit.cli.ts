import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { archiveAuditLog, verifyAuditArchive } from './audit-archive.ts';
import { verifyAuditChain } from './audit-chain.ts';

/**
 * `shouxian audit verify [--archive FILE]`: proves the audit log's hash chain (issue 11 point 4), or an archive file
 * and its anchor. Prints one JSON object (links, the head hash to write down, the first problems) and exits 1 when
 * the chain is broken.
 *
 * `shouxian audit archive --before YYYY-MM [--out FILE]`: moves the rows from before that month — never within the
 * retention (setting audit.retentionMonths, ≥ 6 months) — to a gzip file of JSON lines carrying the chain. On
 * PostgreSQL it must run as the owner role (DATABASE_URL of the owner): the application role cannot delete.
 */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志：校验哈希链、归档');
  audit
    .command('verify')
    .description('逐条重算审计日志的哈希链，发现被修改、删除或绕过触发器写入的记录；--archive 校验归档文件')
    .option('--archive <file>', '校验归档文件（.jsonl.gz）及其在库中的锚点')
    .action((opts: { archive?: string }) =>
      withCliContext('audit verify', async (ctx) => {
        const report = opts.archive
          ? await verifyAuditArchive(opts.archive, ctx.database.db)
          : await verifyAuditChain(ctx.database.db);
        process.stdout.write(`${JSON.stringify(report)}\n`);
        if (!report.ok) {
          const what = opts.archive ? '归档文件' : '审计日志哈希链';
          process.stderr.write(`${what}校验失败：发现 ${report.problems.length} 处问题\n`);
          process.exitCode = 1;
        }
      }),
    );
  audit
    .command('archive')
    .description('将保存期限以前的审计日志归档为压缩文件并移出在线库（PostgreSQL 须以属主角色运行）')
    .requiredOption('--before <month>', '归档该月（YYYY-MM）第一天以前的记录')
    .option('--out <file>', '归档文件，默认 DATA_DIR/audit-archive/audit-before-YYYY-MM.jsonl.gz')
    .action((opts: { before: string; out?: string }) =>
      withCliContext('audit archive', async (ctx) => {
        const out = opts.out ?? path.join(ctx.config.dataDir, 'audit-archive', `audit-before-${opts.before}.jsonl.gz`);
        mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
        const report = await archiveAuditLog(ctx.database.db, {
          before: opts.before,
          out: path.resolve(out),
          now: ctx.now?.() ?? new Date(),
          actor: { ...SYSTEM_ACTOR, username: 'cli' },
        });
        process.stdout.write(`${JSON.stringify(report)}\n`);
        process.stderr.write(
          report.rows > 0
            ? `已归档 ${report.rows} 条审计日志到 ${report.file}；请将该文件另行备份，并记下 lastHash\n`
            : `没有 ${opts.before} 以前、可归档的审计日志\n`,
        );
      }),
    );
}
