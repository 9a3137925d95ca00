import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import type { Role } from '../../db/schema.ts';
import { createServices } from '../../services.ts';
import { ACCOUNT_POLICY } from './account-policy.ts';
import { SYSTEM_ACTOR } from './actor.ts';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('用户管理');
  user
    .command('add')
    .description('新增用户')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--password <password>', '初始密码（至少10位，含大写、小写、数字、符号中的3类；首次登录须修改）')
    .requiredOption(
      '--role <role>',
      '角色：village|township|county|department|supervisor|admin|security_admin（安全管理员）|audit_admin（审计管理员）|project_officer（项目管理员）',
    )
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

  // user management (issue 11 point 3): by username, as the system
  const byName = (
    name: string,
    what: string,
    run: (s: ReturnType<typeof createServices>, id: string) => Promise<unknown>,
  ) =>
    user
      .command(`${name} <username>`)
      .description(what)
      .action((username: string) =>
        withCliContext(`user ${name}`, async (ctx) => {
          const services = createServices(ctx);
          await run(services, await services.users.idOf(SYSTEM_ACTOR, username));
          process.stdout.write(`已${what}：${username}\n`);
        }),
      );
  byName('disable', '停用用户', (s, id) => s.users.setDisabled(SYSTEM_ACTOR, id, true));
  byName('enable', '启用用户', (s, id) => s.users.setDisabled(SYSTEM_ACTOR, id, false));
  byName('unlock', '解锁用户', (s, id) => s.users.unlock(SYSTEM_ACTOR, id));
  user
    .command('reset-password <username>')
    .description('重置密码（新的初始密码，下次登录须修改）')
    .option('--password <password>', '新的初始密码（不给时生成一次性密码并显示一次）')
    .action((username: string, opts: { password?: string }) =>
      withCliContext('user reset-password', async (ctx) => {
        const services = createServices(ctx);
        const done = await services.users.resetPassword(
          SYSTEM_ACTOR,
          await services.users.idOf(SYSTEM_ACTOR, username),
          opts.password,
        );
        const shown = 'password' in done ? `，一次性密码：${done.password}` : '';
        process.stdout.write(`已重置密码：${username}（下次登录须修改${shown}）\n`);
      }),
    );
  user
    .command('role <username>')
    .description('变更用户角色、管辖区划或部门（其会话立即失效）')
    .option('--role <role>', '新角色')
    .option('--region <code>', '新的管辖区划代码')
    .option('--department <code>', '所属部门（department 角色）')
    .action((username: string, opts: { role?: Role; region?: string; department?: string }) =>
      withCliContext('user role', async (ctx) => {
        const services = createServices(ctx);
        const after = await services.users.change(SYSTEM_ACTOR, await services.users.idOf(SYSTEM_ACTOR, username), {
          ...(opts.role ? { role: opts.role } : {}),
          ...(opts.region ? { regionCode: opts.region } : {}),
          ...(opts.department ? { department: opts.department } : {}),
        });
        process.stdout.write(`已变更：${username}（${after.role}，${after.regionCode}）\n`);
      }),
    );
  user
    .command('list')
    .description('用户列表（角色、辖区、最近登录、是否锁定）')
    .action(() =>
      withCliContext('user list', async (ctx) => {
        const services = createServices(ctx);
        for (const u of await services.auth.listUsers(SYSTEM_ACTOR)) {
          const last = u.lastLoginAt ? new Date(u.lastLoginAt).toISOString() : '从未登录';
          const flags = [
            u.disabled ? '已停用' : '',
            u.demo ? '演示' : '',
            u.recentFailures >= ACCOUNT_POLICY.lockoutFailures ? '已锁定' : '',
          ]
            .filter(Boolean)
            .join('，');
          process.stdout.write(`${u.username}\t${u.role}\t${u.regionCode}\t${last}${flags ? `\t${flags}` : ''}\n`);
        }
      }),
    );
}
