import {
  type AgeRules,
  describeMember,
  type HouseholdLabour,
  type MemberFacts,
  RISK_TYPE_NAMES,
  type RiskType,
} from './household-facts.ts';

/**
 * 缺什么补什么 (SPEC §9): for one risk type, the sub-types that fit this household, best first, each with the rule
 * that chose it and a Chinese reason naming the risk and the fact used. `suggestPlan` takes the first one the
 * region's catalogue has enabled. Labour decides the line: with labour, development measures (产业、就业); with
 * only weak labour, public-welfare jobs; without labour, protective ones (the backstop is proposed separately).
 */
export interface Candidate {
  readonly code: string;
  readonly rule: string;
  readonly reason: string;
}

export interface CandidateContext {
  readonly labour: HouseholdLabour;
  /** Normal members only (SPEC §7.3). */
  readonly members: readonly MemberFacts[];
  readonly ages: AgeRules;
}

const names = (ms: readonly MemberFacts[]) => ms.map(describeMember).join('、');
const c = (code: string, rule: string, reason: string): Candidate => ({ code, rule, reason });

function workRisk(risk: 'income' | 'industry_employment', ctx: CandidateContext): Candidate[] {
  const label = `${RISK_TYPE_NAMES[risk]}风险`;
  const fact = risk === 'income' ? '人均纯收入低于监测线' : '产业受损或劳动力未能稳定就业';
  const idle = ctx.members.filter((m) => m.labor === 'full' && (m.employment === null || m.employment === 'none'));
  const weak = ctx.members.filter((m) => m.labor === 'partial');
  if (ctx.labour === 'has' && idle.length > 0) {
    const why = `${label}：${fact}，${names(idle)}有劳动能力但未就业`;
    return [
      c('job_placement', `${risk}.labour_idle`, `${why}，促进转移就业增收`),
      c('local_employment', `${risk}.labour_idle`, `${why}，安排就地就近务工`),
      c('skills_training', `${risk}.labour_idle`, `${why}，先开展职业技能培训`),
    ];
  }
  if (ctx.labour === 'has') {
    const why = `${label}：${fact}，家庭劳动力均已就业`;
    return [
      c('industry_support', `${risk}.labour_employed`, `${why}，发展特色产业增加经营性收入`),
      ...(risk === 'industry_employment'
        ? [c('agri_insurance', `${risk}.labour_employed`, `${why}，落实农业保险降低产业受损风险`)]
        : []),
      c('microcredit', `${risk}.labour_employed`, `${why}，落实小额信贷支持发展生产`),
      c('local_employment', `${risk}.labour_employed`, `${why}，安排就地就近务工增加工资性收入`),
    ];
  }
  if (ctx.labour === 'partial') {
    const why = `${label}：${fact}，家庭仅有弱劳动力（${names(weak)}）`;
    return [
      c('public_welfare_job', `${risk}.labour_partial`, `${why}，安排公益性岗位就近就业`),
      c('local_employment', `${risk}.labour_partial`, `${why}，安排力所能及的就近务工`),
    ];
  }
  // No labour: the backstop proposal answers these risks; when none is proposed, relief.
  return [c('temp_relief', `${risk}.no_labour`, `${label}：${fact}，家庭无劳动能力，及时落实临时救助`)];
}

function otherRisk(ctx: CandidateContext): Candidate[] {
  const disabled = ctx.members.filter((m) => m.health === 'disabled');
  if (ctx.labour === 'partial') {
    const weak = ctx.members.filter((m) => m.labor === 'partial');
    return [
      c(
        'public_welfare_job',
        'other.labour_weakened',
        `其他风险：主要劳动力缺失或变为弱劳动力，家庭仅有弱劳动力（${names(weak)}），安排公益性岗位就近就业`,
      ),
      c(
        'temp_relief',
        'other.rigid_expenditure',
        '其他风险：因灾、因意外大额刚性支出或主要劳动力缺失，及时落实临时救助',
      ),
    ];
  }
  return [
    c('temp_relief', 'other.rigid_expenditure', '其他风险：因灾、因意外大额刚性支出或主要劳动力缺失，及时落实临时救助'),
    ...(disabled.length > 0
      ? [c('disability_subsidy', 'other.disabled_member', `其他风险：${names(disabled)}为残疾人，落实残疾人两项补贴`)]
      : []),
  ];
}

function educationRisk(ctx: CandidateContext): Candidate[] {
  const { compulsoryAgeMin: min, compulsoryAgeMax: max } = ctx.ages;
  const dropouts = ctx.members.filter((m) => m.education === 'dropout');
  const compulsoryDropouts = dropouts.filter((m) => m.age >= min && m.age <= max);
  const pick = (e: MemberFacts['education']) => ctx.members.filter((m) => m.education === e);
  if (compulsoryDropouts.length > 0) {
    const who = names(compulsoryDropouts);
    return [
      c('dropout_return', 'education.compulsory_dropout', `教育风险：${who}在义务教育阶段失学辍学，劝返复学或送教上门`),
    ];
  }
  const out: Candidate[] = [];
  if (dropouts.length > 0) {
    const who = names(dropouts);
    out.push(
      c(
        'yulu',
        'education.older_dropout',
        `教育风险：${who}已过义务教育年龄而辍学，引导接受职业教育并落实雨露计划补助`,
      ),
    );
  }
  const vocational = pick('vocational');
  if (vocational.length > 0) {
    out.push(c('yulu', 'education.vocational', `教育风险：${names(vocational)}在读中高职，落实雨露计划职业教育补助`));
  }
  const university = pick('university');
  if (university.length > 0) {
    out.push(
      c('student_loan', 'education.university', `教育风险：${names(university)}在读大学，办理生源地信用助学贷款`),
    );
  }
  const highSchool = pick('high_school');
  if (highSchool.length > 0) {
    out.push(
      c('scholarship', 'education.high_school', `教育风险：${names(highSchool)}在读高中，落实国家助学金等奖助学金`),
    );
  }
  const compulsory = pick('compulsory');
  if (compulsory.length > 0) {
    out.push(
      c('boarding_subsidy', 'education.compulsory', `教育风险：${names(compulsory)}在读义务教育，落实寄宿生生活补助`),
    );
  }
  return out;
}

function medicalRisk(ctx: CandidateContext): Candidate[] {
  const ill = ctx.members.filter((m) => m.health !== 'healthy');
  const uninsured = ill.filter((m) => m.insuredMedical === false);
  const serious = ctx.members.filter((m) => m.health === 'serious');
  const chronic = ctx.members.filter((m) => m.health === 'chronic');
  const out: Candidate[] = [];
  if (uninsured.length > 0) {
    const who = names(uninsured);
    out.push(c('basic_medical_insurance', 'medical.uninsured', `医疗风险：${who}患病但未参加基本医疗保险，资助参保`));
  }
  if (serious.length > 0) {
    const who = names(serious);
    out.push(
      c(
        'medical_assistance',
        'medical.serious_illness',
        `医疗风险：${who}患大病，经基本医保和大病保险报销后自付仍高，落实医疗救助`,
      ),
      c('serious_disease_treatment', 'medical.serious_illness', `医疗风险：${who}患大病，落实大病专项救治`),
    );
  }
  if (chronic.length > 0) {
    const who = names(chronic);
    out.push(c('chronic_disease_service', 'medical.chronic', `医疗风险：${who}患慢性病，落实慢病签约服务`));
  }
  out.push(c('medical_assistance', 'medical.out_of_pocket', '医疗风险：医疗费用自付较高造成生活困难，落实医疗救助'));
  return out;
}

/** Preferred sub-types for one risk, best first (SPEC §9). */
export function candidatesFor(risk: RiskType, ctx: CandidateContext): Candidate[] {
  switch (risk) {
    case 'income':
    case 'industry_employment':
      return workRisk(risk, ctx);
    case 'other':
      return otherRisk(ctx);
    case 'education':
      return educationRisk(ctx);
    case 'medical':
      return medicalRisk(ctx);
    case 'housing':
      return [
        c(
          'dangerous_house_renovation',
          'housing.dangerous',
          '住房风险：住房鉴定为危房（C级或D级）且无力改造，落实农村危房改造',
        ),
        c('disaster_rebuild', 'housing.disaster', '住房风险：住房因灾受损，落实恢复重建'),
      ];
    case 'water':
      return [
        c('water_safety_project', 'water.unsafe', '饮水风险：饮水安全未达标且自身无力解决，落实安全饮水提升工程'),
        c('tap_water_connection', 'water.unsafe', '饮水风险：饮水安全未达标，落实自来水入户管网改造'),
      ];
  }
}
