import type { ProjectStatus } from './catalogue.ts';

/**
 * Assets of assistance-fund projects (衔接资金项目资产, SPEC §13 item 6): their kinds, owners, the purposes their
 * income is distributed to, and the changes that need approval — one list each with its Chinese label.
 */

/** 经营性资产 (earns income), 公益性资产 (roads, water), 到户类资产 (handed to households). */
export const ASSET_KINDS = ['operating', 'public', 'household'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const ASSET_KIND_LABELS: Record<AssetKind, string> = {
  operating: '经营性资产',
  public: '公益性资产',
  household: '到户类资产',
};

/** Who holds title to the asset once it is handed over (确权). */
export const ASSET_OWNER_KINDS = ['state', 'collective'] as const;
export type AssetOwnerKind = (typeof ASSET_OWNER_KINDS)[number];
export const ASSET_OWNER_KIND_LABELS: Record<AssetOwnerKind, string> = {
  state: '国有',
  collective: '村集体',
};

export const ASSET_STATUSES = ['in_use', 'written_off'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export const ASSET_STATUS_LABELS: Record<AssetStatus, string> = { in_use: '在用', written_off: '已核销' };

/** Where an asset's yearly income goes (收益分配). */
export const INCOME_PURPOSES = [
  'household_dividend',
  'public_jobs',
  'collective',
  'maintenance',
  'public_works',
] as const;
export type IncomePurpose = (typeof INCOME_PURPOSES)[number];
export const INCOME_PURPOSE_LABELS: Record<IncomePurpose, string> = {
  household_dividend: '脱贫户和监测对象分红',
  public_jobs: '设置公益岗位',
  collective: '村集体经济积累',
  maintenance: '资产管护运营',
  public_works: '村内小型公益事业',
};

export const ASSET_CHANGE_KINDS = ['transfer', 'write_off'] as const;
export type AssetChangeKind = (typeof ASSET_CHANGE_KINDS)[number];
export const ASSET_CHANGE_KIND_LABELS: Record<AssetChangeKind, string> = {
  transfer: '权属变更（移交）',
  write_off: '报废核销',
};
export const ASSET_CHANGE_STATUS_LABELS = { pending: '待审批', approved: '已批准', rejected: '未批准' } as const;
export type AssetChangeStatus = keyof typeof ASSET_CHANGE_STATUS_LABELS;

/** Assets are registered once the project has been accepted (验收后确权登记). */
export const ASSET_STATUSES_OF_PROJECT: readonly ProjectStatus[] = ['accepted', 'operating'];
export const projectHoldsAssets = (status: ProjectStatus): boolean => ASSET_STATUSES_OF_PROJECT.includes(status);

export interface IncomeShare {
  purpose: IncomePurpose;
  amountFen: number;
}

/**
 * Checks a year's distribution against its income: each purpose at most once and a positive amount, the sum never
 * above the income. Answers the first problem with the index of the offending share (or null for the sum), or null.
 */
export function distributionProblem(
  incomeFen: number,
  shares: readonly IncomeShare[],
): { index: number | null; message: string } | null {
  const seen = new Set<IncomePurpose>();
  let sum = 0;
  for (const [index, s] of shares.entries()) {
    if (seen.has(s.purpose)) {
      return { index, message: `“${INCOME_PURPOSE_LABELS[s.purpose]}”重复填写，请合并为一项` };
    }
    seen.add(s.purpose);
    if (s.amountFen <= 0) return { index, message: '分配金额应大于0' };
    sum += s.amountFen;
  }
  if (sum > incomeFen) {
    return {
      index: null,
      message: `分配合计${(sum / 100).toFixed(2)}元，超过当年收益${(incomeFen / 100).toFixed(2)}元`,
    };
  }
  return null;
}
