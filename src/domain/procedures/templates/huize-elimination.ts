import { RECORDS as R } from '../records.ts';
import { defineTemplate } from './define.ts';

/**
 * 会泽 risk elimination (SPEC §8.3; 会泽实施方案 §三(三) and §四(三)): "怎么进、怎么出" — with the household's informed
 * consent, 实地调查 (with the 风险销号评估认定表), 评议公示, 逐级审定, then the county leading-group office marks
 * "风险消除" in the national system. The 拟消除风险 list runs through the same monthly round as inclusions, so the
 * steps keep the round's day-of-month deadlines (8/17/19/23/27).
 * A refusal of consent is recorded instead of the consent form and does not block (会泽 §四(三)).
 */
export const HUIZE_ELIMINATION = defineTemplate({
  code: 'huize-elimination',
  name: '会泽县监测对象风险消除程序',
  kind: 'elimination',
  version: 1,
  source: '会泽县健全防止返贫动态监测和帮扶机制实施方案 §三(三)、§四(三)',
  steps: [
    {
      code: 'survey',
      name: '实地入户调查评估',
      level: 'village',
      description: '动态监测工作队入户综合评估，填写《防止返贫监测对象风险销号评估认定表》，征求监测对象意见',
      records: [R.eliminationAssessment, R.consent, R.surveyPhotos],
      deadline: { kind: 'day_of_month', day: 8 },
    },
    {
      code: 'village_review',
      name: '村级评议公示',
      level: 'village',
      description: '参照识别程序民主评议，村“两委”决定，公示5个工作日',
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
      records: [R.spotCheck, R.townshipMinutes],
      deadline: { kind: 'day_of_month', day: 19 },
    },
    {
      code: 'county_confirm',
      name: '县级审定',
      level: 'county',
      records: [R.countyApproval],
      deadline: { kind: 'day_of_month', day: 23 },
    },
    {
      code: 'mark_eliminated',
      name: '系统标注风险消除',
      level: 'county',
      description: '县领导小组办公室组织在全国防返贫监测信息系统中标注“风险消除”，不再按监测对象帮扶',
      records: [R.systemEntry],
      deadline: { kind: 'day_of_month', day: 27 },
      notification: 'exit',
    },
  ],
});
