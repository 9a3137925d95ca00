import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { createServices } from '../../services.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { CLEANING_RULE_NAMES } from './cleaning.service.ts';

/** `shouxian clean [--region CODE] [--year YYYY]` (SPEC §17): runs the data-cleaning rules and prints counts. */
export function registerCleanCommand(program: Command): void {
  program
    .command('clean')
    .description('运行数据清洗规则（身份证号校验、重复登记、死亡成员、无户主、关系与年龄、收入缺失等），列出问题数量')
    .option('--region <code>', '区划代码（默认全部）')
    .option('--year <yyyy>', '检查的收入年度（默认上一年）', (v) => Number(v))
    .action((opts: { region?: string; year?: number }) =>
      withCliContext('clean', async (ctx) => {
        const r = await createServices(ctx).cleaning.run(SYSTEM_ACTOR, opts);
        for (const [code, n] of Object.entries(r.byRule)) {
          const name = code === 'ID_CHECKS' ? '身份证号校验（无效、出生日期或性别不符）' : CLEANING_RULE_NAMES[code];
          process.stdout.write(`${String(n).padStart(8)}  ${code}  ${name}\n`);
        }
        process.stdout.write(`数据清洗完成：${r.region || '全部区划'} ${r.year} 年度，共 ${r.problems} 个问题\n`);
        process.stdout.write(`${JSON.stringify(r)}\n`);
      }),
    );
}
