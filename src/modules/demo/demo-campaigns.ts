import type { AppContext } from '../../app-context.ts';
import { chinaToday, shiftDate } from '../../domain/calendar/index.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { createCampaigns } from '../campaigns/campaigns.module.ts';
import { demoActor } from './demo-actor.ts';
import { DEMO } from './demo-county.ts';

/** A 1×1 PNG: the demo's 整改照片. */
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d2a1b00000000049454e44ae426082',
  'hex',
);

/**
 * A running 大提升 campaign over the demo county (SPEC §15), started 20 days ago: the county's spot check of 30% of
 * villages with findings, problems from self-check, spot check and public feedback in every state — closed with
 * evidence, waiting for acceptance, being rectified, and overdue (escalated when first read). Written through the
 * services with a clock set 20 days back, so that every row and audit entry is what the application would have made.
 */
export async function loadDemoCampaigns(
  ctx: AppContext,
  services: Services,
  at: { township: string; village: string },
) {
  const today = chinaToday(ctx.now?.() ?? new Date());
  const started = shiftDate(today, -20);
  const past = createCampaigns({
    db: ctx.database.db,
    settings: services.settings,
    audit: services.audit,
    now: () => new Date(`${started}T09:00:00+08:00`),
  });
  const [county, township, village] = (await Promise.all(
    ['county', 'township', 'village'].map((u) => demoActor(ctx.database.db, u)),
  )) as [Actor, Actor, Actor];

  const campaign = await past.campaigns.create(county, {
    name: `${today.slice(0, 4)}年巩固拓展脱贫攻坚成果“大提升”专项行动`,
    regionCode: DEMO.county,
    startsOn: started,
    endsOn: shiftDate(today, 25),
  });
  const check = await past.spotChecks.draw(county, campaign.id, {
    ratio: 0.3,
    seed: `${started} 县级抽查`,
    regionCode: DEMO.county,
  });
  const findings: [string, string, 'ok' | 'problem', string][] = [
    ['guarantees', 'guarantees-5', 'ok', '入户查看饮水正常'],
    ['monitoring', 'monitoring-3', 'problem', '1户纳入程序缺少农户授权书'],
    ['guarantees', 'guarantees-4', 'problem', '1户住房鉴定为C级，尚未列入改造计划'],
  ];
  for (const v of check.villages.slice(0, 3)) {
    for (const [areaKey, itemKey, result, note] of findings) {
      await past.spotChecks.recordFinding(county, check.id, {
        unitId: v.unitId,
        areaKey,
        itemKey,
        result,
        note,
        ...(result === 'problem' ? { deadline: shiftDate(started, 10), owner: '村民委员会' } : {}),
      });
    }
  }
  const problem = (who: Actor, body: Parameters<typeof past.problems.create>[1]) => past.problems.create(who, body);
  const base = { campaignId: campaign.id, regionCode: at.village, owner: '村民委员会' };
  const closed = await problem(village, {
    ...base,
    areaKey: 'guarantees',
    source: 'self_check',
    description: '2户季节性缺水，储水设施损坏',
    deadline: shiftDate(started, 12),
  });
  await past.problems.uploadFile(village, closed.id, '整改照片.png', PHOTO);
  await past.problems.act(village, closed.id, { type: 'submit', measures: '更换储水罐，接通集中供水管网' });
  await past.problems.act(township, closed.id, { type: 'accept', note: '镇乡村振兴办现场核实' });
  const waiting = await problem(village, {
    ...base,
    areaKey: 'employment',
    source: 'inspection',
    description: '公益岗位考勤记录不全',
    deadline: shiftDate(today, 5),
  });
  await past.problems.uploadFile(village, waiting.id, '考勤表.png', PHOTO);
  await past.problems.act(village, waiting.id, { type: 'submit', measures: '补齐9月、10月考勤，建立月度签到制度' });
  await problem(village, {
    ...base,
    areaKey: 'income',
    source: 'public_feedback',
    description: '群众反映产业奖补资金未及时发放到户',
    deadline: shiftDate(today, 10),
  });
  await problem(township, {
    ...base,
    regionCode: at.township,
    areaKey: 'monitoring',
    source: 'self_check',
    description: '镇级部门预警信息核实反馈超过时限',
    owner: '镇乡村振兴办',
    deadline: shiftDate(started, 15),
  });
  return { campaignId: campaign.id, spotCheckId: check.id };
}
