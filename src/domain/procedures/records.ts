import type { RecordRequirement } from './types.ts';

/**
 * The records the documents name, reused across templates (SPEC §8.1). A template copies these objects; a county
 * adapting a template may add its own (`validateTemplate` checks codes are unique per step).
 */
const req = (code: string, name: string, kind: RecordRequirement['kind'], required = true): RecordRequirement => ({
  code,
  name,
  kind,
  required,
});

export const RECORDS = {
  clueLedger: req('clue_ledger', '监测预警信息台账（风险信息）', 'list'),
  threeLists: req('three_lists', '初步名单（拟新识别、拟消除风险、家庭人口自然增减变动）', 'list'),
  application: req('application', '纳入监测申请（申请表）', 'form'),
  /** 会泽 step 3: 《授权承诺书》; 博尔塔拉: authorisation to query deposits, vehicles, housing. */
  authorization: req('authorization', '《授权承诺书》（授权查询家庭资产等信息）', 'form'),
  surveyForm: req('survey_form', '入户调查表', 'form'),
  surveyPhotos: req('survey_photos', '入户调查照片', 'photo', false),
  verificationList: req('verification_list', '数据信息核查名单', 'list'),
  /** Optional: the platform generates the comparison from the imported department data (the household picture,
   * SPEC §7.4; issue 9 point 4); a department's own written feedback may still be attached. */
  departmentFeedback: req('department_feedback', '部门数据信息复核反馈', 'document', false),
  proposedList: req('proposed_list', '拟定名单', 'list'),
  reviewMinutes: req('review_minutes', '民主评议会议记录（参会人员、表决情况）', 'minutes'),
  committeeDecision: req('committee_decision', '村“两委”决定', 'minutes'),
  publicityNotice: req('publicity_notice', '公示材料', 'notice'),
  publicityPhotos: req('publicity_photos', '公示照片（线下张贴）', 'photo'),
  objectionHandling: req('objection_handling', '举报（异议）调查核实处理记录', 'document', false),
  spotCheck: req('spot_check', '乡镇抽查核实记录', 'document'),
  onSiteCheck: req('on_site_check', '乡镇实地入户核查记录', 'document'),
  townshipMinutes: req('township_minutes', '乡镇专题会议纪要', 'minutes'),
  measures: req('measures', '逐户帮扶措施', 'document'),
  countyApproval: req('county_approval', '县级审定意见', 'document'),
  jointMeeting: req('joint_meeting', '部门联席会议纪要', 'minutes', false),
  leadingGroupDecision: req('leading_group_decision', '县巩固脱贫攻坚推进乡村振兴领导小组确定文件', 'document'),
  responsibleDepartment: req('responsible_department', '帮扶主责部门和帮扶措施', 'document'),
  countyAnnouncement: req('county_announcement', '县市公告', 'notice'),
  systemEntry: req('system_entry', '全国防返贫监测信息系统录入记录', 'system'),
  dataCleaning: req('data_cleaning', '数据清洗问题清单处理记录', 'document', false),
  paperLedger: req('paper_ledger', '纸质台账资料', 'document', false),
  /** 会泽 §三(三): 《防止返贫监测对象风险销号评估认定表》, filled in at the household visit. */
  eliminationAssessment: req('elimination_assessment', '《防止返贫监测对象风险销号评估认定表》', 'form'),
  /** SPEC §8.3: informed consent; a refusal is recorded instead and does not block (会泽 §四(三)). */
  consent: {
    ...req('consent', '监测对象知情同意书', 'form'),
    alternatives: ['consent_refusal_record'],
  } satisfies RecordRequirement,
  nominationList: req('nomination_list', '拟消除风险人员名单', 'list'),
} as const;

/** Record code that stands in for `consent` when the household does not agree (SPEC §8.3). */
export const CONSENT_REFUSAL_RECORD = 'consent_refusal_record';

/**
 * Records that exist only because something is posted publicly (公示材料、公示照片、异议处理、县市公告): a step above
 * the village drops them under the single-level publicity rule (publicity-levels.ts, issue 10 point 3).
 */
export const RECORD_CODES_OF_PUBLICITY: ReadonlySet<string> = new Set([
  RECORDS.publicityNotice.code,
  RECORDS.publicityPhotos.code,
  RECORDS.objectionHandling.code,
  RECORDS.countyAnnouncement.code,
]);
