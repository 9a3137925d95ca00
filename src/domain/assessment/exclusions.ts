import type { CheckedHousehold, CheckedMember, Reason, Relation } from './assessment.types.ts';
import { memberLabel } from './reasons.ts';

/**
 * 不纳入监测对象的10类情形, in the wording of the 会泽 implementation plan (SPEC §7.2). Item 9 concerns persons and
 * is applied to the member count (SPEC §7.3 step 1), so it never appears in a result's `exclusions`.
 */
export const EXCLUSION_SITUATIONS: Readonly<Record<number, string>> = Object.freeze({
  1: '有家庭成员或户主的父母、配偶、子女为国家公职人员的',
  2: '有家庭成员任“村三委”干部并定期领取薪酬的',
  3: '购买了消费型汽车的',
  4: '在城镇拥有自建房或购买商品房、门面房以及其他经营用房的',
  5: '在市场监管部门注册登记公司、企业并实际开展经营活动的',
  6: '种植、养殖大户或雇佣他人从事生产经营活动的',
  7: '为享受监测对象帮扶支持，故意分户、并户，不符合监测对象识别条件的',
  8: '空挂户或为套取帮扶支持将户口迁入村组的空挂人口',
  9: '死亡人员、服刑人员、失踪人员以及与户主不共享开支或收入的人员',
  10: '纳入失信惩戒不符合监测对象识别条件的',
});

/** Household-level facts of formats/assessment.md `exclusions`, with their item number and rule code. */
const HOUSEHOLD_FACTS = [
  { key: 'consumerCar', item: 3, rule: 'exclusion.consumer_car' },
  { key: 'urbanProperty', item: 4, rule: 'exclusion.urban_property' },
  { key: 'registeredCompany', item: 5, rule: 'exclusion.registered_company' },
  { key: 'largeScaleOperator', item: 6, rule: 'exclusion.large_scale_operator' },
  { key: 'deliberateSplit', item: 7, rule: 'exclusion.deliberate_split' },
  { key: 'emptyRegistration', item: 8, rule: 'exclusion.empty_registration' },
  { key: 'creditDefaulter', item: 10, rule: 'exclusion.credit_defaulter' },
] as const;

/** The head's parent, spouse or child (item 1 covers them even when they are not counted members). */
const CLOSE_RELATIVES: readonly Relation[] = ['parent', 'spouse', 'child'];

export interface ExclusionFindings {
  /** Item numbers of SPEC §7.2 that apply, ascending, without duplicates. */
  items: number[];
  reasons: Reason[];
}

const situation = (item: number) => `属于不纳入监测对象的第${item}类情形：${EXCLUSION_SITUATIONS[item]}`;

/**
 * Which exclusion situations hold (SPEC §7.2 items 1–8 and 10), each with the data it came from (the field path),
 * so an exclusion is never applied silently. Member facts count for `normal` members; a public servant who is the
 * head's parent, spouse or child counts whatever the member's status (not sharing income does not change the
 * kinship the document names), except a deceased one.
 */
export function findExclusions(h: CheckedHousehold): ExclusionFindings {
  const path = `households[${h.index}]`;
  const reasons: Reason[] = [];
  const items = new Set<number>();
  const add = (item: number, rule: string, text: string, field: string) => {
    items.add(item);
    reasons.push({ rule, text, figures: { exclusion: item, field } });
  };

  const isPublicServantCase = (m: CheckedMember) =>
    m.publicServant && (m.status === 'normal' || (m.status !== 'deceased' && CLOSE_RELATIVES.includes(m.relation)));
  for (const m of h.members) {
    const field = `${path}.members[${m.index}]`;
    if (isPublicServantCase(m)) {
      add(
        1,
        'exclusion.public_servant',
        `成员${memberLabel(m)}为国家公职人员，${situation(1)}`,
        `${field}.publicServant`,
      );
    }
  }
  if (h.closeRelativePublicServant) {
    add(
      1,
      'exclusion.close_relative_public_servant',
      `户主的父母、配偶或子女中有国家公职人员，${situation(1)}`,
      `${path}.closeRelativePublicServant`,
    );
  }
  for (const m of h.members) {
    if (m.paidVillageCadre && m.status === 'normal') {
      add(
        2,
        'exclusion.paid_village_cadre',
        `成员${memberLabel(m)}任村“三委”干部并定期领取薪酬，${situation(2)}`,
        `${path}.members[${m.index}].paidVillageCadre`,
      );
    }
  }
  for (const fact of HOUSEHOLD_FACTS) {
    if (h.exclusions[fact.key]) add(fact.item, fact.rule, situation(fact.item), `${path}.exclusions.${fact.key}`);
  }
  return { items: [...items].sort((a, b) => a - b), reasons };
}
