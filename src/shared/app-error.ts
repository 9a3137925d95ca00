/**
 * One error type for the whole application (STYLE: Documenso app-error). Services throw AppError with a stable
 * English code and a Chinese message for the user; only the HTTP edge maps codes to status codes.
 */
export const ErrorCodes = {
  // general (the HTTP edge, src/server/http-errors.ts, also answers with these)
  VALIDATION: 400, // 输入不符合要求
  BAD_REQUEST: 400, // 请求无效
  UNSUPPORTED_MEDIA_TYPE: 415, // 不支持的请求内容类型
  NOT_FOUND: 404, // 记录不存在或不在管辖范围内
  CONFLICT: 409, // 已被他人修改，请刷新后重试
  EMBEDDED_DB_IN_USE: 409, // 嵌入式数据库正被另一个进程使用
  RATE_LIMITED: 429, // 请求过于频繁
  SETTING_INVALID: 400, // 区划配置有误，须县级重新设置
  INTERNAL: 500, // 服务器内部错误
  // registry (SPEC §4)
  REGISTRY_ID_FORMAT: 400, // 身份证号格式错误
  REGISTRY_ID_CHECKSUM: 400, // 身份证号校验位错误
  REGISTRY_ID_BIRTHDATE: 400, // 身份证号中的出生日期无效
  REGISTRY_ID_LEGACY_15: 400, // 不接受15位旧身份证号
  REGISTRY_ID_MISMATCH: 400, // 出生日期或性别与身份证号不符
  REGISTRY_PERSON_IN_OTHER_HOUSEHOLD: 409, // 此人已登记在另一户
  REGISTRY_DUPLICATE_CODE: 409, // 户编号重复
  REGISTRY_NO_HEAD: 400, // 须有且只有一名户主
  REGISTRY_INCOME_INVALID: 400, // 收支数据无效
  REGISTRY_FIELD_MOVED: 400, // 该字段由其他接口修改（如帮扶责任人）
  OFFLINE_EDIT_FIELD: 400, // 离线修改中含不能离线修改的项目或取值不符
  EDIT_ID_REUSED: 409, // 离线修改编号已用于另一户或另一用户的修改
  // regions, lines, users (SPEC §3)
  REGION_UNKNOWN: 404, // 区划不存在
  REGION_NOT_VILLAGE: 400, // 须为村级区划
  REGION_OUT_OF_SCOPE: 403, // 不在管辖范围内
  LINE_BELOW_PARENT: 400, // 监测线低于上级
  LINE_NOT_SET: 404, // 未设定监测线（查询监测线，或评议、研判须用到该年的监测线）
  SETTING_UNKNOWN: 404, // 没有该设置项（程序模板、措施目录、筛查规则在各自页面设置）
  SETTING_LOOSER_THAN_PARENT: 400, // 下级设置只能从严，不能比上级宽松
  SETTING_BREAKS_BELOW: 409, // 会使下级已有的设置比本级宽松或无效
  AUTH_REQUIRED: 401, // 请先登录
  AUTH_INVALID: 401, // 用户名或密码错误
  AUTH_FORBIDDEN: 403, // 无此权限
  USER_EXISTS: 409, // 用户名已存在
  // assessment (SPEC §5, §7)
  ASSESS_INCOME_MISSING: 400, // 缺少研判所需的收入数据
  ASSESS_INVALID_HOUSEHOLD: 400, // 该户数据不完整，无法研判
  // clues (SPEC §6)
  CLUE_CLOSED: 400, // 线索已销号
  CLUE_NO_HOUSEHOLD: 400, // 线索未关联农户
  VISIT_ID_REUSED: 409, // 走访编号已用于另一条走访记录（离线走访重复上传时不同内容）
  VISIT_NOT_FOUND: 404, // 照片所属的走访记录不存在（须先上传走访）
  VISIT_PHOTOS_FULL: 409, // 该次走访的照片数已达上限
  PHOTO_ID_REUSED: 409, // 照片编号已用于另一次走访
  // procedures (SPEC §8): services and the case state machine (src/domain/procedures CaseErrorCode)
  CASE_ALREADY_OPEN: 409, // 该户已有正在办理的程序
  CASE_ALREADY_MONITORED: 400, // 该户已是监测对象
  CASE_NOT_MONITORED: 400, // 只有监测对象才能启动风险消除程序
  CASE_FILE_UNKNOWN: 400, // 附件不属于本事项
  CASE_NOT_ELIGIBLE: 400, // 研判结果不支持确定纳入
  CASE_LEADING_GROUP_REQUIRED: 400, // 须经县级领导小组调查后决定
  CASE_CATEGORY_REASON: 400, // 改变建议类别须说明理由
  CASE_KEEP_MONITORING: 400, // 无劳动能力户不标注风险消除
  CASE_RISK_NOT_STABLE: 400, // 风险尚未稳定消除
  CASE_OUT_OF_SCOPE: 404, // 程序不在管辖范围内
  CASE_WRONG_LEVEL: 403, // 当前步骤不由本级办理
  CASE_FINISHED: 409, // 程序已办结
  CASE_ACTION_OUT_OF_ORDER: 409, // 办理日期早于上一次办理记录
  CASE_INVALID_ACTION: 400, // 操作无效
  CASE_REASON_REQUIRED: 400, // 须说明理由
  CASE_RECORDS_MISSING: 409, // 缺少本步骤须上传的资料
  CASE_UNKNOWN_RECORD: 400, // 未知的资料类型
  CASE_MEETING_MISSING: 400, // 缺少会议记录
  CASE_MEETING_INVALID: 400, // 会议记录不完整
  CASE_MEETING_NOT_EXPECTED: 409, // 本步骤不需要会议记录
  CASE_NO_PUBLICITY: 409, // 本事项没有或尚未开始公示
  CASE_PUBLICITY_NOT_STARTED: 409, // 尚未开始公示
  CASE_PUBLICITY_ALREADY_STARTED: 409, // 已开始公示
  CASE_PUBLICITY_RUNNING: 409, // 公示期未满
  CASE_PUBLICITY_NOT_RUNNING: 409, // 不在公示期内
  CASE_OBJECTION_OPEN: 409, // 公示期间的异议尚未调查答复
  CASE_OBJECTION_UPHELD: 409, // 异议属实，不能继续办理
  CASE_OBJECTION_NOT_FOUND: 409, // 异议不存在
  CASE_OBJECTION_ANSWERED: 409, // 异议已答复
  CASE_INVALID_RETURN_TARGET: 409, // 只能退回到当前或之前的村级步骤
  CASE_NOTHING_TO_REVERSE: 409, // 没有可撤销的步骤
  CASE_REVERSAL_BLOCKED: 409, // 当前步骤已有办理记录，不能撤销上一步骤
  TEMPLATE_INVALID: 400, // 程序模板有误
  TEMPLATE_UNKNOWN: 400, // 没有可用的程序模板
  TEMPLATE_VERSION_EXISTS: 400, // 模板版本已存在
  CALENDAR_INVALID: 400, // 节假日安排有误
  FILE_MISSING: 400, // 未上传文件
  FILE_EMPTY: 400, // 文件为空
  FILE_TYPE: 400, // 不支持的文件类型
  FILE_TOO_LARGE: 413, // 文件过大
  FILE_DAMAGED: 400, // 文件已损坏
  // assistance (SPEC §9)
  ASSISTANCE_NOT_MONITORED: 409, // 该户不是监测对象
  ASSISTANCE_SUBTYPE_UNKNOWN: 400, // 未知的帮扶措施子类
  ASSISTANCE_CATALOGUE_INVALID: 400, // 本地帮扶措施目录配置有误
  MEASURE_FINISHED: 409, // 措施已完成或已取消
  MEASURE_STATUS_INVALID: 400, // 措施状态不能这样变更
  REVIEW_DUPLICATE: 409, // 本轮已评议该户
  REVIEW_INCOME_MISSING: 400, // 缺少评议年度的收入数据
  REVIEW_WRONG_VILLAGE: 400, // 该户不属于本次评议的村
  BACKSTOP_PROPOSAL_OPEN: 409, // 已有待民政部门认定的兜底保障提请
  BACKSTOP_DECIDED: 409, // 该提请已有认定结果
  BACKSTOP_IN_PLACE: 409, // 该户已享受低保或特困供养
  // department feeds and screening (SPEC §10)
  FEED_UNKNOWN_DEPARTMENT: 400, // 未知的部门代码
  FEED_UNKNOWN_RECORD_KIND: 400, // 部门没有该类数据
  FEED_UNSUPPORTED_FORMAT: 400, // 不支持的文件格式
  FEED_HEADER_NOT_FOUND: 400, // 未找到表头行
  FEED_RECORD_KIND_AMBIGUOUS: 400, // 无法根据表头判断数据类型
  FEED_MISSING_COLUMNS: 400, // 文件缺少必填列
  FEED_UNREADABLE_FILE: 400, // 无法读取文件
  AUDIT_RETENTION: 400, // 审计日志未满保存期限，不能归档
  AUDIT_CHAIN_BROKEN: 409, // 审计日志哈希链校验未通过，不能归档
  FEED_TOO_MANY_COLUMNS: 400, // 列数超过上限
  FEED_HEADER_TOO_LONG: 400, // 列名过长
  FEED_XLSX_TOO_LARGE: 400, // .xlsx 解压后过大或压缩比异常（疑为压缩炸弹）
  FEED_OTHER_DEPARTMENT: 403, // 部门用户只能导入本部门的数据
  SCREENING_RULE_INVALID: 400, // 筛查规则有误
  DATA_QUALITY_RESOLVED: 409, // 该数据质量问题已处理
  // synthetic population (SPEC §18)
  GENERATOR_NO_VILLAGES: 400, // 该县的乡镇和村尚未载入
  GENERATOR_COUNTY_NOT_EMPTY: 409, // 该县已有户数据
  // figures and reports (SPEC §12)
  REPORT_PERIOD_INVALID: 400, // 统计期间格式有误或尚未开始
  REPORT_FIGURE_UNKNOWN: 400, // 没有该项指标
  SNAPSHOT_REASON_REQUIRED: 400, // 重新冻结已冻结的月份须说明理由
  SNAPSHOT_MONTH_INVALID: 400, // 只能冻结已开始的月份
  // government relief platform (SPEC §14)
  RELIEF_ITEM_UNKNOWN: 400, // 没有该服务事项或已停用
  RELIEF_QUOTA_EXCEEDED: 429, // 今天提交的申请已达上限
  RELIEF_NOT_HANDLER: 403, // 该申请不由本部门办理
  RELIEF_INVALID_ACTION: 409, // 该申请当前不能这样办理
  RELIEF_REASON_REQUIRED: 400, // 须填写理由或办理结果
  RELIEF_NOT_REPLIED: 409, // 办结后才能评价
  RELIEF_ALREADY_DONE: 409, // 已评价或已确认
  RELIEF_CATALOGUE_INVALID: 400, // 服务事项目录有误
  RELIEF_PHOTOS_FULL: 409, // 照片数已达上限
  // special campaigns, problems and spot checks (SPEC §15)
  CAMPAIGN_INVALID: 400, // 专项行动内容有误（范围、期间、任务领域）
  SPOT_CHECK_RATIO_BELOW_MINIMUM: 400, // 抽查比例低于规定的最低比例
  SPOT_CHECK_NO_UNITS: 400, // 该范围内没有可抽取的村、户或问题
  SPOT_CHECK_NOT_SAMPLED: 400, // 不在本次抽中的名单内
  PROBLEM_WRONG_STATUS: 409, // 问题当前状态不能办理此操作
  PROBLEM_EVIDENCE_MISSING: 400, // 缺少整改佐证材料
  PROBLEM_MEASURES_MISSING: 400, // 缺少整改措施
  PROBLEM_LEVEL_ABOVE: 403, // 须由上一级验收或决定
  PROBLEM_REASON_REQUIRED: 400, // 须说明理由
  PROBLEM_DEADLINE_INVALID: 400, // 整改时限无效
  // assistance-fund projects (SPEC §13)
  PROJECT_INVALID: 400, // 项目内容有误（类型、资金、计划、进度、受益户）
  PROJECT_WRONG_STATUS: 409, // 项目当前状态不能办理此操作
  PROJECT_RULES_INVALID: 400, // 项目管理规则设置有误
  PROJECT_FILING_INCOMPLETE: 400, // 报备材料不齐
  ASSET_CHANGE_OPEN: 409, // 该资产已有待审批的变更申请
  ASSET_SELF_APPROVAL: 403, // 不能审批本人提出的申请
  // household picture (SPEC §7.4, issue 9)
  CASE_CONFLICTS_UNEXPLAINED: 400, // 家庭情况有数据冲突，须填写核实说明
  // accounts (issue 11: 等保 2.0 level 3 identity and separation of duties)
  AUTH_LOCKED: 423, // 连续登录失败次数过多，账户暂时锁定
  AUTH_DEMO_USER: 401, // 演示用户只能在演示模式下登录
  AUTH_STEP_REQUIRED: 403, // 须先完成第二因素验证或修改密码
  AUTH_SECOND_FACTOR_INVALID: 401, // 动态验证码或恢复码错误
  PASSWORD_WEAK: 400, // 密码不符合复杂度要求
  PASSWORD_REUSED: 400, // 不能使用最近用过的密码
  PASSWORD_CURRENT_WRONG: 400, // 当前密码错误
  USER_NOT_FOUND: 404, // 用户不存在或不在管辖范围内
  USER_ADMIN_CONSOLE_ONLY: 403, // 安全管理员、审计管理员账户只能在服务器控制台管理（三员分立）
  // exports (issue 13 point 4)
  EXPORT_NOT_READY: 409, // 导出尚未完成
  EXPORT_EXPIRED: 410, // 导出文件已超过保存期限
  EXPORT_NOT_CANCELLABLE: 409, // 导出任务已经结束，不能取消
  // demo county (issue 13 point 8)
  DEMO_NOT_EMPTY: 409, // 数据库已有用户，演示数据只能载入空数据库
} as const;

/** Every code an AppError may carry; a new one is added to `ErrorCodes` with its status and meaning. */
export type ErrorCode = keyof typeof ErrorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The HTTP status: one per code, in ErrorCodes — never chosen by the code that throws. */
  get status(): number {
    return ErrorCodes[this.code];
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或不在您的管辖范围内`);
