/** Chinese labels of the assistance-fund projects (SPEC §13; server: src/domain/projects/catalogue.ts). */
export { label, options } from './labels';

export const PROJECT_STATUS: Record<string, string> = {
  proposed: '申报',
  reviewing: '论证公示',
  approved: '入库（纳入年度计划）',
  implementing: '实施中',
  accepted: '已验收',
  operating: '运营管护',
  withdrawn: '已出库',
};
/** The action that moves a project into a status, for buttons. */
export const PROJECT_STATUS_ACTION: Record<string, string> = {
  proposed: '退回申报',
  reviewing: '论证公示',
  approved: '批准入库',
  implementing: '开工实施',
  accepted: '竣工验收',
  operating: '转入运营管护',
  withdrawn: '出库',
};
export const MILESTONE: Record<string, string> = {
  approval: '审批',
  tendering: '招投标',
  construction: '施工监理',
  payment: '报账拨款',
  final_accounts: '竣工决算',
  audit_acceptance: '审计验收',
};
export const FUND_LEVEL: Record<string, string> = { central: '中央', provincial: '省级', city: '市级', county: '县级' };
export const BENEFIT_WAY: Record<string, string> = {
  job: '务工就业',
  dividend: '资产收益分红',
  rent: '房屋租金',
  land_transfer: '土地流转',
  purchase: '订单收购',
};
export const WARNING_COLOUR: Record<string, string> = { blue: '蓝牌', yellow: '黄牌', red: '红牌' };
/** antd Tag colours of the cards. */
export const WARNING_TAG: Record<string, string> = { blue: 'blue', yellow: 'gold', red: 'red' };
export const STATUS_TAG: Record<string, string> = {
  proposed: 'default',
  reviewing: 'processing',
  approved: 'cyan',
  implementing: 'blue',
  accepted: 'green',
  operating: 'green',
  withdrawn: 'default',
};
/** The fund's source under the region's name for it (衔接资金, 常态化帮扶资金 …). */
export const fundSource = (source: string, fundName: string) => (source === 'linkage' ? fundName : '其他资金');

/** The asset register (SPEC §13 item 6; server: src/domain/projects/assets.ts). */
export const ASSET_KIND: Record<string, string> = {
  operating: '经营性资产',
  public: '公益性资产',
  household: '到户类资产',
};
export const ASSET_OWNER_KIND: Record<string, string> = { state: '国有', collective: '村集体' };
export const ASSET_STATUS: Record<string, string> = { in_use: '在用', written_off: '已核销' };
export const INCOME_PURPOSE: Record<string, string> = {
  household_dividend: '脱贫户和监测对象分红',
  public_jobs: '设置公益岗位',
  collective: '村集体经济积累',
  maintenance: '资产管护运营',
  public_works: '村内小型公益事业',
};
export const ASSET_CHANGE_KIND: Record<string, string> = { transfer: '权属变更（移交）', write_off: '报废核销' };
export const ASSET_CHANGE_STATUS: Record<string, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
};
