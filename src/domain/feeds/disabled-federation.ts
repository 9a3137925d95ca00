import { date, idNumber, personName, sex, text } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 残疾人联合会 (博尔塔拉 §七(十四)): disability certificates issued and held (category, level).
 * SPEC §10 signal: new severe disability (level 1–2, or level 3–4 intellectual/mental) → watch (SPEC §5.3).
 */
export const disabledFederationFeed: FeedDefinition = {
  department: 'disabled_federation',
  name: '残疾人联合会',
  source: '博尔塔拉 §七(十四)1；SPEC §10, §5.3',
  records: [
    {
      kind: 'disability_certificate',
      name: '残疾人证',
      matchBy: 'id_number',
      signal: 'new level 1–2 disability, or level 3–4 intellectual/mental → special group watch',
      columns: [
        personName(),
        idNumber(),
        sex(),
        text('certificateNumber', '残疾人证号', '第二代残疾人证号（身份证号加2位）', { aliases: ['残疾证号', '证号'] }),
        {
          key: 'category',
          header: '残疾类别',
          aliases: ['残疾类型', '类别'],
          type: 'enum',
          required: true,
          enum: {
            视力: 'visual',
            视力残疾: 'visual',
            听力: 'hearing',
            听力残疾: 'hearing',
            言语: 'speech',
            言语残疾: 'speech',
            肢体: 'physical',
            肢体残疾: 'physical',
            智力: 'intellectual',
            智力残疾: 'intellectual',
            精神: 'mental',
            精神残疾: 'mental',
            多重: 'multiple',
            多重残疾: 'multiple',
          },
          description: '视力/听力/言语/肢体/智力/精神/多重残疾',
        },
        {
          key: 'level',
          header: '残疾等级',
          aliases: ['等级', '残疾级别'],
          type: 'enum',
          required: true,
          enum: { 一级: '1', 二级: '2', 三级: '3', 四级: '4' },
          description: '一级/二级/三级/四级（或1–4）',
        },
        date('issueDate', '发证日期', '首次发证或换证日期', { aliases: ['办证日期', '发证时间', '持证日期'] }),
        {
          key: 'status',
          header: '持证状态',
          aliases: ['证件状态'],
          type: 'enum',
          required: false,
          enum: { 有效: 'valid', 正常: 'valid', 注销: 'cancelled', 过期: 'expired' },
          description: '有效/注销/过期',
        },
      ],
    },
  ],
};
