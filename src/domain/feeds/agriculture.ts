import {
  count,
  date,
  headIdNumber,
  headName,
  idNumber,
  personName,
  regionCode,
  regionName,
  text,
  yuan,
} from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 农业农村局 (博尔塔拉 §七(九)): disaster impact on farming, and village collective economic organisations'
 * distributable income. SPEC §10 signal: crop loss → industry risk (SPEC §5.2 item 5). The list of large-scale
 * operators (家庭农场, 种养大户 that employ others) marks SPEC §7.2 item 6.
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
      kind: 'large_scale_operator',
      name: '规模经营主体信息',
      matchBy: 'id_number',
      signal: 'a member runs a large-scale farm or breeding operation or employs others → exclusion 6 (SPEC §7.2)',
      columns: [
        regionName(),
        personName({ header: '经营者姓名', aliases: ['姓名', '负责人', '经营者', '户主姓名'] }),
        idNumber({ header: '经营者身份证号', aliases: ['身份证号', '负责人身份证号', '户主身份证号'] }),
        text('operatorType', '主体类型', '如家庭农场、种植大户、养殖大户', {
          required: true,
          aliases: ['经营主体类型', '类型'],
        }),
        text('entityName', '主体名称', '家庭农场或经营主体名称', { aliases: ['名称', '农场名称'] }),
        text('scale', '经营规模', '如流转土地300亩、存栏生猪500头', { aliases: ['规模', '种养规模'] }),
        count('employees', '雇工人数', '常年雇工人数', { aliases: ['常年雇工', '雇用人数'] }),
        date('registrationDate', '认定日期', '认定或登记日期', {
          required: false,
          aliases: ['登记日期', '认定时间', '成立日期'],
        }),
        text('status', '经营状态', '如正常经营、停业、注销', { aliases: ['状态'] }),
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
