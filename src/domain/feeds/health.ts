import { date, idNumber, personName, sex, text } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 卫生健康委员会 (博尔塔拉 §七(十)): serious diseases under special treatment and the four key chronic diseases
 * (高血压、糖尿病、结核病、严重精神障碍). SPEC §10 signal: new serious illness → medical risk watch (SPEC §5.3).
 */
export const healthFeed: FeedDefinition = {
  department: 'health',
  name: '卫生健康委员会',
  source: '博尔塔拉 §七(十)1；SPEC §10',
  records: [
    {
      kind: 'serious_disease',
      name: '大病专项救治',
      matchBy: 'id_number',
      signal: 'new serious illness → medical risk watch; special group (SPEC §5.3)',
      columns: [
        personName(),
        idNumber(),
        sex(),
        text('disease', '病种', '大病专项救治病种名称', {
          required: true,
          aliases: ['疾病名称', '大病病种', '救治病种'],
        }),
        date('diagnosisDate', '确诊日期', '确诊日期', { aliases: ['诊断日期', '确诊时间'] }),
        text('hospital', '救治医院', '定点救治医院', { aliases: ['定点医院', '医疗机构', '就诊医院'] }),
        {
          key: 'treatmentStatus',
          header: '救治状态',
          aliases: ['救治情况', '治疗状态'],
          type: 'enum',
          required: false,
          enum: { 待救治: 'pending', 救治中: 'in_treatment', 已救治: 'treated', 死亡: 'died' },
          description: '待救治/救治中/已救治/死亡',
        },
      ],
    },
    {
      kind: 'chronic_disease',
      name: '重点慢病患者',
      matchBy: 'id_number',
      signal: 'heavy chronic disease → special group watch (SPEC §5.3)',
      columns: [
        personName(),
        idNumber(),
        sex(),
        {
          key: 'disease',
          header: '慢病病种',
          aliases: ['病种', '疾病名称', '慢性病种类'],
          type: 'enum',
          required: true,
          enum: {
            高血压: 'hypertension',
            糖尿病: 'diabetes',
            '2型糖尿病': 'diabetes',
            结核病: 'tuberculosis',
            肺结核: 'tuberculosis',
            严重精神障碍: 'severe_mental_disorder',
          },
          description: '高血压/糖尿病/结核病/严重精神障碍',
        },
        date('diagnosisDate', '确诊日期', '确诊或纳入管理日期', { required: false, aliases: ['诊断日期', '建档日期'] }),
        {
          key: 'contracted',
          header: '是否签约',
          aliases: ['家庭医生签约', '是否家庭医生签约', '签约服务'],
          type: 'boolean',
          required: false,
          description: '是否签约家庭医生慢病服务：是/否',
        },
      ],
    },
  ],
};
