import { maskIdNumber } from '../id-number.ts';
import { type Fen, toYuan } from '../money.ts';
import type { Category, CheckedMember, MemberStatus, Reason, Relation, RiskType } from './assessment.types.ts';
import type { IncomeDrop } from './income-figures.ts';
import { type ShareBp, shareText } from './thresholds.ts';

/**
 * Reasons (formats/assessment.md "reasons"): a stable rule code, a Chinese sentence a cadre can read to the
 * household, and the figures used, in yuan. Codes never change once published; sentences may be reworded.
 */

/** Yuan for sentences: "16500" when integral, otherwise two decimals ("16500.50"). */
export function yuan(fen: number): string {
  return Number.isInteger(fen / 100) ? String(fen / 100) : (fen / 100).toFixed(2);
}

export const RISK_TYPE_LABEL: Record<RiskType, string> = {
  income: '收入',
  education: '教育',
  medical: '医疗',
  housing: '住房',
  water: '饮水',
  industry_employment: '产业就业',
  other: '其他',
};

const RELATION_LABEL: Record<Relation, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  child_in_law: '儿媳或女婿',
  grandchild: '孙子女',
  parent: '父母',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  other: '其他亲属',
};

const STATUS_TEXT: Record<Exclude<MemberStatus, 'normal'>, string> = {
  deceased: '已死亡',
  imprisoned: '正在服刑',
  missing: '失踪',
  not_sharing: '与户主不共享开支或收入',
};

/** "张三（户主）", or the masked ID number when no name was given (SPEC §17). */
export function memberLabel(m: CheckedMember): string {
  return `${m.name || maskIdNumber(m.idNumber)}（${RELATION_LABEL[m.relation]}）`;
}

const r = (rule: string, text: string, figures: Reason['figures'] = {}): Reason => ({ rule, text, figures });
const y = toYuan;

/** SPEC §7.2 item 9: a person who is not counted, with the document's wording. */
export function memberNotCounted(m: CheckedMember, field: string, counted: number): Reason {
  const status = m.status as Exclude<MemberStatus, 'normal'>;
  return r(
    `member.not_counted.${status}`,
    `成员${memberLabel(m)}${STATUS_TEXT[status]}，不计入家庭人口（第9类情形：死亡人员、服刑人员、失踪人员以及与户主不共享开支或收入的人员）`,
    { field, members: counted },
  );
}

export function incomeVsLine(perCapita: Fen, line: Fen): Reason {
  const figures = { perCapitaNetIncome: y(perCapita), monitoringLine: y(line) };
  return perCapita < line
    ? r(
        'income.below_line',
        `人均纯收入${yuan(perCapita)}元，低于监测线${yuan(line)}元，不论是否存在其他风险均应纳入监测`,
        figures,
      )
    : r('income.at_or_above_line', `人均纯收入${yuan(perCapita)}元，不低于监测线${yuan(line)}元`, figures);
}

export function incomeDropReason(d: IncomeDrop, threshold: ShareBp): Reason {
  switch (d.kind) {
    case 'unknown':
      return r('risk.income_drop.unknown', '未提供上年收入，未判断家庭纯收入是否大幅下降');
    case 'not_applicable':
      return r('risk.income_drop.not_applicable', `上年家庭纯收入为${yuan(d.previous)}元，无法计算收入降幅`, {
        previousNetIncome: y(d.previous),
      });
    case 'no_drop':
      return r('risk.income_drop.none', `家庭纯收入同比未下降（上年${yuan(d.previous)}元，本年${yuan(d.current)}元）`, {
        previousNetIncome: y(d.previous),
        netIncome: y(d.current),
      });
    case 'drop': {
      const pct = `${(d.permille / 10).toFixed(1)}%`;
      return d.fired
        ? r(
            'risk.income_drop.at_or_above_threshold',
            `家庭纯收入同比下降${pct}（上年${yuan(d.previous)}元，本年${yuan(d.current)}元），达到${shareText(threshold)}，属收入大幅缩减`,
            { drop: d.permille / 1000, previousNetIncome: y(d.previous), netIncome: y(d.current) },
          )
        : r('risk.income_drop.below_threshold', `家庭纯收入同比下降${pct}，未达${shareText(threshold)}`, {
            drop: d.permille / 1000,
          });
    }
  }
}

export const educationReasons = {
  compulsoryDropout: (m: CheckedMember, age: number, field: string) =>
    r('risk.education.compulsory_dropout', `成员${memberLabel(m)}${age}周岁，处于义务教育年龄段却已失学辍学`, {
      field,
      age,
    }),
  dropoutRecorded: () => r('risk.education.dropout_recorded', '已查实义务教育阶段适龄儿童少年失学辍学'),
  dropoutOutsideAge: (m: CheckedMember, age: number, field: string) =>
    r(
      'risk.education.dropout_outside_compulsory_age',
      `成员${memberLabel(m)}${age}周岁已辍学，不在义务教育年龄段，不自动认定教育风险；是否因家庭困难难以完成学业须入户研判`,
      { field, age },
    ),
};

export const medicalReasons = {
  shareOfIncome: (medical: Fen, net: Fen, share: ShareBp, shareAmount: Fen) =>
    net > 0
      ? r(
          'risk.medical.share_of_income',
          `自付医疗费用${yuan(medical)}元，达到家庭纯收入${yuan(net)}元的${shareText(share)}（${yuan(shareAmount)}元）`,
          { medical: y(medical), netIncome: y(net), threshold: y(shareAmount) },
        )
      : r(
          'risk.medical.share_of_income',
          `家庭纯收入为${yuan(net)}元，自付医疗费用${yuan(medical)}元已超过家庭纯收入的${shareText(share)}`,
          { medical: y(medical), netIncome: y(net), threshold: y(shareAmount) },
        ),
  amount: (medical: Fen, amount: Fen) =>
    r('risk.medical.amount', `自付医疗费用${yuan(medical)}元，达到${yuan(amount)}元`, {
      medical: y(medical),
      threshold: y(amount),
    }),
  unaffordable: () => r('risk.medical.unaffordable', '因家庭困难无力承担医疗费用，家庭成员患病不能及时或有效治疗'),
  belowThreshold: (medical: Fen, share: ShareBp, shareAmount: Fen, amount: Fen) =>
    r(
      'risk.medical.below_threshold',
      `自付医疗费用${yuan(medical)}元，未达家庭纯收入的${shareText(share)}（${yuan(shareAmount)}元），也未达${yuan(amount)}元`,
      { medical: y(medical), shareThreshold: y(shareAmount), threshold: y(amount) },
    ),
};

export const otherRiskReasons = {
  housing: (grade: 'C' | 'D') => r('risk.housing.dangerous', `住房经鉴定为${grade}级危房`, { housingAppraisal: grade }),
  water: () => r('risk.water.unsafe', '饮水安全未达到标准，自身无力解决'),
  industryLoss: () => r('risk.industry.loss', '因自然灾害、市场重大变化、突发疫情等造成产业受损或绝收'),
  disasterAccident: (disaster: Fen, accident: Fen, amount: Fen) =>
    r(
      'risk.other.disaster_accident_cost',
      `灾害损失${yuan(disaster)}元与意外事故支出${yuan(accident)}元合计${yuan(disaster + accident)}元，达到${yuan(amount)}元`,
      { disaster: y(disaster), accident: y(accident), total: y(disaster + accident), threshold: y(amount) },
    ),
  disasterAccidentBelow: (disaster: Fen, accident: Fen, amount: Fen) =>
    r('risk.other.below_threshold', `灾害损失与意外事故支出合计${yuan(disaster + accident)}元，未达${yuan(amount)}元`, {
      total: y(disaster + accident),
      threshold: y(amount),
    }),
  laborLoss: () => r('risk.other.labor_loss', '因意外事故等导致家庭主要劳动力缺失或变成弱劳动力'),
};

const typesText = (types: RiskType[]) => types.map((t) => RISK_TYPE_LABEL[t]).join('、');

export const decisionReasons = {
  includeByRisk: (types: RiskType[]) =>
    r(
      'identification.include_by_risk',
      `人均纯收入不低于监测线，但存在${typesText(types)}风险，建议纳入监测（须逐户分析、综合研判风险是否严重）`,
      { riskTypes: types.join(',') },
    ),
  countyReview: () =>
    r(
      'exclusion.county_review',
      '存在不纳入情形，但已记录家庭重大变故导致生活严重困难：须按程序报县级巩固脱贫攻坚推进乡村振兴领导小组，深入调查、综合研判后认定是否纳入，并向群众作出专门说明',
    ),
  category: (category: Category, triggers: string[]) => {
    const text: Record<Category, string> = {
      unstable: '该户为脱贫户，存在返贫风险，建议认定为脱贫不稳定户',
      sudden: `因${triggers.join('、')}导致基本生活出现严重困难，建议认定为突发严重困难户`,
      marginal: '该户不是脱贫户，存在致贫风险且无突发事件，建议认定为边缘易致贫户',
    };
    return r(`category.${category}`, text[category]);
  },
};

export const eliminationReasons = {
  wronglyIncluded: (majorFamilyEvent: boolean) =>
    r(
      'elimination.wrongly_included',
      majorFamilyEvent
        ? '存在不纳入情形，该户原则上不应纳入监测；已记录家庭重大变故，如系经县级领导小组研判纳入，请报县级领导小组复核'
        : '存在不纳入情形，该户不应纳入监测，应按纳入程序予以纠正',
    ),
  noLabor: (members: number) =>
    r('elimination.no_labor', '家庭成员均无劳动能力：落实兜底保障措施后不标注风险消除，继续监测、长期跟踪', {
      members,
    }),
  backstop: (backstop: 'dibao' | 'tekun' | null) =>
    backstop
      ? r('elimination.backstop_in_place', `已纳入${backstop === 'dibao' ? '农村低保' : '特困人员救助供养'}`, {
          backstop,
        })
      : r('elimination.backstop_missing', '尚未纳入农村低保或特困人员救助供养，应依规落实兜底保障'),
  conditionsMet: (perCapita: Fen, previous: Fen | null, line: Fen) =>
    r(
      'elimination.conditions_met',
      `人均纯收入${yuan(perCapita)}元${previous === null ? '' : `（上年${yuan(previous)}元）`}不低于监测线${yuan(line)}元，且各类风险均已消除，达到风险消除条件`,
      previous === null
        ? { perCapitaNetIncome: y(perCapita), monitoringLine: y(line) }
        : { perCapitaNetIncome: y(perCapita), previousPerCapitaNetIncome: y(previous), monitoringLine: y(line) },
    ),
  previousYearBelowLine: (previous: Fen, line: Fen) =>
    r(
      'elimination.previous_year_below_line',
      `上年人均纯收入${yuan(previous)}元低于监测线${yuan(line)}元，收入尚不稳定，继续帮扶`,
      {
        previousPerCapitaNetIncome: y(previous),
        monitoringLine: y(line),
      },
    ),
  riskRemaining: (types: RiskType[]) =>
    r('elimination.risk_remaining', `仍存在${typesText(types)}风险，风险未稳定消除，继续帮扶`, {
      riskTypes: types.join(','),
    }),
  consentRefused: () =>
    r('elimination.consent_refused', '农户不同意风险消除：已记录调查情况和原因，不影响按程序消除风险'),
  consentNotRecorded: () =>
    r('elimination.consent_not_recorded', '尚未记录农户是否同意风险消除，应在农户知情同意的前提下办理'),
};
