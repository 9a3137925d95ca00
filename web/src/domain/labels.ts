/** Chinese labels of the registry's codes (SPEC §4, §5; formats/assessment.md). */
export const RELATION: Record<string, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  child_in_law: '儿媳/女婿',
  grandchild: '孙子女',
  parent: '父母',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  other: '其他',
};

export const PERSON_STATUS: Record<string, string> = {
  normal: '正常',
  deceased: '死亡',
  imprisoned: '服刑',
  missing: '失联',
  not_sharing: '不共同生活',
};

export const HEALTH: Record<string, string> = {
  healthy: '健康',
  chronic: '慢性病',
  serious: '大病',
  disabled: '残疾',
};

/** Categories of the disability certificate (残疾人证), stored as these codes. */
export const DISABILITY_CATEGORY: Record<string, string> = {
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  physical: '肢体残疾',
  intellectual: '智力残疾',
  mental: '精神残疾',
  multiple: '多重残疾',
};

export const LABOR: Record<string, string> = {
  full: '有劳动力',
  partial: '弱劳动力',
  none: '丧失劳动力',
  not_working_age: '非劳动年龄',
};

export const LABOR_SUMMARY: Record<string, string> = { has: '有劳动力', partial: '仅弱劳动力', none: '无劳动力' };

export const EDUCATION: Record<string, string> = {
  preschool: '学前',
  compulsory: '义务教育在校',
  high_school: '高中在校',
  vocational: '职业教育在校',
  university: '大学在校',
  dropout: '辍学',
};

export const EMPLOYMENT: Record<string, string> = {
  local: '县内务工',
  outside: '县外务工',
  public_welfare: '公益性岗位',
  none: '未就业',
};

export const MONITORING_STATUS: Record<string, string> = {
  none: '未纳入',
  monitored: '监测对象',
  eliminated: '风险消除',
};

export const CATEGORY: Record<string, string> = {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden: '突发严重困难户',
};

export const RISK_TYPE: Record<string, string> = {
  income: '收入',
  education: '教育',
  medical: '医疗',
  housing: '住房',
  water: '饮水',
  industry_employment: '产业就业',
  other: '其他',
};

export const BACKSTOP: Record<string, string> = { dibao: '低保', tekun: '特困供养' };

export const SEX: Record<string, string> = { male: '男', female: '女' };

export const AUDIT_ACTION: Record<string, string> = {
  'household.read': '查阅农户档案',
  'household.create': '新建农户',
  'household.update': '修改农户信息',
  'person.create': '新增成员',
  'person.update': '修改成员信息',
  'household.offline_pack': '下载农户名单（离线）',
  'household.offline_edit': '同步离线修改',
  'person.move': '成员迁移',
  'person.reveal_id': '查看完整身份证号',
  'income.record': '录入收支',
  'line.set': '设定监测线',
  'setting.set': '修改配置',
  'regions.load': '载入区划',
  'user.create': '新建用户',
  'user.login': '登录',
  'user.login_failed': '登录失败',
  'user.logout': '退出登录',
  'population.generate': '生成演示人口',
  'clue.create': '登记线索',
  'clue.merge': '线索合并（重复报送）',
  'clue.assign': '分派线索核实人',
  'clue.close': '线索销号',
  'clue.reopen': '线索重新打开（程序撤销）',
  'case.start': '启动程序',
  'case.attach_records': '程序：上传资料',
  'case.complete_step': '程序：完成步骤',
  'case.start_publicity': '程序：开始公示',
  'case.record_objection': '程序：登记异议',
  'case.answer_objection': '程序：答复异议',
  'case.return': '程序：退回',
  'case.reject': '程序：不予通过',
  'case.close': '程序：关闭',
  'case.reverse': '程序：撤销步骤',
  'case.dates_recompute': '程序：按新节假日安排重算期限',
  'case.file_upload': '上传程序材料',
  'case.file_read': '下载程序材料',
  'notification.issue': '出具告知书',
  'household.status': '监测状态变更',
  'household.assess': '研判',
  'survey.record': '入户调查',
  'template.adapt': '调整程序模板',
  'assistance.plan_suggest': '查看帮扶计划建议',
  'measure.create': '落实帮扶措施',
  'measure.update': '修改帮扶措施',
  'measure.progress': '记录措施进展',
  'household.responsible_assign': '指定帮扶责任人',
  'household.card_print': '打印明白卡',
  'household.export': '导出农户档案',
  'ledger.export': '导出台账',
  'handover.export': '交接导出（全国系统录入）',
  'export.job_create': '发起后台导出',
  'export.file_read': '下载导出文件',
  'export.job_cancel': '取消后台导出',
  'review.create': '开展帮扶成效评议',
  'review.household': '帮扶成效评议（逐户）',
  'backstop.propose': '提请兜底保障',
  'backstop.decide': '兜底保障认定',
  'backstop.match': '兜底保障（民政数据比对）',
  'calendar.load': '载入工作日历',
  'feed.import': '导入部门数据',
  'screening.run': '运行筛查',
  'screening.rule_set': '设定筛查规则',
  'data_quality.resolve': '处理数据质量问题',
  'regional_risk.record': '登记区域性风险事件',
  'report.snapshot': '冻结月度指标',
  'report.export': '导出报表',
  'cleaning.run': '运行数据清洗',
  'relief.submit': '提交救助申请',
  'relief.confirm': '救助申请本人确认',
  'relief.read': '查看救助申请',
  'relief.accept': '受理救助申请',
  'relief.refer': '转办救助申请',
  'relief.reply': '办结救助申请',
  'relief.urge': '督办救助申请',
  'relief.rate': '评价救助办理',
  'relief.photo_add': '上传救助申请照片',
  'relief.photo_read': '查看救助申请照片',
  // 专项行动 (SPEC §15)
  'campaign.create': '发起专项行动',
  'campaign.update': '修改检查清单',
  'campaign.export': '导出专项行动问题清单',
  'spot_check.draw': '抽取抽查名单',
  'spot_check.finding': '记录抽查结果',
  'problem.create': '登记问题',
  'problem.action': '办理问题整改',
  'problem.escalate': '逾期问题升级督办',
  'problem.file_upload': '上传整改佐证材料',
  'problem.file_read': '查阅整改佐证材料',
  // 衔接资金项目 (SPEC §13)
  'project.create': '项目申报入库',
  'project.status': '项目状态变更',
  'project.plan': '制定项目月度计划',
  'project.progress': '填报项目进度',
  'project.beneficiary': '登记联农带农受益户',
  'project.import': '导入项目库台账',
  'project.bulletin_export': '导出项目预警通报',
  'project.filing_file': '上传双报备材料',
  'project.filing_submit': '提交双报备',
  'project.filing_decision': '审核双报备',
  'project.asset': '登记项目资产',
  'project.asset_income': '登记资产收益及分配',
  'project.asset_change': '申请资产变更或核销',
  'project.asset_decision': '审批资产变更或核销',
  // household picture (issue 9)
  'household.picture_read': '查阅家庭情况（研判依据）',
  // 告知、公示与线索办理 (issue 10)
  'clue.verify': '入户核实线索',
  'clue.visit_photo': '上传走访照片',
  'clue.visit_photo_read': '查看走访照片',
  'clue.link': '线索关联登记农户',
  // accounts and user management (issue 11)
  'user.locked': '登录失败过多，账户锁定',
  'user.password_change': '修改密码',
  'user.password_reset': '重置用户密码',
  'user.second_factor': '第二因素验证',
  'user.second_factor_enable': '启用动态验证码',
  'user.unlock': '解锁用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.role_change': '变更用户角色或辖区',
  // security (issue 11)
  'feed.errors_read': '下载部门数据错误报告',
  'household.list': '查询农户列表',
  'household.history_read': '查阅农户变更历史',
  'case.list': '查询程序列表',
  'clue.list': '查询线索台账',
  'audit.read': '查阅审计日志',
  'audit.archived': '归档审计日志',
  'audit.export': '导出审计日志',
  'audit.verify': '校验审计日志哈希链',
  'audit.archives_read': '查看审计日志归档',
};

/** What an audit entry is about (the `entity` of src/modules/audit), for the audit log's 对象 column. */
export const AUDIT_ENTITY: Record<string, string> = {
  household: '农户',
  audit_log: '审计日志',
  person: '成员',
  income: '收支',
  household_survey: '入户调查',
  monitoring_line: '监测线',
  setting: '配置',
  region: '区划',
  user: '用户',
  clue: '线索',
  case: '程序事项',
  procedure_template: '程序模板',
  calendar: '工作日历',
  measure: '帮扶措施',
  review: '成效评议',
  backstop_proposal: '兜底保障提请',
  feed_import: '部门数据导入',
  screening_run: '筛查运行',
  screening_rule: '筛查规则',
  data_quality_item: '数据质量问题',
  regional_risk_event: '区域性风险事件',
  cleaning_run: '数据清洗',
  relief_request: '救助申请',
  campaign: '专项行动',
  spot_check: '抽查',
  spot_check_finding: '抽查结果',
  problem: '问题',
  problem_file: '整改佐证材料',
  // 衔接资金项目 (SPEC §13)
  project: '帮扶资金项目',
  project_bulletin: '项目预警通报',
  project_filing: '双报备',
};

/** 专项行动 (SPEC §15): problem statuses, sources, severities and actions; spot-check kinds. */
export const PROBLEM_STATUS: Record<string, string> = {
  rectifying: '整改中',
  submitted: '已整改待验收',
  closed: '已销号',
  overdue: '逾期',
};
export const PROBLEM_SOURCE: Record<string, string> = {
  self_check: '自查',
  inspection: '督查',
  spot_check: '抽查',
  audit: '审计',
  public_feedback: '群众反馈',
};
export const PROBLEM_SEVERITY: Record<string, string> = { minor: '一般', normal: '较重', serious: '严重' };
export const PROBLEM_ACTION: Record<string, string> = {
  create: '登记问题',
  submit: '提交整改',
  accept: '验收销号',
  reject: '验收不通过',
  extend: '延长整改时限',
  escalate: '逾期升级',
};
export const SPOT_CHECK_KIND: Record<string, string> = {
  spot_check: '抽查',
  recheck_households: '回头看（已消除风险户）',
  recheck_problems: '回头看（已销号问题）',
};

export const ROLE: Record<string, string> = {
  village: '村级',
  township: '乡镇',
  county: '县级',
  department: '行业部门',
  supervisor: '州市/省监管',
  admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
  project_officer: '项目管理员',
  system: '系统',
};

/** Label of a code, or the code itself when it is new to this version of the app. */
export function label(map: Record<string, string>, code: string | null | undefined, empty = '—'): string {
  if (code === null || code === undefined || code === '') return empty;
  return map[code] ?? code;
}

/** `{ value, label }` pairs for a Select. */
export function options(map: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(map).map(([value, text]) => ({ value, label: text }));
}

/** Department data (SPEC §10): column types of a feed template, import status, screening signals and triggers. */
export const FEED_COLUMN_TYPE: Record<string, string> = {
  id_number: '身份证号',
  string: '文本',
  date: '日期',
  yuan: '金额（元）',
  integer: '整数',
  decimal: '数值',
  enum: '选项',
  boolean: '是/否',
  region_code: '区划代码',
};

export const FEED_MATCH_BY: Record<string, string> = {
  id_number: '按身份证号比对',
  region_code: '按区划代码比对',
  none: '不比对（参考数据）',
};

export const FEED_IMPORT_STATUS: Record<string, string> = { loading: '导入中', loaded: '已完成', failed: '失败' };

export const SCREENING_SIGNAL: Record<string, string> = {
  risk: '风险预警',
  watch: '重点关注',
  check: '信息核查',
  exclusion: '不纳入情形',
  social: '社会信息',
};

export const SCREENING_TRIGGER: Record<string, string> = {
  manual: '手动运行',
  schedule: '定期运行',
  import: '导入即筛',
};

/** Named thresholds of the screening rules (src/modules/screening/rule-types.ts REQUIRED_THRESHOLDS). */
export const SCREENING_THRESHOLD: Record<string, string> = {
  months: '月数',
  amountYuan: '金额阈值（元）',
  shareOfNetIncome: '占家庭年纯收入比例',
  share: '下降比例',
  perCapitaYuan: '人均金额阈值（元）',
};

/** 数据清洗 rules (SPEC §17; src/modules/cleaning CLEANING_RULE_NAMES). */
export const CLEANING_RULE: Record<string, string> = {
  ID_INVALID: '身份证号无效（校验位、格式或出生日期）',
  ID_MISMATCH: '出生日期或性别与身份证号不符',
  DUPLICATE_PERSON: '疑似一人登记在两户',
  DECEASED_HEAD: '已死亡人员仍为户主',
  DEATH_RECORD_MEMBER: '公安死亡注销人员仍为正常成员',
  NO_HEAD: '无户主或户主不唯一',
  IMPOSSIBLE_RELATION: '家庭关系与年龄不符',
  INCOME_MISSING: '缺少上年度收入记录',
  INCOME_NEGATIVE: '家庭纯收入为负',
  PER_CAPITA_MISMATCH: '人均收入计算人数与家庭成员不符',
};

/** 区域性、规模性返贫风险 event types (SPEC §11). */
export const REGIONAL_EVENT_TYPE: Record<string, string> = {
  natural_disaster: '自然灾害',
  epidemic: '疫情',
  price_fall: '主要农产品价格持续大幅下跌',
  unemployment: '农村劳动力失业明显增加',
  industry_failure: '乡村产业项目失败',
  relocation_site: '易地搬迁集中安置点风险',
};

// household picture (家庭情况, SPEC §7.4, issue 9)
/** What became of a department record in the household picture (src/domain/picture RecordOutcome). */
export const PICTURE_OUTCOME: Record<string, string> = {
  exclusion: '属不纳入情形',
  reference: '不纳入情形参考，须核实',
  not_exclusion: '不属不纳入情形',
  unknown_type: '类型无法判断，须核实',
  medical_counted: '计入医疗自付',
  income_counted: '计入家庭收入',
  superseded: '已有较新一期记录，未重复计入',
  missing_amount: '未填个人自付，未计入',
  outside_window: '不在研判期内，未采用',
  member_not_counted: '非计算人口成员，未采用',
  person_not_member: '该人员已不在本户，未采用',
  death: '已死亡注销，不计入人口',
  backstop: '兜底保障状态',
  disability: '残疾状况',
  information: '仅供参考',
};
/** Where a fact came from (Provenance kind). */
export const PROVENANCE_KIND: Record<string, string> = {
  registry: '基础数据库',
  survey: '入户调查',
  visit: '入户排查',
  department: '部门数据',
};
