import { count, date, idNumber, personName, sex, text, yuan } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

/**
 * 医疗保障局 (博尔塔拉 §七(十二)): insured persons (basic insurance, serious-illness insurance, medical assistance), and
 * for hospital stays the disease, dates, days, cost, out-of-pocket amount and settlement date.
 * SPEC §10 signal: high out-of-pocket (default ≥ 50% of net income or ≥ 20,000 yuan in 12 months) → medical risk.
 */
export const medicalInsuranceFeed: FeedDefinition = {
  department: 'medical_insurance',
  name: '医疗保障局',
  source: '博尔塔拉 §七(十二)1–2；SPEC §10',
  records: [
    {
      kind: 'insured',
      name: '参保信息',
      matchBy: 'id_number',
      signal: 'not insured → registry insurance update and assistance measure',
      columns: [
        personName(),
        idNumber(),
        sex(),
        {
          key: 'insuranceType',
          header: '参保险种',
          aliases: ['险种', '险种类型', '参保类型'],
          type: 'enum',
          required: true,
          enum: {
            城乡居民基本医疗保险: 'resident_basic',
            居民医保: 'resident_basic',
            基本医疗保险: 'resident_basic',
            职工基本医疗保险: 'employee_basic',
            职工医保: 'employee_basic',
            大病保险: 'critical_illness',
            医疗救助: 'medical_assistance',
            大病救助: 'medical_assistance',
          },
          description: '城乡居民基本医疗保险/职工基本医疗保险/大病保险/医疗救助',
        },
        {
          key: 'status',
          header: '参保状态',
          aliases: ['缴费状态', '人员参保状态'],
          type: 'enum',
          required: true,
          enum: {
            已参保: 'insured',
            参保缴费: 'insured',
            正常参保: 'insured',
            正常: 'insured',
            未参保: 'not_insured',
            中断: 'suspended',
            暂停: 'suspended',
            停保: 'suspended',
          },
          description: '已参保/未参保/中断',
        },
        count('year', '参保年度', '参保所属年度', { required: true, min: 2000, aliases: ['年度', '缴费年度'] }),
      ],
    },
    {
      kind: 'settlement',
      name: '住院结算',
      matchBy: 'id_number',
      signal: 'out-of-pocket ≥ 20,000 yuan or ≥ 50% of net income over 12 months → medical risk (SPEC §7.3 medical)',
      columns: [
        personName(),
        idNumber(),
        text('hospital', '就诊医院', '医疗机构名称', {
          required: true,
          aliases: ['医疗机构', '医疗机构名称', '就诊医疗机构', '医院名称', '定点医疗机构'],
        }),
        text('disease', '疾病名称', '出院主要诊断', {
          required: true,
          aliases: ['所患疾病', '病种', '诊断', '出院诊断', '主要诊断', '疾病诊断'],
        }),
        date('admissionDate', '入院日期', '入院日期', { aliases: ['入院时间', '入院'] }),
        date('dischargeDate', '出院日期', '出院日期', { aliases: ['出院时间', '出院'] }),
        count('stayDays', '住院天数', '住院天数', { unit: '天', aliases: ['天数'] }),
        yuan('totalCost', '医疗总费用', '本次住院医疗费用总额（元）', {
          aliases: ['总费用', '医疗费用', '住院总费用', '医疗费用总额', '费用总额'],
        }),
        yuan('basicInsurancePaid', '基本医保支付', '基本医疗保险统筹支付（元）', {
          required: false,
          aliases: ['基本医保报销', '统筹支付', '基本医疗保险支付'],
        }),
        yuan('criticalIllnessPaid', '大病保险支付', '大病保险支付（元）', {
          required: false,
          aliases: ['大病保险报销'],
        }),
        yuan('assistancePaid', '医疗救助支付', '医疗救助支付（元）', {
          required: false,
          aliases: ['医疗救助', '救助金额'],
        }),
        yuan('outOfPocket', '个人自付', '报销后个人自付金额（元）', {
          aliases: ['自付金额', '个人自付金额', '自付额度', '个人负担', '个人支付', '自付费用'],
        }),
        date('settlementDate', '结算日期', '费用结算日期', { aliases: ['结算时间'] }),
      ],
      dateOrder: [
        ['admissionDate', 'dischargeDate'],
        ['admissionDate', 'settlementDate'],
      ],
    },
  ],
};
