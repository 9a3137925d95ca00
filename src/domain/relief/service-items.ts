import { DEPARTMENT_NAMES, type DepartmentCode, isDepartmentCode } from '../assistance/measure-catalogue.ts';

/**
 * The service catalogue of the government relief platform (政府救助平台, SPEC §14; 巍山's fourteen items). Each item
 * names the county department that handles it, its time limit in working days and the materials an applicant is
 * asked for. The catalogue is data: a county replaces it with its own list (云南 lists 15–16 items) through the
 * region setting `relief.catalogue`; codes stay stable once applications use them.
 */
export interface ReliefItem {
  /** Stable snake_case code, never shown to users. */
  readonly code: string;
  readonly name: string;
  readonly department: DepartmentCode;
  /** Working days from receipt to the reply (办结). */
  readonly limitDays: number;
  readonly materials: readonly string[];
  /** Whether the applicant must be found in the registry before the item can be handled (e.g. 低保 checks). */
  readonly needsRegistryMatch: boolean;
  /** Risk types of the monitoring clue the application raises (SPEC §6 channel 1). */
  readonly riskTypes: readonly string[];
  /** A county may switch an item off without deleting it. */
  readonly enabled: boolean;
}

const item = (
  code: string,
  name: string,
  department: DepartmentCode,
  limitDays: number,
  materials: string[],
  riskTypes: string[],
  needsRegistryMatch = false,
): ReliefItem => ({ code, name, department, limitDays, materials, riskTypes, needsRegistryMatch, enabled: true });

/** The fourteen items of 巍山's platform (seed 004), in the seed's order, with common county time limits. */
export const DEFAULT_RELIEF_ITEMS: readonly ReliefItem[] = [
  item('temporary_relief', '临时救助', 'civil_affairs', 10, ['身份证', '困难情况说明'], ['income', 'other']),
  item('tekun_support', '特困供养', 'civil_affairs', 20, ['身份证', '户口簿', '收入和财产情况说明'], ['income'], true),
  item('dibao', '低保', 'civil_affairs', 20, ['身份证', '户口簿', '家庭收入和财产情况说明'], ['income'], true),
  item('job_search', '找工作', 'hr_social_security', 5, ['身份证'], ['industry_employment']),
  item('training', '找培训', 'hr_social_security', 5, ['身份证'], ['industry_employment']),
  item('dangerous_house', '农村危房改造', 'housing', 20, ['身份证', '房屋照片'], ['housing'], true),
  item('drinking_water', '农村饮水安全', 'water', 10, ['饮水情况说明或照片'], ['water']),
  item('school_dropout', '控辍保学', 'education', 10, ['学生姓名和就读学校'], ['education']),
  item('remote_medical_claim', '异地就医报销', 'medical_insurance', 20, ['身份证', '医疗费用票据'], ['medical']),
  item('insurance_registration', '参保登记', 'medical_insurance', 5, ['身份证'], ['medical']),
  item('serious_illness_relief', '大病救助', 'medical_insurance', 20, ['身份证', '诊断证明', '费用票据'], ['medical']),
  item('find_medical_institution', '医疗机构查询', 'health', 3, [], ['medical']),
  item('chronic_disease_care', '慢病健康管理', 'health', 10, ['身份证', '诊断证明'], ['medical']),
  item('serious_disease_treatment', '大病专项救助', 'health', 15, ['身份证', '诊断证明'], ['medical']),
];

export interface CatalogueIssue {
  field: string;
  message: string;
}

const CODE = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * Checks a county's catalogue before it is stored: unique stable codes, a known department, a time limit of 1–60
 * working days, non-empty Chinese names. Returns every problem, each naming its row.
 */
export function validateReliefCatalogue(items: readonly unknown[]): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  if (items.length === 0) issues.push({ field: 'items', message: '服务事项目录不能为空' });
  const seen = new Set<string>();
  items.forEach((raw, i) => {
    const at = (f: string) => `items[${i}].${f}`;
    const row = `第${i + 1}项`;
    const it = (raw ?? {}) as Partial<Record<keyof ReliefItem, unknown>>;
    if (typeof it.code !== 'string' || !CODE.test(it.code)) {
      issues.push({ field: at('code'), message: `${row}：事项代码须为小写字母、数字或下划线` });
    } else if (seen.has(it.code)) {
      issues.push({ field: at('code'), message: `${row}：事项代码重复` });
    } else seen.add(it.code);
    if (typeof it.name !== 'string' || !it.name.trim() || it.name.length > 30) {
      issues.push({ field: at('name'), message: `${row}：请填写事项名称（不超过30字）` });
    }
    if (typeof it.department !== 'string' || !isDepartmentCode(it.department)) {
      issues.push({ field: at('department'), message: `${row}：请选择办理部门` });
    }
    if (typeof it.limitDays !== 'number' || !Number.isInteger(it.limitDays) || it.limitDays < 1 || it.limitDays > 60) {
      issues.push({ field: at('limitDays'), message: `${row}：办理时限须为1–60个工作日` });
    }
    if (!Array.isArray(it.materials) || it.materials.some((m) => typeof m !== 'string' || !m.trim())) {
      issues.push({ field: at('materials'), message: `${row}：所需材料须为文字列表` });
    }
  });
  return issues;
}

export const departmentName = (code: string): string => (isDepartmentCode(code) ? DEPARTMENT_NAMES[code] : '其他部门');
