import type { Command } from 'commander';
import { withCliContext } from '../cli/cli-context.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移（启动服务时也会自动执行）')
    .action(() =>
      withCliContext('migrate', async (ctx) => {
        const { listMigrations } = await import('./migrate.ts');
        process.stdout.write(`数据库（${ctx.database.engine}）已是最新结构：${listMigrations().length} 个迁移\n`);
      }),
    );
}
