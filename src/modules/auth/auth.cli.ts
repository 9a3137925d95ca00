import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import type { Role } from '../../db/schema.ts';
import { createServices } from '../../services.ts';
import { SYSTEM_ACTOR } from './actor.ts';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('用户管理');
  user
    .command('add')
    .description('新增用户')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--password <password>', '初始密码（至少10位，含大写、小写、数字、符号中的3类；首次登录须修改）')
    .requiredOption('--role <role>', '角色：village|township|county|department|supervisor|admin')
    .requiredOption('--region <code>', '管辖区划代码')
    .option('--department <code>', '所属部门（department 角色必填），如 medical_insurance')
    .option('--name <displayName>', '显示名称')
    .action(
      (opts: { username: string; password: string; role: Role; region: string; department?: string; name?: string }) =>
        withCliContext('user add', async (ctx) => {
          const services = createServices(ctx);
          await services.regions.ensureUpperLevels();
          await services.auth.addUser(SYSTEM_ACTOR, {
            username: opts.username,
            password: opts.password,
            role: opts.role,
            regionCode: opts.region,
            department: opts.department ?? null,
            displayName: opts.name,
          });
          process.stdout.write(`已新增用户 ${opts.username}（${opts.role}，${opts.region}）\n`);
        }),
    );
}
