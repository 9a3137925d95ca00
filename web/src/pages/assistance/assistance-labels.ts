/**
 * Chinese labels of the assistance codes (SPEC §9), mirroring src/domain/assistance/measure-catalogue.ts and the
 * assistance module. The server sends names beside most codes; these cover forms and filters. Kept here rather than in
 * domain/labels.ts because only the assistance pages use them.
 */

/** The ten measure types of 博尔塔拉 §六. */
export const MEASURE_TYPE: Record<string, string> = {
  industry: '产业帮扶',
  finance: '金融帮扶',
  employment: '稳岗就业帮扶',
  public_welfare_job: '公益岗位帮扶',
  housing: '住房安全保障帮扶',
  water: '饮水安全保障帮扶',
  health: '健康帮扶',
  education: '教育帮扶',
  social: '社会帮扶',
  backstop: '综合保障兜底',
};

/** 三道防线 of 枣庄. */
export const LINE_OF_DEFENCE: Record<string, string> = {
  development: '发展型帮扶',
  protective: '保障型帮扶',
  spiritual: '精神型帮扶',
};

/** Delivering departments; the codes are the server's (DEPARTMENT_NAMES). */
export const DEPARTMENT: Record<string, string> = {
  education: '教育局',
  civil_affairs: '民政局',
  hr_social_security: '人力资源和社会保障局',
  housing: '住房和城乡建设局',
  water: '水利局',
  agriculture: '农业农村局',
  health: '卫生健康委员会',
  medical_insurance: '医疗保障局',
  finance: '财政局',
  central_bank: '人民银行（金融机构）',
  rural_revitalization: '乡村振兴局',
  disabled_federation: '残疾人联合会',
  emergency: '应急管理局',
  forestry: '林业和草原局',
};

/** The department code of civil affairs, who decide 低保 and 特困 (server: assistance.policy.ts CIVIL_AFFAIRS). */
export const CIVIL_AFFAIRS = 'civil_affairs';

export const MEASURE_STATUS: Record<string, string> = {
  planned: '计划',
  in_progress: '实施中',
  completed: '已完成',
  cancelled: '已取消',
};

export const MEASURE_STATUS_COLOUR: Record<string, string> = {
  planned: 'default',
  in_progress: 'processing',
  completed: 'success',
  cancelled: 'default',
};

/** Allowed status changes (server: measure-input.ts NEXT): a finished measure stays finished. */
export const NEXT_STATUS: Record<string, string[]> = {
  planned: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const MEASURE_ORIGIN: Record<string, string> = {
  accepted: '采纳建议',
  changed: '按建议调整',
  added: '自行安排',
  backstop: '兜底认定',
};

export const REVIEW_OUTCOME: Record<string, string> = {
  start_elimination: '启动风险消除',
  continue_assistance: '继续帮扶',
  keep_monitoring: '长期跟踪监测',
};

export const REVIEW_OUTCOME_COLOUR: Record<string, string> = {
  start_elimination: 'green',
  continue_assistance: 'orange',
  keep_monitoring: 'blue',
};

export const BACKSTOP_KIND: Record<string, string> = { dibao: '农村低保', tekun: '特困人员救助供养' };

export const PROPOSAL_STATUS: Record<string, string> = {
  proposed: '待民政认定',
  approved: '已认定纳入',
  rejected: '不予认定',
};

export const PROPOSAL_STATUS_COLOUR: Record<string, string> = {
  proposed: 'gold',
  approved: 'green',
  rejected: 'default',
};

export const LABOUR: Record<string, string> = {
  has: '有劳动能力',
  partial: '仅有弱劳动力',
  none: '无劳动能力',
};
