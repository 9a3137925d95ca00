import type { Command } from 'commander';
import { openAppContext } from '../../app-context.ts';
import { loadConfig } from '../../config.ts';
import { analyzeTables } from '../../db/analyze.ts';
import { AppError } from '../../shared/app-error.ts';
import { backupEmbedded, restoreEmbedded } from './backup.ts';

/**
 * `shouxian backup --out F` and `shouxian restore F` (issue 11 point 8): the embedded database only. After a restore
 * the database is opened with the configured data key and one ID number decrypted: a backup restored with the wrong
 * key is reported at once, not on the first household opened.
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('备份嵌入式数据库（不含数据密钥，密钥须另行保管）')
    .requiredOption('--out <file>', '备份文件（.tar.gz）')
    .action(async (opts: { out: string }) => {
      const r = await backupEmbedded(loadConfig(), opts.out);
      process.stdout.write(`${JSON.stringify({ out: opts.out, bytes: r.bytes })}\n`);
    });
  program
    .command('restore')
    .description('从备份恢复嵌入式数据库（原数据库移到 pgdata.before-restore-*），并用数据密钥校验')
    .argument('<file>', '备份文件')
    .action(async (file: string) => {
      const config = loadConfig();
      const r = await restoreEmbedded(config, file);
      const ctx = await openAppContext(config, { command: 'restore' });
      try {
        const person = await ctx.database.db.selectFrom('persons').select('id_number_enc').limit(1).executeTakeFirst();
        try {
          if (person) ctx.cipher.decrypt(person.id_number_enc);
        } catch {
          throw new AppError('VALIDATION', '恢复的数据无法用当前数据密钥解密：请配置备份时使用的密钥', {
            field: 'key',
          });
        }
        // A restored database is planned on fresh statistics (issue 18 point 1).
        await analyzeTables(ctx.database);
        const n = await ctx.database.db
          .selectFrom('households')
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        process.stdout.write(`${JSON.stringify({ restored: file, households: Number(n.n), ...r })}\n`);
      } finally {
        await ctx.close();
      }
    });
}
