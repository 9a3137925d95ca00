import { RECORDS as R } from '../records.ts';
import { defineTemplate } from './define.ts';

/**
 * 瓦房 short form (SPEC §8.1; 瓦房镇“大提升”专项行动方案 §二(三)3): "村提名单、乡镇复核、县级确定、系统管理", and
 * "在程序履行中落实农户授权、民主评议、公示公开的环节要求" — so the village step carries the authorisation, the review
 * meeting and the publicity. The document fixes no publicity length or deadlines; those are defaults.
 */
export const WAFANG_INCLUSION = defineTemplate({
  code: 'wafang-inclusion',
  name: '瓦房镇监测对象识别纳入程序（村提名单、乡镇复核、县级确定、系统管理）',
  kind: 'inclusion',
  version: 1,
  source: '瓦房镇巩固拓展脱贫攻坚成果同乡村振兴有效衔接大提升专项行动方案（瓦政发〔2022〕51号）§二(三)3',
  defaults: ['村级公示5个工作日（文件未规定公示天数）', '各步骤无时限（文件未规定）'],
  steps: [
    {
      code: 'village_nominate',
      name: '村提名单',
      level: 'village',
      description: '落实农户授权、民主评议、公示公开',
      records: [
        R.application,
        R.authorization,
        R.reviewMinutes,
        R.publicityNotice,
        R.publicityPhotos,
        R.objectionHandling,
      ],
      publicity: { days: 5, unit: 'working' },
      meeting: true,
      notification: 'acceptance',
    },
    {
      code: 'township_recheck',
      name: '乡镇复核',
      level: 'township',
      records: [R.onSiteCheck],
    },
    {
      code: 'county_confirm',
      name: '县级确定',
      level: 'county',
      records: [R.countyApproval],
      notification: 'identification',
    },
    {
      code: 'system_management',
      name: '系统管理',
      level: 'county',
      records: [R.systemEntry],
    },
  ],
});
