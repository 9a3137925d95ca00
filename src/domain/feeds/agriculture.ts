import { count, date, headIdNumber, headName, regionCode, regionName, text, yuan } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 农业农村局 (博尔塔拉 §七(九)): disaster impact on farming, and village collective economic organisations'
 * distributable income. SPEC §10 signal: crop loss → industry risk (SPEC §5.2 item 5).
 */
export const agricultureFeed: FeedDefinition = {
  department: 'agriculture',
  name: '农业农村局',
  source: '博尔塔拉 §七(九)1；SPEC §10',
  records: [
    {
      kind: 'crop_loss',
      name: '农业受灾损失',
      matchBy: 'id_number',
      signal: 'crop or livestock loss of a household → industry/employment risk (business loss recorded)',
      columns: [
        headName(),
        headIdNumber(),
        regionName(),
        text('disasterType', '灾害类型', '如干旱、洪涝、冰雹、低温冷冻、病虫害、动物疫病', {
          required: true,
          aliases: ['灾种', '受灾类型'],
        }),
        date('disasterDate', '受灾日期', '灾害发生日期', { aliases: ['灾害发生日期', '发生日期', '受灾时间'] }),
        text('product', '受灾品种', '受灾作物或畜禽品种', { aliases: ['受灾作物', '作物品种', '品种', '产业类型'] }),
        {
          key: 'affectedArea',
          header: '受灾面积',
          aliases: ['成灾面积'],
          type: 'decimal',
          required: false,
          unit: '亩',
          description: '受灾面积（亩）；养殖业可留空',
        },
        yuan('lossAmount', '经济损失', '直接经济损失（元）', { aliases: ['直接经济损失', '损失金额'] }),
      ],
    },
    {
      kind: 'collective_income',
      name: '村集体经济可分配收益',
      matchBy: 'region_code',
      signal: 'village collective income distributed (property income reference; village industry failure → SPEC §11)',
      columns: [
        regionCode(),
        regionName(),
        count('year', '年度', '收益所属年度', { required: true, min: 2000, aliases: ['年份', '统计年度'] }),
        yuan('totalIncome', '集体经济总收入', '本年度村集体经济总收入（元）', { required: false, aliases: ['总收入'] }),
        yuan('distributableIncome', '可分配收益', '本年度可分配收益（元）', { aliases: ['可分配收益总额'] }),
        yuan('distributedAmount', '已分配金额', '分配给成员的金额（元）', {
          required: false,
          aliases: ['分配金额', '分红金额'],
        }),
        count('beneficiaryHouseholds', '受益户数', '分配受益户数', { unit: '户', aliases: ['分配户数'] }),
        count('beneficiaryPersons', '受益人数', '分配受益人数', { unit: '人', aliases: ['分配人数'] }),
      ],
    },
  ],
};
