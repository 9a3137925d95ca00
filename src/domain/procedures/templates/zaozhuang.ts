import { RECORDS as R } from '../records.ts';
import { defineTemplate } from './define.ts';

/**
 * 枣庄 "五步认定程序" (SPEC §8.1; 枣庄市新闻发布会 2023, "三四五三三" mechanism): 入户核实、民主评议、信息比对、
 * 村级公示、录入系统, with the three notifications (三告知). The press conference names the steps only: levels follow
 * the names (信息比对 and 录入系统 by the 区(市) 乡村振兴部门); publicity length and deadlines are defaults.
 * There is no separate township step; 录入系统 is the county's decision and gives the identification notice.
 */
export const ZAOZHUANG_INCLUSION = defineTemplate({
  code: 'zaozhuang-inclusion',
  name: '枣庄市监测对象五步认定程序',
  kind: 'inclusion',
  version: 1,
  source: '枣庄市巩固拓展脱贫成果同乡村振兴有效衔接新闻发布会（2023年1月17日）',
  defaults: ['村级公示5个工作日（文件未规定公示天数）', '各步骤无时限（文件未规定）'],
  steps: [
    {
      code: 'household_check',
      name: '入户核实',
      level: 'village',
      records: [R.application, R.authorization, R.surveyForm, R.surveyPhotos],
      notification: 'acceptance',
    },
    {
      code: 'democratic_review',
      name: '民主评议',
      level: 'village',
      records: [R.reviewMinutes],
      meeting: true,
    },
    {
      code: 'compare',
      name: '信息比对',
      level: 'county',
      records: [R.departmentFeedback],
    },
    {
      code: 'village_publicity',
      name: '村级公示',
      level: 'village',
      records: [R.publicityNotice, R.publicityPhotos, R.objectionHandling],
      publicity: { days: 5, unit: 'working' },
    },
    {
      code: 'system_entry',
      name: '录入系统',
      level: 'county',
      records: [R.countyApproval, R.systemEntry],
      notification: 'identification',
    },
  ],
});
