import { address, date, headIdNumber, headName, text, yuan } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 住房和城乡建设局 (博尔塔拉 §七(六)): houses damaged by natural disaster or other events, and safety appraisals.
 * SPEC §10 signal: C/D appraisal → housing risk (SPEC §5.2 item 3, §7.3 housing).
 */
export const housingFeed: FeedDefinition = {
  department: 'housing',
  name: '住房和城乡建设局',
  source: '博尔塔拉 §七(六)1–2；SPEC §10',
  records: [
    {
      kind: 'house_damage',
      name: '房屋损毁',
      matchBy: 'id_number',
      signal: 'house collapsed or severely damaged → housing risk; loss amount → disaster cost',
      columns: [
        headName(),
        headIdNumber(),
        address({ aliases: ['房屋地址', '房屋坐落', '家庭住址', '住址'] }),
        date('damageDate', '损毁日期', '房屋受损日期', { aliases: ['受损日期', '发生日期', '灾害发生日期'] }),
        text('cause', '损毁原因', '如暴雨洪涝、地震、火灾', {
          required: true,
          aliases: ['受损原因', '灾害类型', '致损原因'],
        }),
        {
          key: 'damageLevel',
          header: '损毁程度',
          aliases: ['受损程度', '损坏程度'],
          type: 'enum',
          required: true,
          enum: {
            倒塌: 'collapsed',
            全部倒塌: 'collapsed',
            严重损坏: 'severe',
            一般损坏: 'moderate',
            轻微损坏: 'minor',
          },
          description: '倒塌/严重损坏/一般损坏/轻微损坏',
        },
        yuan('estimatedLoss', '损失金额', '估算直接经济损失（元）', {
          required: false,
          aliases: ['经济损失', '直接经济损失'],
        }),
      ],
    },
    {
      kind: 'safety_appraisal',
      name: '农村住房安全性鉴定',
      matchBy: 'id_number',
      signal: 'appraisal C or D → housing risk (SPEC §7.3 housing)',
      columns: [
        headName(),
        headIdNumber(),
        address({ aliases: ['房屋地址', '房屋坐落', '家庭住址', '住址'] }),
        date('appraisalDate', '鉴定日期', '安全性鉴定日期', { aliases: ['鉴定时间', '评定日期'] }),
        {
          key: 'grade',
          header: '鉴定等级',
          aliases: ['安全等级', '房屋安全等级', '鉴定结果', '等级'],
          type: 'enum',
          required: true,
          enum: { A级: 'A', B级: 'B', C级: 'C', D级: 'D', 局部危房: 'C', 整栋危房: 'D' },
          description: 'A/B/C/D级（C级局部危房，D级整栋危房）',
        },
        text('appraiser', '鉴定机构', '鉴定单位或鉴定人', { aliases: ['鉴定单位', '鉴定人'] }),
      ],
    },
  ],
};
