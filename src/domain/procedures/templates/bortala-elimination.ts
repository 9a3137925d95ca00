import { RECORDS as R } from '../records.ts';
import { defineTemplate } from './define.ts';

/**
 * 博尔塔拉 risk elimination in four steps (SPEC §8.3; 博尔塔拉实施方案 §五(二)): 提名公示 → 核查核准 → 核实确认 → 公告标注.
 * The document gives no publicity length for elimination; the template mirrors inclusion's "不少于5天"
 * (calendar days) as a default. It asks for no village review meeting. Informed consent comes from SPEC §8.3
 * (会泽 §四(三)); a recorded refusal stands in for it.
 */
export const BORTALA_ELIMINATION = defineTemplate({
  code: 'bortala-elimination',
  name: '博尔塔拉州监测对象风险消除“四个步骤”',
  kind: 'elimination',
  version: 1,
  source: '博尔塔拉蒙古自治州关于进一步完善防止返贫动态监测和帮扶机制的实施方案 §五(二)',
  defaults: ['提名公示期5天（文件未规定，参照纳入程序“公示期不少于5天”）'],
  steps: [
    {
      code: 'nominate',
      name: '提名公示',
      level: 'village',
      description: '村队根据动态帮扶情况提出拟消除风险人员名单，并在村内公示',
      records: [R.nominationList, R.consent, R.publicityNotice, R.publicityPhotos, R.objectionHandling],
      publicity: { days: 5, unit: 'calendar' },
    },
    {
      code: 'verify',
      name: '核查核准',
      level: 'township',
      description: '村级公示无异议后上报乡镇，乡镇安排实地入户核查核准',
      records: [R.onSiteCheck],
    },
    {
      code: 'confirm',
      name: '核实确认',
      level: 'county',
      description: '乡镇核查核准无误后，报县市乡村振兴主管部门组织核实确认',
      records: [R.countyApproval],
    },
    {
      code: 'announce_mark',
      name: '公告标注',
      level: 'county',
      description: '县市确认风险消除后在当地公告，并组织在信息系统中标注风险消除',
      records: [R.countyAnnouncement, R.systemEntry],
      notification: 'exit',
    },
  ],
});
