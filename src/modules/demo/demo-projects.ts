import type { AppContext } from '../../app-context.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import type { Milestone, ProjectStatus } from '../../domain/projects/index.ts';
import type { Services } from '../../services.ts';
import { type Actor, regionPrefix, SYSTEM_ACTOR } from '../auth/actor.ts';
import type { ProjectInput } from '../projects/projects.schema.ts';
import { demoActor } from './demo-actor.ts';
import { DEMO } from './demo-county.ts';

/** How a demo project has fared against its plan, which decides this month's card. */
type Course = 'on_track' | 'behind_one' | 'behind_two' | 'recovered' | 'not_started';

interface DemoProject {
  name: string;
  type: string;
  /** [level, source, yuan] */
  funds: [ProjectInput['funds'][number]['level'], 'linkage' | 'other', number][];
  taskForce: string;
  manager: string;
  description: string;
  status: ProjectStatus;
  course?: Course;
  exitReason?: string;
  /** Index of the township (0-based) and whether the project sits in a village of it. */
  township: number;
  village?: boolean;
}

const PROJECTS: DemoProject[] = [
  {
    name: '高原夏菜标准化种植基地建设项目',
    type: '产业发展',
    funds: [
      ['central', 'linkage', 900_000],
      ['provincial', 'linkage', 300_000],
      ['county', 'other', 200_000],
    ],
    taskForce: '高原夏菜产业项目专班',
    manager: '马志强',
    description: '新建钢架大棚120座、滴灌设施300亩；通过土地流转、基地务工和订单收购带动脱贫户和监测户增收。',
    status: 'implementing',
    course: 'on_track',
    township: 0,
  },
  {
    name: '中药材初加工及仓储车间项目',
    type: '产业发展',
    funds: [
      ['central', 'linkage', 650_000],
      ['city', 'other', 100_000],
    ],
    taskForce: '中药材产业项目专班',
    manager: '李红梅',
    description: '建设当归、黄芪初加工车间800平方米及冷藏库，资产归村集体，收益按比例分红。',
    status: 'implementing',
    course: 'behind_one',
    township: 1,
  },
  {
    name: '村组道路硬化及安全防护工程',
    type: '基础设施',
    funds: [
      ['provincial', 'linkage', 480_000],
      ['county', 'linkage', 120_000],
    ],
    taskForce: '农村基础设施项目专班',
    manager: '张伟',
    description: '硬化村组道路6.2公里，设置波形护栏和警示标志；优先吸纳脱贫劳动力参与建设。',
    status: 'implementing',
    course: 'behind_two',
    township: 2,
    village: true,
  },
  {
    name: '马铃薯种薯繁育基地提升项目',
    type: '产业发展',
    funds: [
      ['central', 'linkage', 1_100_000],
      ['county', 'other', 300_000],
    ],
    taskForce: '马铃薯产业项目专班',
    manager: '王建军',
    description: '建设脱毒种薯网棚50亩、贮藏窖2座，带动种植户订单收购。',
    status: 'implementing',
    course: 'recovered',
    township: 0,
    village: true,
  },
  {
    name: '农村人居环境整治提升项目',
    type: '乡村建设',
    funds: [
      ['provincial', 'linkage', 350_000],
      ['county', 'other', 50_000],
    ],
    taskForce: '人居环境整治项目专班',
    manager: '赵丽',
    description: '改造户厕150座、建设垃圾收集点12处，设置公益性保洁岗位。',
    status: 'approved',
    course: 'not_started',
    township: 3,
    village: true,
  },
  {
    name: '帮扶车间（来料加工）建设项目',
    type: '就业帮扶',
    funds: [['central', 'linkage', 420_000]],
    taskForce: '就业帮扶项目专班',
    manager: '刘芳',
    description: '改建闲置村部用于来料加工车间，吸纳脱贫劳动力和监测对象就近就业。',
    status: 'implementing',
    course: 'on_track',
    township: 1,
    village: true,
  },
  {
    name: '村级光伏电站运维及收益分配项目',
    type: '产业发展',
    funds: [['central', 'linkage', 280_000]],
    taskForce: '光伏项目管理专班',
    manager: '陈刚',
    description: '电站收益用于公益岗位工资和小型公益事业，资产归村集体。',
    status: 'operating',
    township: 2,
  },
  {
    name: '易地搬迁安置点配套设施完善项目',
    type: '易地搬迁后续扶持',
    funds: [
      ['central', 'linkage', 760_000],
      ['county', 'other', 90_000],
    ],
    taskForce: '搬迁后续扶持项目专班',
    manager: '杨静',
    description: '完善安置点供排水、活动场地和就业服务站。',
    status: 'accepted',
    township: 0,
  },
  {
    name: '花卉育苗温室建设项目',
    type: '产业发展',
    funds: [['central', 'linkage', 560_000]],
    taskForce: '花卉产业项目专班',
    manager: '马志强',
    description: '新建智能育苗温室2栋，带动周边农户务工。',
    status: 'reviewing',
    township: 3,
  },
  {
    name: '村集体冷链仓储设施项目',
    type: '产业发展',
    funds: [['provincial', 'linkage', 380_000]],
    taskForce: '高原夏菜产业项目专班',
    manager: '李红梅',
    description: '建设冷库一座，服务高原夏菜外销。',
    status: 'proposed',
    township: 1,
    village: true,
  },
  {
    name: '山区旅游步道建设项目',
    type: '乡村建设',
    funds: [['county', 'linkage', 900_000]],
    taskForce: '乡村建设项目专班',
    manager: '张伟',
    description: '原计划建设旅游步道8公里。',
    status: 'withdrawn',
    exitReason: '论证认为带动能力弱、与巩固脱贫成果结合不紧密，调出项目库',
    township: 2,
  },
];

const addMonths = (month: string, n: number) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  return `${yy}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}`;
};

/** Plan months relative to this month M: approval M-4, tendering M-3, construction M-2, payments M-1…M+1, audit M+2. */
const PLAN: [number, Milestone[], number][] = [
  [-4, ['approval'], 0],
  [-3, ['tendering'], 0],
  [-2, ['construction'], 0.2],
  [-1, ['payment'], 0.4],
  [0, [], 0.7],
  [1, ['final_accounts'], 1],
  [2, ['audit_acceptance'], 1],
];

/** The months (offsets) each course reports, and what each report reaches; catching up reports all at once. */
function reports(course: Course): { at: number; milestones: Milestone[]; share: number }[] {
  const month = (at: number) => PLAN.find((p) => p[0] === at) as [number, Milestone[], number];
  const upTo = (last: number) =>
    PLAN.filter((p) => p[0] <= last).map(([at, milestones, share]) => ({ at, milestones, share }));
  switch (course) {
    case 'on_track':
      return upTo(0);
    case 'behind_one':
      return [...upTo(-1), { at: 0, milestones: [], share: 0.55 }];
    case 'behind_two':
      return [...upTo(-2), { at: -1, milestones: [], share: 0.25 }, { at: 0, milestones: [], share: 0.3 }];
    case 'recovered':
      return [
        ...upTo(-3),
        { at: -2, milestones: [], share: 0 },
        { at: -1, milestones: ['construction'], share: 0.15 },
        { at: 0, milestones: ['payment'], share: month(0)[2] },
      ];
    case 'not_started':
      return [];
  }
}

/**
 * The demo county's assistance-fund project library (SPEC §13): projects in every stage of the library — filed, in
 * review, under way with blue, yellow and red cards (one recovered from red), accepted, operating, and one taken out
 * with its reason — with monthly plans, progress reports and beneficiary households from the registry, some of them
 * monitored. Written through the services, so every row and audit entry is what the application would have made.
 */
export async function loadDemoProjects(ctx: AppContext, services: Services) {
  const m = services.projects;
  // the county project officer keeps the library (docs/decisions/0036); a second officer asks for the asset transfer
  const officer = await demoActor(ctx.database.db, 'project');
  const second = await demoActor(ctx.database.db, 'project2');
  const month = chinaToday(ctx.now?.() ?? new Date()).slice(0, 7);
  const year = Number(month.slice(0, 4));
  const townships = (await services.regions.children(SYSTEM_ACTOR, DEMO.county)).children;
  const households = await ctx.database.db
    .selectFrom('households')
    .select(['id', 'region_code', 'monitoring_status'])
    .where(regionPrefix('region_code', DEMO.county))
    .orderBy(({ case: c }) => c().when('monitoring_status', '=', 'monitored').then(0).else(1).end())
    .orderBy('code')
    .limit(60)
    .execute();
  const ids: Record<string, string> = {};
  const sites: Record<string, string> = {};
  let used = 0;
  for (const d of PROJECTS) {
    const township = townships[d.township % Math.max(1, townships.length)];
    if (!township) continue;
    let regionCode = township.code;
    if (d.village) {
      const [village] = (await services.regions.children(SYSTEM_ACTOR, township.code)).children;
      if (village) regionCode = village.code;
    }
    const created = await m.projects.create(officer, {
      name: `${township.name}${d.name}`,
      regionCode,
      year,
      type: d.type,
      funds: d.funds.map(([level, source, amountYuan]) => ({ level, source, amountYuan })),
      taskForce: d.taskForce,
      manager: d.manager,
      description: d.description,
    });
    ids[d.name] = created.id;
    sites[d.name] = regionCode;
    let version = created.version;
    const move = async (to: ProjectStatus, on: string, extra: Record<string, unknown> = {}) => {
      const p = await m.projects.setStatus(officer, created.id, { to, version, on, ...extra });
      version = p.version;
    };
    const startMonth = addMonths(month, -5);
    if (d.status === 'withdrawn') {
      await move('withdrawn', `${startMonth}-20`, { note: d.exitReason });
      continue;
    }
    if (d.status === 'proposed') continue;
    await move('reviewing', `${startMonth}-05`, {
      publicityFrom: `${startMonth}-05`,
      publicityTo: `${startMonth}-14`,
      note: '县乡村振兴局组织论证，在项目所在村公示',
    });
    if (d.status === 'reviewing') continue;
    await m.projects.setPlan(officer, created.id, {
      months: PLAN.map(([at, milestones, paymentShare]) => ({ month: addMonths(month, at), milestones, paymentShare })),
    });
    await move('approved', `${startMonth}-25`, {
      note: '纳入年度项目计划，报市级审查备案',
      ...(created.keyProject
        ? {
            keyResponsible: {
              city: '市乡村振兴局 副局长 孙立',
              district: '县政府 副县长 何平',
              town: `${township.name} 镇长 周强`,
            },
          }
        : {}),
    });
    if (d.status === 'approved' && d.course === 'not_started') continue;
    await move('implementing', `${addMonths(month, -3)}-10`);
    const total = created.totalYuan;
    const steps = d.course ? reports(d.course) : PLAN.map(([at, milestones, share]) => ({ at, milestones, share }));
    for (const r of steps) {
      if (r.at > 0) continue;
      await m.projects.reportProgress(officer, created.id, {
        month: addMonths(month, r.at),
        milestones: r.milestones,
        worksShare: Math.min(1, r.share + 0.05),
        paidYuan: Math.round(total * r.share * 100) / 100,
        evidence: r.milestones.includes('tendering') ? ['招标公告', '中标通知书'] : r.share > 0 ? ['拨款凭证'] : [],
      });
    }
    if (d.status === 'accepted' || d.status === 'operating') {
      await m.projects.reportProgress(officer, created.id, {
        month,
        milestones: ['final_accounts', 'audit_acceptance'],
        worksShare: 1,
        paidYuan: total,
        evidence: ['竣工决算报告', '审计报告', '验收报告'],
      });
      await move('accepted', `${month}-01`, { note: '县级组织竣工验收，报市级备案' });
      if (d.status === 'operating') await move('operating', `${month}-02`, { note: '资产移交村集体运营管护' });
    }
  }
  // 联农带农: households of the registry, monitored ones first.
  const ways = [
    ['高原夏菜标准化种植基地建设项目', 'land_transfer', 1_800],
    ['高原夏菜标准化种植基地建设项目', 'job', 9_600],
    ['中药材初加工及仓储车间项目', 'dividend', 600],
    ['帮扶车间（来料加工）建设项目', 'job', 12_000],
    ['马铃薯种薯繁育基地提升项目', 'purchase', 3_500],
    ['村级光伏电站运维及收益分配项目', 'dividend', 800],
  ] as const;
  for (const [i, h] of households.entries()) {
    const [name, way, amount] = ways[i % ways.length] as (typeof ways)[number];
    const projectId = ids[name];
    if (!projectId) continue;
    await m.projects.addBeneficiary(officer, projectId, {
      householdId: h.id,
      way,
      amountYuan: amount,
      note: way === 'job' ? '基地或车间务工' : '',
    });
    used += 1;
  }
  const assets = await loadDemoAssets(services, { officer, second }, ids, sites, year);
  return { projects: Object.keys(ids).length, beneficiaries: used, assets };
}

/**
 * The assets of the accepted and operating demo projects (SPEC §13 item 6): the solar plant with two years of income
 * and its distribution, the resettlement site's facilities, and a transfer waiting for a second officer's approval.
 */
async function loadDemoAssets(
  services: Services,
  { officer, second }: { officer: Actor; second: Actor },
  ids: Record<string, string>,
  sites: Record<string, string>,
  year: number,
) {
  const m = services.projects;
  const villageOf = async (code: string | undefined) => {
    if (!code) return undefined;
    if (code.length >= 12) return code;
    return (await services.regions.children(SYSTEM_ACTOR, code)).children[0]?.code;
  };
  let count = 0;
  const SOLAR = '村级光伏电站运维及收益分配项目';
  const SITE = '易地搬迁安置点配套设施完善项目';
  const solar = ids[SOLAR];
  const solarVillage = await villageOf(sites[SOLAR]);
  if (solar && solarVillage) {
    const plant = await m.assets.add(officer, solar, {
      name: '村级光伏电站（200千瓦）',
      kind: 'operating',
      valueYuan: 262_000,
      regionCode: solarVillage,
      location: '村东荒坡，占地约6亩',
      ownerKind: 'collective',
      ownerName: '村股份经济合作社',
      caretaker: '村委会主任 王德明',
    });
    await m.assets.recordIncome(officer, plant.id, {
      year,
      incomeYuan: 31_600,
      distribution: [
        { purpose: 'public_jobs', amountYuan: 19_200 },
        { purpose: 'public_works', amountYuan: 6_000 },
        { purpose: 'maintenance', amountYuan: 3_200 },
      ],
      note: '经村民代表大会通过：设置光伏公益岗位8个，每人每月200元',
    });
    count += 1;
    const meter = await m.assets.add(officer, solar, {
      name: '并网计量及监控设备',
      kind: 'operating',
      valueYuan: 18_000,
      regionCode: solarVillage,
      location: '电站配电房',
      ownerKind: 'collective',
      ownerName: '村股份经济合作社',
      caretaker: '村电工 李文斌',
    });
    await m.assets.requestChange(second, meter.id, {
      kind: 'transfer',
      reason: '电站由乡镇光伏运维中心统一运维，计量设备随之移交',
      newOwnerKind: 'state',
      newOwnerName: '乡镇光伏运维服务中心',
      newCaretaker: '运维中心 技术员 赵鹏',
    });
    count += 1;
  }
  const site = ids[SITE];
  const siteVillage = await villageOf(sites[SITE]);
  if (site && siteVillage) {
    for (const a of [
      { name: '安置点供排水管网', kind: 'public', valueYuan: 420_000, location: '安置点主干道沿线' },
      { name: '就业服务站', kind: 'operating', valueYuan: 230_000, location: '安置点综合服务中心一层' },
      { name: '群众文化活动广场', kind: 'public', valueYuan: 150_000, location: '安置点北侧' },
    ] as const) {
      await m.assets.add(officer, site, {
        ...a,
        regionCode: siteVillage,
        ownerKind: a.kind === 'public' ? 'state' : 'collective',
        ownerName: a.kind === 'public' ? '乡镇人民政府' : '安置点所在村股份经济合作社',
        caretaker: '安置点社区主任 马玉兰',
      });
      count += 1;
    }
  }
  return count;
}
