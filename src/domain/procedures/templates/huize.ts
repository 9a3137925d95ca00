import { RECORDS as R } from '../records.ts';
import { defineTemplate } from './define.ts';

/**
 * 会泽 eight-step monthly procedure (SPEC §8.1, §8.2; 会泽实施方案 §三 "(一)–(八)" and the monthly time nodes:
 * 3号前 collect, 5号前 analyse, 8号前 survey, 12号前 department comparison, 17号前 village review and publicity,
 * 19号前 township review, 23号前 county confirmation, 27号前 data entry and cleaning). The default template.
 */
export const HUIZE_INCLUSION = defineTemplate({
  code: 'huize-inclusion',
  name: '会泽县防止返贫动态监测八步程序（按月常态化监测）',
  kind: 'inclusion',
  version: 1,
  source: '会泽县健全防止返贫动态监测和帮扶机制实施方案 §三',
  steps: [
    {
      code: 'collect',
      name: '风险信息收集',
      level: 'village',
      description: '群众自主申报、干部定期排查（每月至少一次）、部门筛查预警',
      records: [R.clueLedger],
      deadline: { kind: 'day_of_month', day: 3 },
    },
    {
      code: 'analyse',
      name: '综合分析研判',
      level: 'village',
      description: '以行政村为单元综合分析研判，提出拟新识别、拟消除风险、家庭人口自然增减变动初步名单',
      records: [R.threeLists],
      deadline: { kind: 'day_of_month', day: 5 },
    },
    {
      code: 'survey',
      name: '实地入户调查',
      level: 'village',
      description: '动态监测工作队逐户实地调查；拟纳入的农户填写纳入监测申请、签署《授权承诺书》',
      records: [R.application, R.authorization, R.surveyForm, R.surveyPhotos],
      deadline: { kind: 'day_of_month', day: 8 },
      notification: 'acceptance',
    },
    {
      code: 'compare',
      name: '部门信息比对',
      level: 'county',
      description: '县乡村振兴局组织相关部门复核家庭资产和基本信息，并将复核情况反馈乡镇',
      records: [R.verificationList, R.departmentFeedback],
      deadline: { kind: 'day_of_month', day: 12 },
    },
    {
      code: 'village_review',
      name: '村级评议公示',
      level: 'village',
      description:
        '召集党员和户主会议公开民主评议，村“两委”决定，线下线上同时公示5个工作日；若有举报，由动态监测工作队调查核实并及时处理',
      records: [
        R.proposedList,
        R.reviewMinutes,
        R.committeeDecision,
        R.publicityNotice,
        R.publicityPhotos,
        R.objectionHandling,
      ],
      deadline: { kind: 'day_of_month', day: 17 },
      publicity: { days: 5, unit: 'working', upheldReturnsTo: 'survey' },
      meeting: true,
    },
    {
      code: 'township_review',
      name: '乡镇审核',
      level: 'township',
      description: '在抽查核实的基础上召开专题会议研究，逐户明确帮扶措施，报县乡村振兴局确定',
      records: [R.spotCheck, R.townshipMinutes, R.measures],
      deadline: { kind: 'day_of_month', day: 19 },
    },
    {
      code: 'county_confirm',
      name: '县级确定',
      level: 'county',
      description:
        '县乡村振兴局审定，必要时实地核实、数据二次复核、召开部门联席会议；报县领导小组确定，明确帮扶主责部门',
      records: [R.countyApproval, R.jointMeeting, R.leadingGroupDecision, R.responsibleDepartment],
      deadline: { kind: 'day_of_month', day: 23 },
      notification: 'identification',
    },
    {
      code: 'data_entry',
      name: '数据录入和清洗',
      level: 'county',
      description: '在全国防返贫监测信息系统中集中录入，部门数据交换，按比对校验规则开展数据清洗',
      records: [R.systemEntry, R.dataCleaning, R.paperLedger],
      deadline: { kind: 'day_of_month', day: 27 },
    },
  ],
});
