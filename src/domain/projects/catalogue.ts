/**
 * Words of the assistance-fund project area (衔接资金项目, SPEC §13) with their Chinese labels: one list each for the
 * machine keys, the API schemas and the web dictionary.
 */

/** The six milestones of 枣庄's monthly progress ledger (审批、招投标、施工监理、报账拨款、竣工决算、审计验收). */
export const MILESTONES = [
  'approval',
  'tendering',
  'construction',
  'payment',
  'final_accounts',
  'audit_acceptance',
] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MILESTONE_LABELS: Record<Milestone, string> = {
  approval: '审批',
  tendering: '招投标',
  construction: '施工监理',
  payment: '报账拨款',
  final_accounts: '竣工决算',
  audit_acceptance: '审计验收',
};

/**
 * Life of a project in the library (项目库): 申报 → 论证 (with publicity) → 入库 (approved into the annual plan) →
 * 实施 → 验收 → 运营; "有进有出": any project not yet accepted can leave the library (出库) with a reason.
 */
export const PROJECT_STATUSES = [
  'proposed',
  'reviewing',
  'approved',
  'implementing',
  'accepted',
  'operating',
  'withdrawn',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  proposed: '申报',
  reviewing: '论证公示',
  approved: '入库（纳入年度计划）',
  implementing: '实施中',
  accepted: '已验收',
  operating: '运营管护',
  withdrawn: '已出库',
};

const NEXT: Record<ProjectStatus, readonly ProjectStatus[]> = {
  proposed: ['reviewing', 'withdrawn'],
  reviewing: ['approved', 'proposed', 'withdrawn'],
  approved: ['implementing', 'withdrawn'],
  implementing: ['accepted', 'withdrawn'],
  accepted: ['operating'],
  operating: [],
  withdrawn: [],
};

/** Whether a project may move from one status to another. */
export const canMove = (from: ProjectStatus, to: ProjectStatus): boolean => NEXT[from].includes(to);
export const nextStatuses = (from: ProjectStatus): readonly ProjectStatus[] => NEXT[from];

/** Statuses in which the monthly 红黄蓝 warning applies: the project is in the plan and not yet accepted. */
export const WARNED_STATUSES: readonly ProjectStatus[] = ['approved', 'implementing'];

/** Funds by level of government and by source (衔接资金 under its regional name, or other funds). */
export const FUND_LEVELS = ['central', 'provincial', 'city', 'county'] as const;
export type FundLevel = (typeof FUND_LEVELS)[number];
export const FUND_LEVEL_LABELS: Record<FundLevel, string> = {
  central: '中央',
  provincial: '省级',
  city: '市级',
  county: '县级',
};
export const FUND_SOURCES = ['linkage', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** 联农带农: how a household benefits from a project. */
export const BENEFIT_WAYS = ['job', 'dividend', 'rent', 'land_transfer', 'purchase'] as const;
export type BenefitWay = (typeof BENEFIT_WAYS)[number];
export const BENEFIT_WAY_LABELS: Record<BenefitWay, string> = {
  job: '务工就业',
  dividend: '资产收益分红',
  rent: '房屋租金',
  land_transfer: '土地流转',
  purchase: '订单收购',
};

export const WARNING_COLOURS = ['blue', 'yellow', 'red'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];
export const WARNING_COLOUR_LABELS: Record<WarningColour, string> = { blue: '蓝牌', yellow: '黄牌', red: '红牌' };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const isMonth = (m: string): boolean => MONTH.test(m);

/** The month after `m` ('2026-12' → '2027-01'). */
export function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/**
 * 双报备 checklists (seeds/003 枣庄 市级双报备): before implementation the library entry and the implementation plan;
 * after acceptance the acceptance report, final-accounts audit report, payment vouchers, operating contracts and
 * asset-transfer agreements. Every item requires at least one file.
 */
export const FILING_ITEMS = {
  pre: { library: '年度项目库（入库申报表）', plan: '项目实施方案' },
  post: {
    acceptance_report: '验收报告',
    audit_report: '决算审计报告',
    payment_vouchers: '资金报账凭证',
    operating_contracts: '运营合同协议',
    asset_transfer: '资产移交协议',
  },
} as const;
export type FilingKind = keyof typeof FILING_ITEMS;
/** Project statuses in which each filing may be submitted. */
export const FILING_STATUSES: Record<FilingKind, readonly ProjectStatus[]> = {
  pre: ['proposed', 'reviewing', 'approved'],
  post: ['accepted', 'operating'],
};
