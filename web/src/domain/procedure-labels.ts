/** Chinese labels of the clue ledger and the procedures (SPEC §6, §8; server: clues.service.ts, case-types.ts). */
export { label, options } from './labels.ts';
export const CLUE_CHANNEL: Record<string, string> = {
  self_declaration: '农户自主申报',
  cadre_screening: '基层干部排查',
  department: '部门筛查预警',
  social: '社会信息补充',
};

export const CLUE_SOURCE_KIND: Record<string, string> = {
  citizen: '农户本人申报',
  on_behalf: '村干部代为申报',
  visit: '入户排查',
  petition: '信访',
  hotline: '热线电话',
  media: '媒体报道',
  mailbox: '政府信箱',
  public_opinion: '舆情',
  person: '群众反映',
  department: '部门推送',
  rule: '筛查规则',
  regional_event: '区域性风险事件',
  effectiveness_review: '帮扶成效评议',
};

/** Sources a user can register by hand (POST /api/clues, social information). */
export const SOCIAL_SOURCE_KINDS = ['petition', 'hotline', 'media', 'mailbox', 'public_opinion', 'person'] as const;

export const CLUE_STATUS: Record<string, string> = { open: '待核实', verifying: '核实中', closed: '已销号' };

export const CLUE_RESULT: Record<string, string> = {
  no_risk: '核实无风险',
  start_identification: '启动识别程序',
  start_elimination: '启动风险消除程序',
  household_change: '家庭成员或户信息变更',
  merged_into_case: '并入程序',
};

export const SEVERITY: Record<string, string> = { low: '较轻', normal: '一般', high: '严重' };

export const CASE_KIND: Record<string, string> = { inclusion: '识别纳入', elimination: '风险消除' };

export const CASE_STATUS: Record<string, string> = {
  in_progress: '办理中',
  returned: '已退回',
  publicity: '公示中',
  blocked_objection: '异议待答复',
  completed: '已办结',
  rejected: '不予通过',
  closed: '已关闭',
};

export const LEVEL: Record<string, string> = {
  village: '村级',
  township: '乡镇',
  county: '县级',
  department: '行业部门',
  prefecture: '州（市）级',
  province: '省级',
};

export const CASE_ACTION: Record<string, string> = {
  attach_records: '上传资料',
  complete_step: '完成步骤',
  start_publicity: '开始公示',
  record_objection: '登记异议',
  answer_objection: '答复异议',
  return: '退回',
  reject: '不予通过',
  close: '关闭事项',
  reverse: '撤销步骤',
};

export const NOTIFICATION_KIND: Record<string, string> = {
  acceptance: '受理告知',
  identification: '认定告知',
  exit: '退出告知',
};

export const NOTIFICATION_OUTCOME: Record<string, string> = {
  accepted: '已受理',
  identified: '认定为监测对象',
  not_identified: '不予认定',
  exited: '风险消除，退出监测',
};

export const RECORD_KIND: Record<string, string> = {
  form: '表格',
  document: '文件',
  minutes: '会议记录',
  photo: '照片',
  notice: '公示材料',
  list: '名单',
  system: '系统记录',
};

export const DECISION: Record<string, string> = {
  include: '纳入监测',
  no_risk: '未发现风险，不纳入',
  exclude: '属于不纳入情形',
  county_review: '须县级领导小组研究决定',
  eliminate: '可以标注风险消除',
  continue: '风险尚未稳定消除，继续帮扶',
  keep_monitoring: '无劳动能力，继续监测（不标注消除）',
};

/** SPEC §7.2, numbered as the server reports them. */
export const EXCLUSION: Record<number, string> = {
  1: '家庭成员或户主直系亲属为国家公职人员',
  2: '家庭成员为领取固定报酬的村“三委”干部',
  3: '购买消费型汽车',
  4: '在城镇拥有自建房、商品房或门市等经营场所',
  5: '开办在市场监管部门登记且实际经营的公司或企业',
  6: '为规模种养殖户或雇佣他人从事生产经营',
  7: '为享受帮扶政策故意分户、并户',
  8: '为获取帮扶而迁入的“空挂户”',
  10: '被列入失信惩戒对象',
};

/** Hardship a citizen can declare; the same words as the server's declaration service. */
export const HARDSHIP: Record<string, string> = {
  income: '收入大幅下降或过低',
  education: '子女上学困难或辍学',
  medical: '看病就医困难或医疗费用高',
  housing: '住房不安全',
  water: '饮水不安全',
  industry_employment: '产业受损或失业',
  other: '灾害、意外事故等其他困难',
};
