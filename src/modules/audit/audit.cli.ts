import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { verifyAuditChain } from './audit-chain.ts';

/**
 * `shouxian audit verify`: proves the audit log's hash chain (issue 11 point 4). Prints one JSON object (links, the
 * head hash to write down, the first problems) and exits 1 when the chain is broken.
 */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志：校验哈希链');
  audit
    .command('verify')
    .description('逐条重算审计日志的哈希链，发现被修改、删除或绕过触发器写入的记录')
    .action(() =>
      withCliContext('audit verify', async (ctx) => {
        const report = await verifyAuditChain(ctx.database.db);
        process.stdout.write(`${JSON.stringify(report)}\n`);
        if (!report.ok) {
          process.stderr.write(`审计日志哈希链校验失败：发现 ${report.problems.length} 处问题\n`);
          process.exitCode = 1;
        }
      }),
    );
}
