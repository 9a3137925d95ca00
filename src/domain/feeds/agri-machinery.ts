import { date, idNumber, personName, text, yuan } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 农业农村机械化发展中心 (博尔塔拉 §七(十七)): machinery bought — type, date, amount, subsidy.
 * SPEC §10 signal: large purchases → exclusion check (large-scale grower, SPEC §7.2 item 6).
 */
export const agriMachineryFeed: FeedDefinition = {
  department: 'agri_machinery',
  name: '农业农村机械化发展中心',
  source: '博尔塔拉 §七(十七)1；SPEC §10',
  records: [
    {
      kind: 'machinery_purchase',
      name: '农机购置',
      matchBy: 'id_number',
      signal: 'large machinery purchase → exclusion check',
      columns: [
        personName({ aliases: ['购机者姓名', '购机者', '购机人'] }),
        idNumber({ aliases: ['购机者身份证号', '购机者证件号码', '证件号码', '身份证号码', '公民身份号码'] }),
        text('machineType', '机具类型', '机具品目，如拖拉机、收获机、播种机', {
          required: true,
          aliases: ['机具品目', '农机类型', '机具名称'],
        }),
        text('model', '型号', '机具型号', { aliases: ['机具型号', '规格型号'] }),
        date('purchaseDate', '购买日期', '购机日期', { aliases: ['购机日期', '购买时间', '购机时间'] }),
        yuan('price', '购买金额', '购机价格（元）', { aliases: ['购机价格', '销售价格', '购机金额'] }),
        yuan('subsidy', '补贴金额', '购机补贴（元）', { required: false, aliases: ['补贴额', '购机补贴'] }),
      ],
    },
  ],
};
