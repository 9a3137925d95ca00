import { count, date, headIdNumber, headName, regionCode, regionName, text } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 水利局 (博尔塔拉 §七(八)): drinking-water safety failures on any of the four indicators (水量、水质、用水方便程度、
 * 供水保证率), by village or by household. The village code is always required; the household head's ID narrows a
 * failure to one household. SPEC §10 signal: → water risk (SPEC §5.2 item 4).
 */
export const waterFeed: FeedDefinition = {
  department: 'water',
  name: '水利局',
  source: '博尔塔拉 §七(八)1；SPEC §10, §5.2 item 4',
  records: [
    {
      kind: 'water_failure',
      name: '饮水安全问题',
      matchBy: 'region_code',
      signal: 'water unsafe in a village (all its households) or one household → water risk',
      columns: [
        regionCode({ description: '出现问题的村12位统计用区划代码' }),
        regionName(),
        headName({ required: false, description: '问题到户时填写户主姓名；整村问题留空' }),
        headIdNumber({ required: false, description: '问题到户时填写户主身份证号；整村问题留空' }),
        {
          key: 'indicator',
          header: '问题指标',
          aliases: ['问题类型', '不达标指标', '饮水问题类型'],
          type: 'enum',
          required: true,
          enum: {
            水量: 'quantity',
            水量不足: 'quantity',
            水质: 'quality',
            水质不达标: 'quality',
            用水方便程度: 'convenience',
            取水不便: 'convenience',
            供水保证率: 'reliability',
            供水不稳定: 'reliability',
          },
          description: '水量/水质/用水方便程度/供水保证率',
        },
        text('cause', '问题原因', '如干旱、洪水冲毁管网、水源污染', { aliases: ['原因', '致因'] }),
        date('occurredDate', '发生日期', '问题出现日期', { aliases: ['发生时间', '出现日期'] }),
        count('affectedHouseholds', '影响户数', '受影响户数', { unit: '户', aliases: ['涉及户数', '受影响户数'] }),
        count('affectedPersons', '影响人数', '受影响人数', { unit: '人', aliases: ['涉及人数', '受影响人数'] }),
        date('resolvedDate', '解决日期', '已解决的填写；未解决留空', {
          required: false,
          aliases: ['解决时间', '恢复供水日期'],
        }),
      ],
      dateOrder: [['occurredDate', 'resolvedDate']],
    },
  ],
};
