import {
  type AgeRules,
  CATEGORY_NAMES,
  type Category,
  DEFAULT_AGE_RULES,
  describeMember,
  HOUSEHOLD_LABOUR_NAMES,
  type HouseholdLabour,
  householdLabour,
  looksLikeTekun,
  type MemberFacts,
  normalMembers,
  RISK_TYPE_NAMES,
  RISK_TYPES,
  type RiskType,
} from './household-facts.ts';
import {
  type CatalogueEntry,
  DEPARTMENT_NAMES,
  type DepartmentCode,
  enabledSubtype,
  type LineOfDefence,
  type MeasureCatalogue,
  type MeasureType,
} from './measure-catalogue.ts';
import { type Candidate, candidatesFor } from './plan-candidates.ts';
import { type ExistingMeasure, isAnswering } from './risk-colour.ts';

export { assessRiskColour, riskColour, riskGaps } from './risk-colour.ts';

/** What `suggestPlan` reads about a monitored household (SPEC §4.1, §4.2, §5). */
export interface PlanHousehold {
  readonly riskTypes: readonly RiskType[];
  readonly category: Category | null;
  readonly members: readonly MemberFacts[];
  /** Some member has a stable income from work (稳定务工收入 / 通过产业就业获得稳定收入). */
  readonly stableWorkIncome: boolean;
  /** 内生动力不足, as judged by the village. */
  readonly weakMotivation: boolean;
  readonly backstop: 'dibao' | 'tekun' | null;
  readonly existingMeasures: readonly ExistingMeasure[];
}

export interface SuggestedMeasure {
  readonly subtype: string;
  readonly name: string;
  readonly type: MeasureType;
  readonly lineOfDefence: LineOfDefence;
  /** Risk types this measure answers for the household; empty for 扶志扶智 and a backstop that guarantees basic living. */
  readonly answersRisks: RiskType[];
  /** Stable rule code(s) that chose it, for audit and tests. */
  readonly rule: string;
  /** Chinese: the risk and the fact that led to it. */
  readonly reason: string;
  readonly department: DepartmentCode;
  readonly departmentName: string;
  /** 1 = first; development before protective before spiritual. */
  readonly priority: number;
}

/** A referral to civil affairs (SPEC §9, 枣庄 两项机制衔接): civil affairs decides under its own rules. */
export interface BackstopProposal {
  readonly kind: 'dibao' | 'tekun';
  readonly department: 'civil_affairs';
  readonly reason: string;
}

export interface PlanSuggestion {
  readonly measures: SuggestedMeasure[];
  readonly notes: string[];
  readonly backstopProposal?: BackstopProposal;
  /** Risk types left without an answer because the region's catalogue offers no usable sub-type. */
  readonly gaps: RiskType[];
}

const BACKSTOP_CODES = new Set(['dibao', 'tekun']);
const LINE_RANK: Record<LineOfDefence, number> = { development: 0, protective: 1, spiritual: 2 };

interface Draft {
  entry: CatalogueEntry;
  risks: RiskType[];
  rules: string[];
  reasons: string[];
}

function proposeBackstop(
  h: PlanHousehold,
  labour: HouseholdLabour,
  current: 'dibao' | 'tekun' | null,
  ages: AgeRules,
  notes: string[],
): BackstopProposal | undefined {
  if (labour === 'has') return undefined;
  if (h.stableWorkIncome) {
    notes.push(`家庭${HOUSEHOLD_LABOUR_NAMES[labour]}，但有稳定务工收入，暂不提出兜底保障`);
    return undefined;
  }
  const normal = normalMembers(h.members);
  const kind = looksLikeTekun(normal, ages) ? 'tekun' : 'dibao';
  if (current === 'tekun' || current === kind) {
    notes.push(`家庭已享受${current === 'tekun' ? '特困人员救助供养' : '农村低保'}，不重复提出兜底保障`);
    return undefined;
  }
  const work = `家庭${HOUSEHOLD_LABOUR_NAMES[labour]}，且无法通过产业就业获得稳定收入`;
  if (kind === 'dibao') {
    return { kind, department: 'civil_affairs', reason: `${work}，建议民政部门按规定核查纳入农村低保` };
  }
  const who = normal.map(describeMember).join('、');
  const now = current === 'dibao' ? '现享受农村低保，' : '';
  return {
    kind,
    department: 'civil_affairs',
    reason:
      `${work}；家庭成员（${who}）均无劳动能力，且均为老年人、残疾人或未满${ages.tekunMinorAge}周岁的未成年人，` +
      `户内无人能履行赡养、抚养、扶养义务，${now}建议民政部门核查户外法定义务人情况和特困人员救助供养条件`,
  };
}

/**
 * Suggests an assistance plan by 缺什么补什么 (SPEC §9; 博尔塔拉 §六, 会泽 §四(一)): one targeted measure per
 * open risk — a single risk gets a single measure, several risks a combined plan, and one measure that answers
 * several risks is listed once (no stacking, 福利陷阱); development measures first when the household has labour
 * (public-welfare jobs when it has only weak labour); a backstop proposal to civil affairs when there is no full
 * labour and no stable work income (特困 when `looksLikeTekun`); 扶志扶智 for weak motivation; nothing for a risk an
 * answering existing measure already meets. The catalogue is the region's merged one (`mergeCatalogue`).
 */
export function suggestPlan(
  h: PlanHousehold,
  catalogue: MeasureCatalogue,
  ages: AgeRules = DEFAULT_AGE_RULES,
): PlanSuggestion {
  const notes: string[] = [];
  const members = normalMembers(h.members);
  const labour = householdLabour(members);
  const existing = h.existingMeasures.filter(isAnswering);
  const existingCodes = new Set(existing.map((m) => m.subtype));
  const currentBackstop =
    h.backstop ?? (existingCodes.has('tekun') ? 'tekun' : existingCodes.has('dibao') ? 'dibao' : null);
  if (currentBackstop) existingCodes.add(currentBackstop);

  const answeredBy = new Map<RiskType, string>();
  for (const m of existing) for (const r of m.answersRisks) if (!answeredBy.has(r)) answeredBy.set(r, m.subtype);
  if (currentBackstop) {
    for (const r of catalogue.find((e) => e.code === currentBackstop)?.answersRisks ?? ['income']) {
      if (!answeredBy.has(r)) answeredBy.set(r, currentBackstop);
    }
  }
  const nameOf = (code: string) => catalogue.find((e) => e.code === code)?.name ?? code;

  const open = RISK_TYPES.filter((r) => h.riskTypes.includes(r));
  const toPlan: RiskType[] = [];
  for (const r of open) {
    const by = answeredBy.get(r);
    if (by) notes.push(`${RISK_TYPE_NAMES[r]}风险已有帮扶措施「${nameOf(by)}」，不重复安排`);
    else toPlan.push(r);
  }

  const drafts = new Map<string, Draft>();
  const add = (entry: CatalogueEntry, risk: RiskType | null, rule: string, reason: string) => {
    const d = drafts.get(entry.code) ?? { entry, risks: [], rules: [], reasons: [] };
    if (risk) d.risks.push(risk);
    d.rules.push(rule);
    d.reasons.push(reason);
    drafts.set(entry.code, d);
  };
  const usable = (code: string, risk: RiskType | null) => {
    const e = enabledSubtype(catalogue, code);
    if (!e || existingCodes.has(code)) return undefined;
    if (risk && !e.answersRisks.includes(risk)) return undefined;
    if (e.needsLaborCapacity && labour === 'none') return undefined;
    return e;
  };

  const backstopProposal = proposeBackstop(h, labour, currentBackstop, ages, notes);
  const backstopEntry = backstopProposal && enabledSubtype(catalogue, backstopProposal.kind);
  if (backstopProposal && !backstopEntry)
    notes.push(`本地措施目录中没有「${backstopProposal.kind}」，请人工转民政部门`);

  const gaps: RiskType[] = [];
  const ctx = { labour, members, ages };
  for (const risk of toPlan) {
    if (labour === 'none' && backstopEntry && backstopEntry.answersRisks.includes(risk)) {
      add(backstopEntry, risk, `${risk}.backstop`, `${RISK_TYPE_NAMES[risk]}风险：${backstopProposal?.reason}`);
      continue;
    }
    const preferred = candidatesFor(risk, ctx).find((cand) => usable(cand.code, risk));
    const chosen: Candidate | undefined = preferred ?? fallback(catalogue, risk, labour, usable);
    if (!chosen) {
      gaps.push(risk);
      notes.push(`${RISK_TYPE_NAMES[risk]}风险在本地措施目录中没有可用的措施，请县级补充目录或人工安排`);
      continue;
    }
    add(usable(chosen.code, risk) as CatalogueEntry, risk, chosen.rule, chosen.reason);
  }
  if (backstopProposal && backstopEntry && !drafts.has(backstopEntry.code)) {
    add(backstopEntry, null, 'backstop.basic_living', `保障基本生活（无稳定收入）：${backstopProposal.reason}`);
  }

  if (h.weakMotivation) {
    const has = [...existingCodes].some(
      (code) => catalogue.find((e) => e.code === code)?.lineOfDefence === 'spiritual',
    );
    const spiritual = ['zhi_encouragement', 'zhi_skills_training', ...catalogue.map((e) => e.code)]
      .map((code) => usable(code, null))
      .find((e) => e?.lineOfDefence === 'spiritual');
    const why = '家庭成员内生动力不足，持续扶志扶智，激发内生动力、增强发展能力';
    if (has) notes.push('内生动力不足：已有扶志扶智措施，不重复安排');
    else if (spiritual) add(spiritual, null, 'motivation.weak', why);
    else notes.push('内生动力不足，但本地措施目录中没有精神型措施，请人工安排扶志扶智');
  }

  const measures = [...drafts.values()]
    .sort((a, b) => sortKey(a) - sortKey(b))
    .map((d, i) => ({
      subtype: d.entry.code,
      name: d.entry.name,
      type: d.entry.type,
      lineOfDefence: d.entry.lineOfDefence,
      answersRisks: d.risks,
      rule: d.rules.join(','),
      reason: d.reasons.join('；'),
      department: d.entry.department,
      departmentName: DEPARTMENT_NAMES[d.entry.department],
      priority: i + 1,
    }));

  if (toPlan.length === 1) notes.push('风险单一，实施单项措施，防止陷入福利陷阱');
  if (toPlan.length > 1) notes.push('风险复杂多样，因户施策落实综合性帮扶措施');
  if (labour === 'has' && toPlan.length > 0) notes.push('家庭有劳动能力，坚持开发式帮扶，发展型措施优先');
  if (labour === 'none') notes.push('家庭无劳动能力：落实社会保障措施后暂不标注风险消除，长期跟踪监测');
  if (h.category === 'sudden') notes.push(`${CATEGORY_NAMES.sudden}：帮扶措施应即时落实`);
  if (open.length === 0) notes.push('未登记风险类型，无需安排针对性措施');
  return { measures, notes, gaps, ...(backstopProposal ? { backstopProposal } : {}) };
}

/** Development measures first, the backstop first among protective ones, then by the first risk answered. */
function sortKey(d: Draft): number {
  const first = d.risks.length > 0 ? RISK_TYPES.indexOf(d.risks[0] as RiskType) : RISK_TYPES.length;
  const within = BACKSTOP_CODES.has(d.entry.code) ? -1 : first;
  return LINE_RANK[d.entry.lineOfDefence] * 100 + within;
}

/** Any enabled sub-type answering the risk that fits the household's labour, in catalogue order. */
function fallback(
  catalogue: MeasureCatalogue,
  risk: RiskType,
  labour: HouseholdLabour,
  usable: (code: string, risk: RiskType) => CatalogueEntry | undefined,
): Candidate | undefined {
  const fits = catalogue.filter(
    (e) => !BACKSTOP_CODES.has(e.code) && e.lineOfDefence !== 'spiritual' && usable(e.code, risk),
  );
  const preferDevelopment = labour !== 'none';
  const ranked = [...fits].sort(
    (a, b) =>
      Number(preferDevelopment !== (a.lineOfDefence === 'development')) -
      Number(preferDevelopment !== (b.lineOfDefence === 'development')),
  );
  const e = ranked[0];
  if (!e) return undefined;
  return {
    code: e.code,
    rule: `${risk}.catalogue`,
    reason: `${RISK_TYPE_NAMES[risk]}风险：家庭${HOUSEHOLD_LABOUR_NAMES[labour]}，本地措施目录中「${e.name}」可应对该风险`,
  };
}
