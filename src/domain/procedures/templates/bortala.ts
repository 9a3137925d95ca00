import { RECORDS as R } from '../records.ts';
import { defineTemplate } from './define.ts';

/**
 * 博尔塔拉 "六个一" inclusion (SPEC §8.1; 博尔塔拉实施方案 §五(一)): 一申请、一公示、一核准、一确认、一比对、一标注.
 * The document fixes no step deadlines, only "公示期不少于5天" (calendar days). Department comparison comes after the
 * county confirmation here (unlike 会泽), so the identification notice is given at 标注, once the county has
 * confirmed and announced (县市确认监测对象并在当地进行公告后).
 */
export const BORTALA_INCLUSION = defineTemplate({
  code: 'bortala-inclusion',
  name: '博尔塔拉州监测对象纳入“六个一”程序',
  kind: 'inclusion',
  version: 1,
  source: '博尔塔拉蒙古自治州关于进一步完善防止返贫动态监测和帮扶机制的实施方案 §五(一)',
  steps: [
    {
      code: 'apply',
      name: '申请',
      level: 'village',
      description:
        '以户为单位提出申请，授权查询家庭存款、车辆、房屋等资产信息；不便自主填报的由村委会代为申请、农户签字确认',
      records: [R.application, R.authorization],
      notification: 'acceptance',
    },
    {
      code: 'publicity',
      name: '公示',
      level: 'village',
      description: '村队组织评议后进行公示，公示期不少于5天',
      records: [R.reviewMinutes, R.publicityNotice, R.publicityPhotos, R.objectionHandling],
      publicity: { days: 5, unit: 'calendar' },
      meeting: true,
    },
    {
      code: 'verify',
      name: '核准',
      level: 'township',
      description: '村级评议公示无异议后上报乡镇，乡镇安排实地入户核查核准',
      records: [R.onSiteCheck],
    },
    {
      code: 'confirm',
      name: '确认',
      level: 'county',
      description: '乡镇核查核准属实的，上报县市乡村振兴主管部门核实确认',
      records: [R.countyApproval],
    },
    {
      code: 'compare',
      name: '比对',
      level: 'county',
      description: '州县乡村振兴主管部门与相关部门开展数据信息比对，核实农户家庭相关信息',
      records: [R.departmentFeedback],
    },
    {
      code: 'mark',
      name: '标注',
      level: 'county',
      description: '县市确认监测对象并在当地公告后，指导乡镇录入信息系统；乡村两级制定针对性帮扶措施',
      records: [R.countyAnnouncement, R.systemEntry],
      notification: 'identification',
    },
  ],
});
