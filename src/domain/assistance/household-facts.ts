/**
 * Household facts the assistance rules read (SPEC §4.2, §5): risk types, categories, members' labour capacity,
 * and the two derived facts the rules turn on — the household's labour capacity and whether it looks like a
 * 特困 (extreme-poverty support) case. Pure data and functions.
 */

/** 风险类型 (SPEC §5.2): the six areas of 会泽 §(三)1 plus income below the line. */
export type RiskType = 'income' | 'education' | 'medical' | 'housing' | 'water' | 'industry_employment' | 'other';

export const RISK_TYPES: readonly RiskType[] = [
  'income',
  'education',
  'medical',
  'housing',
  'water',
  'industry_employment',
  'other',
];

/** Chinese names shown in reasons and on the 明白卡 (SPEC §16). */
export const RISK_TYPE_NAMES: Readonly<Record<RiskType, string>> = {
  income: '收入',
  education: '教育',
  medical: '医疗',
  housing: '住房',
  water: '饮水',
  industry_employment: '产业就业',
  other: '其他',
};

/** 三类监测对象 (SPEC §5.1). */
export type Category = 'unstable' | 'marginal' | 'sudden';

export const CATEGORY_NAMES: Readonly<Record<Category, string>> = {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden: '突发严重困难户',
};

export type MemberStatus = 'normal' | 'deceased' | 'imprisoned' | 'missing' | 'not_sharing';
export type Labor = 'full' | 'partial' | 'none' | 'not_working_age';
export type Health = 'healthy' | 'chronic' | 'serious' | 'disabled';
export type Education = 'preschool' | 'compulsory' | 'high_school' | 'vocational' | 'university' | 'dropout';
export type Employment = 'local' | 'outside' | 'public_welfare' | 'none';

/** One person as the assistance rules see them (SPEC §4.2); `name` is optional and only used in reasons. */
export interface MemberFacts {
  name?: string;
  status: MemberStatus;
  labor: Labor;
  health: Health;
  disabilityLevel: number | null;
  education: Education | null;
  age: number;
  employment: Employment | null;
  /** Basic medical insurance (SPEC §4.2); unknown when absent. */
  insuredMedical?: boolean;
}

/** Labour-capacity summary of SPEC §4.1: has (someone with full capacity) / partial / none. */
export type HouseholdLabour = 'has' | 'partial' | 'none';

export const HOUSEHOLD_LABOUR_NAMES: Readonly<Record<HouseholdLabour, string>> = {
  has: '有劳动能力',
  partial: '仅有弱劳动力（部分丧失劳动能力）',
  none: '无劳动能力',
};

/** Only `normal` members count (SPEC §7.2 item 9, §7.3). */
export const normalMembers = (members: readonly MemberFacts[]) => members.filter((m) => m.status === 'normal');

/**
 * The household's labour capacity from its normal members (SPEC §4.1, §7.3 elimination step 2): `has` when one has
 * full capacity, `partial` when the best is partial, `none` when no normal member has any.
 */
export function householdLabour(members: readonly MemberFacts[]): HouseholdLabour {
  const normal = normalMembers(members);
  if (normal.some((m) => m.labor === 'full')) return 'has';
  if (normal.some((m) => m.labor === 'partial')) return 'partial';
  return 'none';
}

/**
 * Ages used by the rules; defaults are the legal ages (老年人 60周岁; 特困 covers minors under 16; 义务教育 6–16).
 * They are region settings (SPEC §3): the 特困 ages are `assistance.tekunAges`, the compulsory-education range is the
 * one the assessment uses (`assessment.thresholds`, compulsoryEducationAgeFrom/To); the services pass them in.
 */
export interface AgeRules {
  elderlyAge: number;
  tekunMinorAge: number;
  compulsoryAgeMin: number;
  compulsoryAgeMax: number;
}

export const DEFAULT_AGE_RULES: AgeRules = {
  elderlyAge: 60,
  tekunMinorAge: 16,
  compulsoryAgeMin: 6,
  compulsoryAgeMax: 16,
};

/** The 特困 age heuristics of a region (setting `assistance.tekunAges`): 老年人 from, and minors under, these ages. */
export type TekunAges = Pick<AgeRules, 'elderlyAge' | 'tekunMinorAge'>;

export const DEFAULT_TEKUN_AGES: Readonly<TekunAges> = Object.freeze({
  elderlyAge: DEFAULT_AGE_RULES.elderlyAge,
  tekunMinorAge: DEFAULT_AGE_RULES.tekunMinorAge,
});

const TEKUN_AGE_LIMITS: Record<keyof TekunAges, { min: number; max: number; name: string }> = {
  elderlyAge: { min: 50, max: 80, name: '老年人起始年龄' },
  tekunMinorAge: { min: 1, max: 25, name: '未成年人年龄上限' },
};

/** Checks a (partial) `assistance.tekunAges` value: whole years in a plausible range, no unknown keys. */
export function checkTekunAges(raw: unknown): string[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return ['特困年龄设置应为对象'];
  const errors: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const limit = TEKUN_AGE_LIMITS[key as keyof TekunAges];
    if (!limit) errors.push(`不认识的特困年龄设置：${key}`);
    else if (!Number.isInteger(value) || (value as number) < limit.min || (value as number) > limit.max) {
      errors.push(`${limit.name}（${key}）应为${limit.min}至${limit.max}之间的整数周岁`);
    }
  }
  return errors;
}

/** The rules' ages from a region's settings (checked with `checkTekunAges`), defaults filling what is not set. */
export function ageRulesOf(tekun: Partial<TekunAges>, compulsory: { from: number; to: number }): AgeRules {
  return {
    elderlyAge: tekun.elderlyAge ?? DEFAULT_TEKUN_AGES.elderlyAge,
    tekunMinorAge: tekun.tekunMinorAge ?? DEFAULT_TEKUN_AGES.tekunMinorAge,
    compulsoryAgeMin: compulsory.from,
    compulsoryAgeMax: compulsory.to,
  };
}

/**
 * Approximates 特困 (SPEC §9; 特困人员救助供养: elderly, disabled or minors under 16 with no capacity to work, no
 * income and no legal supporter able to support them). The registry does not hold supporters outside the household,
 * so this holds when every normal member has no labour capacity (none / not of working age) and is elderly,
 * disabled or a minor — nobody in the household can support the others. Civil affairs decides; this only proposes.
 */
export function looksLikeTekun(members: readonly MemberFacts[], ages: AgeRules = DEFAULT_AGE_RULES): boolean {
  const normal = normalMembers(members);
  return (
    normal.length > 0 &&
    normal.every(
      (m) =>
        (m.labor === 'none' || m.labor === 'not_working_age') &&
        (m.age >= ages.elderlyAge || m.age < ages.tekunMinorAge || m.health === 'disabled'),
    )
  );
}

/** "张三（45岁）" or "一名45岁成员": how reasons name a member. */
export const describeMember = (m: MemberFacts) => (m.name ? `${m.name}（${m.age}岁）` : `一名${m.age}岁成员`);
