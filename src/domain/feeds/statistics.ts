import { count, headIdNumber, headName, regionCode, yuan } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 国家统计局调查队 (博尔塔拉 §七(十六)): rural income figures. SPEC §10: income reference, compared with the registry's
 * own income figures (SPEC §4.3 parts: wage, net business, property, transfer).
 */
export const statisticsFeed: FeedDefinition = {
  department: 'statistics',
  name: '国家统计局调查队',
  source: '博尔塔拉 §七(十六)1；SPEC §10, §4.3',
  records: [
    {
      kind: 'household_income',
      name: '农村住户收入调查',
      matchBy: 'id_number',
      signal: 'surveyed income far from the registry figure → data-quality item; income reference',
      columns: [
        headName(),
        headIdNumber(),
        regionCode({ required: false }),
        count('year', '年度', '收入所属年度', { required: true, min: 2000, aliases: ['调查年度', '年份'] }),
        count('householdSize', '家庭人口', '共同生活人口数', {
          required: true,
          min: 1,
          unit: '人',
          aliases: ['家庭人口数', '常住人口'],
        }),
        yuan('wageIncome', '工资性收入', '全年工资性收入（元）', { required: false }),
        yuan('businessIncome', '经营净收入', '全年生产经营性净收入（元）', {
          required: false,
          min: Number.NEGATIVE_INFINITY,
          aliases: ['生产经营性净收入', '经营性净收入'],
        }),
        yuan('propertyIncome', '财产净收入', '全年财产性收入（元）', {
          required: false,
          aliases: ['财产性收入', '财产性净收入'],
        }),
        yuan('transferIncome', '转移净收入', '全年转移性收入（元）', {
          required: false,
          aliases: ['转移性收入', '转移性净收入'],
        }),
        yuan('perCapitaIncome', '人均可支配收入', '全年人均收入（元）', {
          min: Number.NEGATIVE_INFINITY,
          aliases: ['人均纯收入', '人均收入'],
        }),
      ],
    },
  ],
};
