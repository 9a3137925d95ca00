import { Command } from 'commander';
import { registerCommands } from './commands.ts';

/** `shouxian` command line: each module registers its own commands (see ./commands.ts). */
const program = new Command()
  .name('shouxian')
  .description('守线 — 防止返贫动态监测和帮扶平台')
  .showHelpAfterError('（使用 --help 查看用法）');

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as Error & { code?: string };
  process.stderr.write(`错误${e.code ? ` [${e.code}]` : ''}：${e.message}\n`);
  process.exitCode = process.exitCode || 1;
}
