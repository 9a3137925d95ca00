import { CATEGORY, EMPLOYMENT, HEALTH, LABOR, label, MONITORING_STATUS, RELATION, RISK_TYPE, ROLE } from './labels.ts';
import { CLUE_CHANNEL, CLUE_RESULT, CLUE_SOURCE_KIND } from './procedure-labels.ts';

/**
 * The fields an audit entry's before/after carry, named in Chinese for the audit log (issue 14 point 5: no raw
 * JSON keys on screen). A field not listed here is shown as 其他信息 rather than by its key.
 */
const FIELDS: Record<string, string> = {
  note: '说明',
  status: '状态',
  riskTypes: '风险类型',
  name: '名称',
  size: '文件大小（字节）',
  sha256: '文件校验值',
  decision: '决定',
  total: '条数',
  problems: '发现问题（处）',
  department: '部门',
  unmasked: '显示完整身份证号',
  result: '处理结果',
  deadline: '期限',
  year: '年度',
  item: '事项',
  kind: '类型',
  due: '期限',
  dueOn: '期限',
  outcome: '结果',
  export: '导出',
  period: '期间',
  idNumber: '身份证号',
  relation: '与户主关系',
  caseId: '程序事项',
  reason: '原因',
  source: '来源',
  escalatedTo: '上报至',
  exposure: '受影响情况',
  type: '类型',
  totalYuan: '总金额（元）',
  paidYuan: '已支付（元）',
  amountYuan: '金额（元）',
  amount: '金额',
  keyProject: '重点项目',
  on: '日期',
  milestones: '节点',
  worksShare: '工程进度',
  calendarYear: '日历年度',
  template: '程序模板',
  clueId: '线索',
  role: '角色',
  regionCode: '区划',
  rows: '行数',
  rowsGood: '有效行数',
  rowsBad: '问题行数',
  rowsNew: '新增行数',
  fileName: '文件名',
  sheets: '工作表',
  hits: '命中数',
  clues: '线索数',
  channel: '线索来源',
  sourceKind: '来源类别',
  sourceRef: '来源说明',
  seq: '序号',
  mime: '文件类型',
  basis: '依据',
  members: '家庭成员',
  backstop: '兜底保障',
  reasons: '理由',
  phone: '联系电话',
  villages: '村数',
  townships: '乡镇数',
  regions: '区划数',
  by: '操作人',
  finding: '发现的情况',
  visitedOn: '走访日期',
  findings: '排查发现',
  asOf: '截至',
  trigger: '触发方式',
  mode: '研判类型',
  conflicts: '数据冲突',
  ratio: '比例',
  minRatio: '最低比例',
  startsOn: '开始日期',
  endsOn: '结束日期',
  at: '时间',
  daysOverdue: '逾期天数',
  username: '登录名',
  displayName: '姓名',
  address: '住址',
  code: '户编号',
  category: '监测类别',
  monitoringStatus: '监测状态',
  liftedOut: '脱贫户',
  responsiblePerson: '帮扶责任人',
  responsiblePhone: '责任人电话',
  page: '页码',
  pageSize: '每页条数',
  region: '区划',
  overdue: '仅看逾期',
  assigneeName: '承办人',
  content: '内容',
  netIncome: '家庭纯收入',
  perCapitaNetIncome: '人均纯收入',
  disabled: '停用',
  stepCode: '步骤',
  step: '步骤',
  value: '设定值',
  key: '设置项',
  householdId: '农户',
  facts: '事实',
  personId: '成员',
  health: '健康状况',
  disabilityLevel: '残疾等级',
  labor: '劳动能力',
  employment: '务工就业',
  employmentMonths: '务工月数',
};

/** Values that are codes, by the field that holds them. */
const VALUES: Record<string, Record<string, string>> = {
  riskTypes: RISK_TYPE,
  relation: RELATION,
  role: ROLE,
  category: CATEGORY,
  monitoringStatus: MONITORING_STATUS,
  channel: CLUE_CHANNEL,
  sourceKind: CLUE_SOURCE_KIND,
  result: CLUE_RESULT,
  health: HEALTH,
  labor: LABOR,
  employment: EMPLOYMENT,
};

/** Ids are never shown (the object column links the record); these fields are left out. */
const HIDDEN = new Set([
  'id',
  'householdId',
  'personId',
  'caseId',
  'clueId',
  'problemId',
  'sha256',
  'itemKey',
  // a login name or a rule code: the channel and the source kind say where a clue came from
  'sourceRef',
]);

export interface AuditField {
  label: string;
  value: string;
}

/**
 * Names an entry brings for its own fields, from the server: a setting's fields are named by its definition
 * (`src/modules/settings/setting-labels.ts`), so that 公示方式：仅在村内公示一次 shows where a key and a code were stored.
 * These win over the general list above.
 */
export interface AuditLabels {
  /** What the object is, e.g. the setting's name 公示层级. */
  object?: string;
  fields?: Record<string, string>;
  /** Chinese names of coded values, by field. */
  values?: Record<string, Record<string, string>>;
}

function valueText(key: string, v: unknown, own?: AuditLabels): string {
  if (v === null || v === undefined || v === '') return '空';
  if (typeof v === 'boolean') return v ? '是' : '否';
  // a year or a month number reads as written (2026, not 2,026); other numbers get thousands separators
  if (typeof v === 'number') return /(year|month)$/i.test(key) ? String(v) : v.toLocaleString('zh-CN');
  if (typeof v === 'string') {
    const codes = own?.values?.[key] ?? VALUES[key];
    return codes ? label(codes, v) : v;
  }
  if (Array.isArray(v)) return v.length === 0 ? '无' : v.map((x) => valueText(key, x, own)).join('、');
  if (typeof v === 'object')
    return (
      auditFields(v, own)
        .map((f) => `${f.label}：${f.value}`)
        .join('；') || '—'
    );
  return String(v);
}

/** One line per field of an audit entry's before or after, in Chinese. */
export function auditFields(side: unknown, own?: AuditLabels): AuditField[] {
  if (side === null || side === undefined) return [];
  if (typeof side !== 'object' || Array.isArray(side)) return [{ label: '内容', value: valueText('', side, own) }];
  return Object.entries(side as Record<string, unknown>)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => ({ label: own?.fields?.[k] ?? FIELDS[k] ?? '其他信息', value: valueText(k, v, own) }));
}
