import { count, date, headIdNumber, headName, regionCode, regionName, text, yuan } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

const disasterType = text('disasterType', '灾害类型', '如洪涝、干旱、地震、地质灾害、风雹、森林草原火灾、房屋火灾', {
  required: true,
  aliases: ['灾种', '灾害种类'],
});

/**
 * 应急管理局 (博尔塔拉 §七(十一)): loss of life and property of rural people from major natural disasters. The document
 * says these arrive "以纸质材料"; the platform takes the same content as a file. SPEC §10 signal: disaster loss ≥ 10,000
 * yuan or any death/serious injury → sudden hardship; a regional disaster feeds SPEC §11.
 */
export const emergencyFeed: FeedDefinition = {
  department: 'emergency',
  name: '应急管理局',
  source: '博尔塔拉 §七(十一)1；SPEC §10, §11',
  records: [
    {
      kind: 'household_loss',
      name: '农户灾害损失',
      matchBy: 'id_number',
      signal: 'loss ≥ 10,000 yuan or any death/serious injury → sudden hardship (SPEC §7.3 other)',
      columns: [
        headName(),
        headIdNumber(),
        regionName(),
        disasterType,
        date('disasterDate', '受灾日期', '灾害发生日期', { aliases: ['灾害发生日期', '发生日期', '受灾时间'] }),
        count('deaths', '死亡人数', '该户因灾死亡（含失踪）人数', {
          unit: '人',
          aliases: ['死亡失踪人数', '遇难人数'],
        }),
        count('seriousInjuries', '重伤人数', '该户因灾重伤人数', { unit: '人', aliases: ['受伤人数'] }),
        yuan('propertyLoss', '财产损失', '直接经济损失（元）', { aliases: ['直接经济损失', '经济损失', '损失金额'] }),
        text('description', '损失情况', '房屋、畜禽、农作物等损失说明', { aliases: ['受灾情况', '灾情描述'] }),
      ],
    },
    {
      kind: 'regional_disaster',
      name: '区域灾情',
      matchBy: 'region_code',
      signal: 'disaster in a region → households exposed (SPEC §11 regional risk)',
      columns: [
        regionCode({ description: '受灾村、乡镇或县的统计用区划代码' }),
        regionName(),
        disasterType,
        date('startDate', '发生日期', '灾害开始日期', { aliases: ['开始日期', '受灾日期', '灾害发生日期'] }),
        date('endDate', '结束日期', '灾害结束日期', { required: false }),
        count('affectedHouseholds', '受灾户数', '受灾户数', { unit: '户' }),
        count('affectedPersons', '受灾人数', '受灾人口', { unit: '人', aliases: ['受灾人口'] }),
        count('deaths', '死亡失踪人数', '因灾死亡失踪人数', { unit: '人', aliases: ['死亡人数'] }),
        yuan('directLoss', '直接经济损失', '直接经济损失（元）', { required: false, aliases: ['经济损失'] }),
      ],
      dateOrder: [['startDate', 'endDate']],
    },
  ],
};
