import { date, idNumber, personName, regionName, yuan } from './common-columns.ts';
import type { FeedColumn, FeedDefinition } from './feed-types.ts';

const status: FeedColumn = {
  key: 'status',
  header: '保障状态',
  aliases: ['状态', '救助状态', '享受状态', '变动情况'],
  type: 'enum',
  required: true,
  enum: {
    新增: 'added',
    在保: 'active',
    享受中: 'active',
    正常: 'active',
    停保: 'ended',
    退出: 'ended',
    终止: 'ended',
  },
  description: '新增/在保/停保（退出）',
};

/**
 * 民政局 (博尔塔拉 §七(四)): 低保, 特困供养, the two disability subsidies and temporary relief.
 * SPEC §10 signals: new backstop recipient not monitored → check; backstop ended → check.
 */
export const civilAffairsFeed: FeedDefinition = {
  department: 'civil_affairs',
  name: '民政局',
  source: '博尔塔拉 §七(四)1–2；SPEC §10',
  records: [
    {
      kind: 'social_assistance',
      name: '低保、特困供养、临时救助',
      matchBy: 'id_number',
      signal: 'new backstop recipient not monitored → check; backstop ended → check',
      columns: [
        personName(),
        idNumber(),
        regionName(),
        {
          key: 'assistanceType',
          header: '救助类型',
          aliases: ['保障类型', '救助类别', '保障类别'],
          type: 'enum',
          required: true,
          enum: {
            低保: 'dibao',
            农村低保: 'dibao',
            最低生活保障: 'dibao',
            特困: 'tekun',
            特困供养: 'tekun',
            特困人员供养: 'tekun',
            特困人员救助供养: 'tekun',
            // 五保供养 became 特困人员救助供养 in 2014; county ledgers still say 五保.
            五保: 'tekun',
            五保户: 'tekun',
            五保供养: 'tekun',
            农村低保户: 'dibao',
            低保户: 'dibao',
            临时救助: 'temporary_relief',
          },
          description: '低保/特困供养/临时救助',
        },
        status,
        {
          ...yuan('amount', '救助金额', '月保障金或一次性救助金额（元）'),
          required: false,
          aliases: ['保障金额', '月保障金额', '发放金额'],
        },
        {
          key: 'coveredPersons',
          header: '保障人数',
          type: 'integer',
          required: false,
          description: '该户享受人数',
          aliases: ['享受人数'],
        },
        date('startDate', '起始日期', '开始享受日期或临时救助发放日期', {
          aliases: ['开始日期', '审批日期', '救助日期'],
        }),
        date('endDate', '终止日期', '停保或退出日期', { required: false, aliases: ['停保日期', '退出日期'] }),
      ],
      dateOrder: [['startDate', 'endDate']],
    },
    {
      kind: 'disability_subsidy',
      name: '残疾人两项补贴',
      matchBy: 'id_number',
      signal:
        'subsidy recipients (transfer income); new severe-disability care subsidy → special group watch (SPEC §5.3)',
      columns: [
        personName(),
        idNumber(),
        {
          key: 'subsidyType',
          header: '补贴类型',
          aliases: ['补贴类别', '补贴项目'],
          type: 'enum',
          required: true,
          enum: {
            困难残疾人生活补贴: 'living',
            生活补贴: 'living',
            重度残疾人护理补贴: 'care',
            护理补贴: 'care',
          },
          description: '困难残疾人生活补贴/重度残疾人护理补贴',
        },
        status,
        { ...yuan('amount', '补贴金额', '月补贴金额（元）'), aliases: ['月补贴金额', '发放金额'] },
        date('startDate', '起始日期', '开始享受日期', { aliases: ['开始日期', '审批日期'] }),
        date('endDate', '终止日期', '停发日期', { required: false, aliases: ['停发日期'] }),
      ],
      dateOrder: [['startDate', 'endDate']],
    },
  ],
};
