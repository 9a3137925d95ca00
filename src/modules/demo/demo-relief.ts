import type { AppContext } from '../../app-context.ts';
import type { Services } from '../../services.ts';
import { regionPrefix } from '../auth/actor.ts';
import { regionsRepository } from '../regions/regions.repository.ts';
import { reliefRepository } from '../relief/relief.repository.ts';
import { reliefService } from '../relief/relief.service.ts';
import { demoActor } from './demo-actor.ts';

const DAY = 86_400_000;

interface DemoApplication {
  daysAgo: number;
  item: string;
  description: string;
  channel: 'self' | 'proxy';
  /** What happened next, each a number of days after receipt. */
  steps?: (
    | { day: number; by: 'civil' | 'county' | 'department'; act: 'accept' }
    | { day: number; by: 'civil' | 'county' | 'department'; act: 'reply'; note: string }
    | { day: number; by: 'civil' | 'county'; act: 'refer'; to: string; reason: string }
    | { day: number; by: 'county'; act: 'urge'; note: string }
  )[];
  rating?: number;
}

const APPLICATIONS: DemoApplication[] = [
  {
    daysAgo: 40,
    item: 'temporary_relief',
    description: '丈夫在外务工摔伤，家里暂时没有收入，孩子开学需要用钱',
    channel: 'self',
    steps: [
      { day: 1, by: 'civil', act: 'accept' },
      { day: 6, by: 'civil', act: 'reply', note: '经入户核实，发放临时救助金2000元，已打卡到户' },
    ],
    rating: 5,
  },
  {
    daysAgo: 33,
    item: 'serious_illness_relief',
    description: '母亲确诊尿毒症，每周透析三次，自付费用很高',
    channel: 'self',
    steps: [
      { day: 2, by: 'department', act: 'accept' },
      { day: 15, by: 'department', act: 'reply', note: '已纳入医疗救助，住院自付部分按70%救助' },
    ],
    rating: 4,
  },
  {
    daysAgo: 26,
    item: 'dibao',
    description: '老两口都七十多岁，没有劳动能力，子女在外地顾不上',
    channel: 'proxy',
    steps: [
      { day: 1, by: 'civil', act: 'accept' },
      { day: 12, by: 'civil', act: 'reply', note: '经审核确认，自本月起纳入农村低保，每人每月发放低保金' },
    ],
  },
  {
    daysAgo: 20,
    item: 'job_search',
    description: '今年从外地返乡，想在县城附近找份工作',
    channel: 'self',
    steps: [{ day: 3, by: 'county', act: 'urge', note: '请人社局尽快联系申请人推荐岗位' }],
  },
  {
    daysAgo: 16,
    item: 'temporary_relief',
    description: '家里房子漏雨，存的粮食被泡坏了',
    channel: 'self',
    steps: [{ day: 1, by: 'civil', act: 'refer', to: 'housing', reason: '属住房安全问题，转住建局核查危房' }],
  },
  {
    daysAgo: 9,
    item: 'remote_medical_claim',
    description: '孩子在省城住院的费用还没有报销',
    channel: 'self',
    steps: [{ day: 1, by: 'department', act: 'accept' }],
  },
  { daysAgo: 4, item: 'school_dropout', description: '邻居家孩子初二没去上学了，在家放羊', channel: 'proxy' },
  { daysAgo: 2, item: 'temporary_relief', description: '家里失火，衣物和被褥都烧了', channel: 'self' },
  { daysAgo: 1, item: 'drinking_water', description: '自来水这半个月经常停水', channel: 'self' },
];

/**
 * Applications on the relief platform for the demo county (SPEC §14), built through the service with the clock set
 * back, so the inboxes, the applicant's steps, the overdue list and the figures show real-looking work on first start.
 */
export async function loadDemoRelief(ctx: AppContext, services: Services, village: string): Promise<number> {
  const db = ctx.database.db;
  const people = await db
    .selectFrom('persons')
    .select(['id', 'name', 'id_number_enc as enc', 'region_code as regionCode'])
    .where(regionPrefix('region_code', village.slice(0, 9)))
    .where('relation', '=', 'head')
    .orderBy('id')
    .limit(APPLICATIONS.length)
    .execute();
  const users = {
    civil: await demoActor(db, 'civil'),
    county: await demoActor(db, 'county'),
    department: await demoActor(db, 'department'),
  };
  const base = ctx.now?.() ?? new Date();
  let clock = base;
  const relief = reliefService({
    db,
    reliefRepo: reliefRepository(db),
    cipher: ctx.cipher,
    clues: services.clues,
    regionsRepo: regionsRepository(db),
    settings: services.settings,
    calendars: services.casesModule.calendars,
    audit: services.audit,
    now: () => clock,
  });
  let n = 0;
  for (const [i, a] of APPLICATIONS.entries()) {
    const p = people[i];
    if (!p) break;
    clock = new Date(base.getTime() - a.daysAgo * DAY);
    const phone = `139${String(10_000_000 + i * 7_919).slice(0, 8)}`;
    const { trackingCode } = await relief.apply({
      channel: a.channel,
      applicantName: p.name,
      idNumber: ctx.cipher.decrypt(p.enc),
      phone,
      villageCode: p.regionCode,
      itemCode: a.item,
      description: a.description,
      ...(a.channel === 'proxy' ? { proxy: { name: '王秀兰', relation: '邻居', phone: '13800009999' } } : {}),
    });
    const row = await db
      .selectFrom('relief_requests')
      .select('id')
      .where('tracking_code', '=', trackingCode)
      .executeTakeFirstOrThrow();
    for (const step of a.steps ?? []) {
      clock = new Date(base.getTime() - (a.daysAgo - step.day) * DAY);
      const who = users[step.by];
      if (step.act === 'accept') await relief.act(who, row.id, { type: 'accept' });
      else if (step.act === 'reply')
        await relief.act(who, row.id, { type: 'reply', outcome: 'resolved', note: step.note });
      else if (step.act === 'refer') {
        await relief.act(who, row.id, { type: 'refer', department: step.to, reason: step.reason });
      } else await relief.act(who, row.id, { type: 'urge', note: step.note });
    }
    if (a.rating) await relief.rate(trackingCode, phone, a.rating, '办事效率高，谢谢政府');
    n++;
  }
  return n;
}
