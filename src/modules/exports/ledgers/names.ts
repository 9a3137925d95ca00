import { Type } from 'typebox';
import { CATEGORY_NAMES, RISK_TYPE_NAMES } from '../../../domain/assistance/household-facts.ts';
import { MEASURE_TYPE_NAMES } from '../../../domain/assistance/measure-catalogue.ts';
import { findFeed } from '../../../domain/feeds/index.ts';

/**
 * The codes ledgers store, in the Chinese the offices write (SPEC §4–§10). Exports never show a code a user cannot
 * read: an unknown code is written as is only as a last resort.
 */
const named =
  (names: Readonly<Record<string, string>>) =>
  (code: string | null | undefined): string =>
    code ? (names[code] ?? code) : '';

export const STATUS_NAMES = { none: '未纳入', monitored: '监测对象', eliminated: '风险消除' } as const;
export const householdStatusName = named(STATUS_NAMES);
export const categoryName = named(CATEGORY_NAMES);
export const riskNames = (codes: readonly string[] | null | undefined) =>
  (codes ?? []).map(named(RISK_TYPE_NAMES)).join('、');
export const yesNo = (v: boolean | null | undefined) => (v ? '是' : '否');
export const measureTypeName = named(MEASURE_TYPE_NAMES);
export const departmentName = (code: string | null | undefined) => (code ? (findFeed(code)?.name ?? code) : '');

export const CHANNEL_NAMES = {
  self_declaration: '农户自主申报',
  cadre_screening: '基层干部排查',
  department: '部门筛查预警',
  social: '社会信息补充',
} as const;
export const channelName = named(CHANNEL_NAMES);
export const clueStatusName = named({ open: '待核实', verifying: '核实中', closed: '已销号' });
export const clueResultName = named({
  no_risk: '无风险',
  start_identification: '启动识别程序',
  start_elimination: '启动风险消除程序',
  household_change: '户情变更',
  merged_into_case: '并入程序',
});
export const caseKindName = named({ inclusion: '识别纳入', elimination: '风险消除' });
export const levelName = named({ village: '村级', township: '乡镇', county: '县级', department: '行业部门' });
export const caseOutcomeName = named({ completed: '已办结', rejected: '不予通过', closed: '已终止' });
export const measureStatusName = named({
  planned: '计划中',
  in_progress: '实施中',
  completed: '已完成',
  cancelled: '已取消',
});
export const importStatusName = named({ loading: '导入中', loaded: '已完成', failed: '失败' });
export const backstopName = named({ dibao: '低保', tekun: '特困供养' });
export const relationName = named({
  head: '户主',
  spouse: '配偶',
  child: '子女',
  child_in_law: '儿媳或女婿',
  grandchild: '孙子女',
  parent: '父母',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  other: '其他',
});
export const personStatusName = named({
  normal: '正常',
  deceased: '死亡',
  imprisoned: '服刑',
  missing: '失联',
  not_sharing: '不共同生活',
});
export const healthName = named({ healthy: '健康', chronic: '慢性病', serious: '大病', disabled: '残疾' });
export const laborName = named({
  full: '有劳动力',
  partial: '弱劳动力',
  none: '丧失劳动力',
  not_working_age: '非劳动年龄',
});
export const educationName = named({
  preschool: '学前',
  compulsory: '义务教育在校',
  high_school: '高中在校',
  vocational: '职业教育在校',
  university: '大学在校',
  dropout: '辍学',
});
export const sexName = named({ male: '男', female: '女' });

/** Filter fields several ledgers share (the same patterns as the list routes). */
export const REGION = Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$', description: '区划代码' }));
export const CATEGORY = Type.Optional(
  Type.Union([Type.Literal('unstable'), Type.Literal('marginal'), Type.Literal('sudden')]),
);
export const dateText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
};
/** A timestamp as China time, to the minute (the offices' 年-月-日 时:分). */
export const dateTimeText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const d = v instanceof Date ? v : new Date(String(v));
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
};
