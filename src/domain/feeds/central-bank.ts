import { date, idNumber, personName, text, yuan } from './common-columns.ts';
import type { FeedDefinition } from './feed-types.ts';

const bank = text('bank', '金融机构', '开户或放贷银行', { aliases: ['开户银行', '银行名称', '贷款银行', '放款机构'] });

/**
 * 人民银行中心支行 (博尔塔拉 §七(十三)): deposit amount, loan amount, loan date, maturity date, interest subsidy.
 * SPEC §10 signal: deposits per capita ≥ 50,000 yuan → exclusion check. Bank figures are masked on screen (SPEC §17).
 */
export const centralBankFeed: FeedDefinition = {
  department: 'central_bank',
  name: '人民银行中心支行',
  source: '博尔塔拉 §七(十三)1；SPEC §10, §17',
  records: [
    {
      kind: 'deposit',
      name: '存款信息',
      matchBy: 'id_number',
      signal: 'household deposits per capita ≥ 50,000 yuan → exclusion check',
      columns: [
        personName(),
        idNumber(),
        yuan('balance', '存款金额', '统计日存款余额合计（元）', { aliases: ['存款余额', '存款总额'] }),
        date('asOfDate', '统计日期', '余额统计截止日期', { aliases: ['截止日期', '查询日期', '数据日期'] }),
        bank,
      ],
    },
    {
      kind: 'loan',
      name: '贷款信息',
      matchBy: 'id_number',
      signal: 'loans and interest subsidies (e.g. 小额信贷) → assistance evidence; large loans → review',
      columns: [
        personName(),
        idNumber(),
        text('loanType', '贷款类型', '如脱贫人口小额信贷、创业担保贷款、经营贷款', {
          aliases: ['贷款品种', '贷款种类'],
        }),
        yuan('loanAmount', '贷款金额', '贷款发放金额（元）', { aliases: ['贷款本金', '发放金额'] }),
        date('loanDate', '贷款日期', '贷款发放日期', { aliases: ['贷款时间', '发放日期', '放款日期'] }),
        date('maturityDate', '到期日期', '贷款到期日期', { aliases: ['贷款到期时间', '到期时间', '到期日'] }),
        yuan('interestSubsidy', '贴息金额', '利息补贴（元）', { required: false, aliases: ['利息补贴', '贴息'] }),
        bank,
      ],
      dateOrder: [['loanDate', 'maturityDate']],
    },
  ],
};
