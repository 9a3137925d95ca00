import { date, idNumber, personName, regionName, text, yuan } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 人力资源和社会保障局 (博尔塔拉 §七(五)): employment — place (地县乡村名), name, ID, transfer channel and mode, start
 * date, last month's wage, employer, end date of returnees — and pension insurance.
 * SPEC §10 signal: main labourer's work ended or wage fell sharply (default ≥ 50% year on year) → employment risk.
 */
export const hrSocialSecurityFeed: FeedDefinition = {
  department: 'hr_social_security',
  name: '人力资源和社会保障局',
  source: '博尔塔拉 §七(五)1–2；SPEC §10',
  records: [
    {
      kind: 'employment',
      name: '务工就业信息',
      matchBy: 'id_number',
      signal: 'work ended (returnee) or last month wage fell ≥ 50% → industry/employment risk (SPEC §5.2 item 5)',
      columns: [
        regionName({ header: '地县乡村名', aliases: ['所在地区', '行政区划', '所在村', '村名', '户籍地址'] }),
        personName(),
        idNumber(),
        text('transferChannel', '转移渠道', '如政府组织、自主外出、劳务派遣', {
          aliases: ['转移就业渠道', '就业渠道', '外出务工渠道'],
        }),
        text('transferMode', '转移就业方式', '如县内务工、县外省内务工、省外务工、公益性岗位', {
          aliases: ['就业方式', '务工方式', '转移方式', '就业形式'],
        }),
        text('workPlace', '务工地点', '务工所在省、市、县', { aliases: ['务工地', '就业地点', '务工所在地'] }),
        date('workStartDate', '务工开始日期', '本次务工开始日期', {
          aliases: ['务工开始时间', '就业开始日期', '外出务工时间'],
        }),
        yuan('lastMonthWage', '上月务工薪酬', '上月工资收入（元）；返乡未务工的可为空', {
          required: false,
          aliases: ['上月务工收入', '上月工资', '月务工收入', '月收入', '上月薪酬'],
        }),
        text('employer', '工作单位', '用人单位名称', { aliases: ['用工单位', '就业单位', '务工单位'] }),
        date('workEndDate', '务工结束日期', '返乡人员务工结束日期；仍在务工的为空', {
          required: false,
          aliases: ['返乡人员务工结束日期', '返乡日期', '务工结束时间'],
        }),
      ],
      dateOrder: [['workStartDate', 'workEndDate']],
    },
    {
      kind: 'pension',
      name: '养老保险参保信息',
      matchBy: 'id_number',
      signal: 'pension received (transfer income); not insured → registry insurance field update',
      columns: [
        personName(),
        idNumber(),
        {
          key: 'insuranceType',
          header: '险种',
          aliases: ['参保险种', '养老保险类型', '险种类型'],
          type: 'enum',
          required: true,
          enum: {
            城乡居民基本养老保险: 'resident',
            城乡居民养老保险: 'resident',
            居民养老保险: 'resident',
            城镇职工基本养老保险: 'employee',
            职工养老保险: 'employee',
            企业职工基本养老保险: 'employee',
          },
          description: '城乡居民基本养老保险/城镇职工基本养老保险',
        },
        {
          key: 'status',
          header: '参保状态',
          aliases: ['缴费状态', '状态', '人员状态'],
          type: 'enum',
          required: true,
          enum: {
            参保缴费: 'paying',
            正常缴费: 'paying',
            缴费: 'paying',
            待遇领取: 'receiving',
            领取待遇: 'receiving',
            暂停: 'suspended',
            中断: 'suspended',
            终止: 'terminated',
            未参保: 'not_insured',
          },
          description: '参保缴费/待遇领取/暂停/终止/未参保',
        },
        yuan('contribution', '年缴费金额', '本年度个人缴费（元）', {
          required: false,
          aliases: ['缴费档次', '个人缴费金额'],
        }),
        yuan('monthlyPension', '月养老金', '月领取养老金（元）', {
          required: false,
          aliases: ['月领取金额', '养老金月领取额'],
        }),
        date('statusDate', '状态日期', '参保或开始领取待遇的日期', {
          required: false,
          aliases: ['参保日期', '待遇领取日期', '开始领取日期'],
        }),
      ],
    },
  ],
};
