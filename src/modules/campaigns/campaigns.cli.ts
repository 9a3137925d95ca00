import type { Command } from 'commander';
import { withCliContext } from '../../cli/cli-context.ts';
import { createServices } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';

/**
 * `shouxian spot-check --campaign ID --ratio 0.3 --seed S [--region CODE]` (SPEC §15): draws (or, with a seed used
 * before, returns the frozen) spot-check sample and prints it as JSON. ID is the campaign's id or its number.
 */
export function registerSpotCheckCommand(program: Command): void {
  program
    .command('spot-check')
    .description('专项行动抽查：按乡镇分层随机抽取村和户（同一种子得到同一名单），以 JSON 输出')
    .requiredOption('--campaign <id>', '专项行动编号或 ID')
    .requiredOption('--ratio <ratio>', '抽查比例，如 0.3（不得低于规定的最低比例）')
    .requiredOption('--seed <seed>', '随机种子（记录在案，可复现）')
    .option('--region <code>', '抽查范围（默认为专项行动的区划）')
    .option('--households <n>', '每村抽查农户数（默认按设置）')
    .action((opts: { campaign: string; ratio: string; seed: string; region?: string; households?: string }) =>
      withCliContext('spot-check', async (ctx) => {
        const ratio = Number(opts.ratio);
        if (!Number.isFinite(ratio)) throw new AppError('VALIDATION', `--ratio 应为小数，如 0.3：${opts.ratio}`);
        const m = createServices(ctx).campaigns;
        const list = await m.campaigns.list(SYSTEM_ACTOR);
        const campaign = list.find((c) => c.id === opts.campaign || String(c.number) === opts.campaign);
        if (!campaign) throw new AppError('NOT_FOUND', `没有该专项行动：${opts.campaign}`);
        const s = await m.spotChecks.draw(SYSTEM_ACTOR, campaign.id, {
          ratio,
          seed: opts.seed,
          regionCode: opts.region ?? campaign.regionCode,
          ...(opts.households !== undefined ? { householdsPerVillage: Number(opts.households) } : {}),
        });
        process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
      }),
    );
}
