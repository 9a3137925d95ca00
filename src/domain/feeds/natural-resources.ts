import { date, idNumber, personName, text } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 自然资源局 (博尔塔拉 §七(七)): commercial housing bought in towns — type, area, registration date, address.
 * SPEC §10 signal: → exclusion 4 (SPEC §7.2 item 4).
 */
export const naturalResourcesFeed: FeedDefinition = {
  department: 'natural_resources',
  name: '自然资源局',
  source: '博尔塔拉 §七(七)1；SPEC §10',
  records: [
    {
      kind: 'property_registration',
      name: '城镇商品住房登记',
      matchBy: 'id_number',
      signal: 'commercial housing or business premises owned in a town → exclusion check (SPEC §7.2 item 4)',
      columns: [
        personName({ aliases: ['权利人', '权利人姓名', '产权人'] }),
        idNumber({ aliases: ['权利人证件号', '权利人证件号码', '证件号码', '身份证号码', '公民身份号码'] }),
        text('propertyType', '房屋类型', '商品住房、二手住房、商铺、自建房等', {
          required: true,
          aliases: ['房屋用途', '用途', '不动产类型', '房屋性质'],
        }),
        {
          key: 'area',
          header: '建筑面积',
          aliases: ['面积', '房屋面积', '不动产面积'],
          type: 'decimal',
          required: true,
          unit: '平方米',
          description: '建筑面积（平方米）',
        },
        date('registrationDate', '登记日期', '不动产登记日期', { aliases: ['登记时间', '登簿日期', '登记簿日期'] }),
        text('address', '房屋坐落', '房屋具体地址', { required: true, aliases: ['坐落', '具体地址', '房屋地址'] }),
        text('certificateNumber', '不动产权证号', '不动产权证书号', { aliases: ['产权证号', '不动产权证书号'] }),
      ],
    },
  ],
};
