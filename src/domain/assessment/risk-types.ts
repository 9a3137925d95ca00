import { ageOn } from '../id-number.ts';
import type { Fen } from '../money.ts';
import { type CheckedHousehold, type Reason, RISK_TYPE_ORDER, type RiskType } from './assessment.types.ts';
import { type HouseholdFigures, incomeDrop } from './income-figures.ts';
import { educationReasons, incomeDropReason, incomeVsLine, medicalReasons, otherRiskReasons } from './reasons.ts';
import { type ResolvedThresholds, reachesShare, shareOf } from './thresholds.ts';

/**
 * 义务教育适龄 (compulsory-education age) is counted in whole years on 1 September of the assessed year — the start of
 * the school year. The range itself is a threshold (`compulsoryEducationAgeFrom/To`, default 6–16), set per region.
 */
const COMPULSORY_AGE_ON = '09-01';

const SUDDEN_EVENT_TEXT = {
  illness: '突发疾病',
  disaster: '自然灾害',
  accident: '意外事故',
  other: '突发变故',
} as const;

export interface RiskFindings {
  types: RiskType[];
  reasons: Reason[];
  /** What makes the household "sudden" (SPEC §7.3 step 4): the cost/fall rules that fired and a recorded event. */
  suddenTriggers: string[];
}

/**
 * The risk types of SPEC §7.3 step 2 (the six areas of 会泽 §(三)1 plus income), each with its reason. Only counted
 * members are looked at. Rules that were checked and did not fire give a reason only when there is a figure to
 * explain (a medical cost, a disaster cost, a previous year's income), so a household with nothing recorded gets the
 * income reason and nothing else.
 */
export function findRiskTypes(
  h: CheckedHousehold,
  f: HouseholdFigures,
  line: Fen,
  t: ResolvedThresholds,
  year: number,
): RiskFindings {
  const types = new Set<RiskType>();
  const reasons: Reason[] = [];
  const suddenTriggers: string[] = [];
  const path = `households[${h.index}]`;

  // income: strictly below the line; equal is not below.
  reasons.push(incomeVsLine(f.perCapita, line));
  if (f.perCapita < line) types.add('income');

  // education: a counted member of compulsory-education age has dropped out, or the dropout fact is recorded.
  const onDate = `${year}-${COMPULSORY_AGE_ON}`;
  const compulsory = t.compulsoryEducationAge;
  for (const m of h.members) {
    if (m.status !== 'normal' || m.education !== 'dropout') continue;
    const age = ageOn(m.birthDate, onDate);
    const field = `${path}.members[${m.index}].education`;
    if (age >= compulsory.from && age <= compulsory.to) {
      types.add('education');
      reasons.push(educationReasons.compulsoryDropout(m, age, field));
    } else reasons.push(educationReasons.dropoutOutsideAge(m, age, field));
  }
  if (h.risks.dropout) {
    types.add('education');
    reasons.push(educationReasons.dropoutRecorded());
  }

  // medical: cost ≥ share × net income or ≥ amount, or unaffordable. A zero cost never fires the share rule, and
  // with a net income ≤ 0 any positive cost is at least the share of it.
  const medical = h.rigidExpenditure.medical;
  const shareAmount = shareOf(f.netIncome, t.medicalShareBp);
  const byShare = medical > 0 && reachesShare(medical, f.netIncome, t.medicalShareBp);
  const byAmount = medical > 0 && medical >= t.medicalAmountFen;
  if (byShare) reasons.push(medicalReasons.shareOfIncome(medical, f.netIncome, t.medicalShareBp, shareAmount));
  if (byAmount) reasons.push(medicalReasons.amount(medical, t.medicalAmountFen));
  if (byShare || byAmount) suddenTriggers.push('大额医疗支出');
  else if (medical > 0)
    reasons.push(medicalReasons.belowThreshold(medical, t.medicalShareBp, shareAmount, t.medicalAmountFen));
  if (h.risks.medicalUnaffordable) reasons.push(medicalReasons.unaffordable());
  if (byShare || byAmount || h.risks.medicalUnaffordable) types.add('medical');

  // housing: appraised C or D.
  const grade = h.risks.housingAppraisal;
  if (grade === 'C' || grade === 'D') {
    types.add('housing');
    reasons.push(otherRiskReasons.housing(grade));
  }

  // water: drinking water unsafe.
  if (h.risks.waterUnsafe) {
    types.add('water');
    reasons.push(otherRiskReasons.water());
  }

  // industry_employment: business loss recorded, or family net income fell by ≥ share from the previous year.
  if (h.risks.industryLoss) {
    types.add('industry_employment');
    reasons.push(otherRiskReasons.industryLoss());
  }
  const drop = incomeDrop(f.previousNetIncome, f.netIncome, t.incomeDropShareBp);
  reasons.push(incomeDropReason(drop, t.incomeDropShareBp));
  if (drop.kind === 'drop' && drop.fired) {
    types.add('industry_employment');
    suddenTriggers.push('收入大幅缩减');
  }

  // other: disaster plus accident costs ≥ amount, or loss of the main labourer.
  const { disaster, accident } = h.rigidExpenditure;
  const disasterTotal = (disaster + accident) as Fen;
  if (disasterTotal > 0 && disasterTotal >= t.disasterAmountFen) {
    types.add('other');
    suddenTriggers.push('灾害或意外事故大额支出');
    reasons.push(otherRiskReasons.disasterAccident(disaster, accident, t.disasterAmountFen));
  } else if (disasterTotal > 0) {
    reasons.push(otherRiskReasons.disasterAccidentBelow(disaster, accident, t.disasterAmountFen));
  }
  if (h.risks.laborLoss) {
    types.add('other');
    reasons.push(otherRiskReasons.laborLoss());
  }

  if (h.suddenEvent) suddenTriggers.push(SUDDEN_EVENT_TEXT[h.suddenEvent]);
  return { types: RISK_TYPE_ORDER.filter((x) => types.has(x)), reasons, suddenTriggers };
}
