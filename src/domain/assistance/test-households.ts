import type { MemberFacts } from './household-facts.ts';
import type { PlanHousehold } from './suggest-plan.ts';

/** Test factories: one line per member or household (STYLE: factories). Not used by production code. */
export const member = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  status: 'normal',
  labor: 'full',
  health: 'healthy',
  disabilityLevel: null,
  education: null,
  age: 40,
  employment: 'local',
  ...over,
});

export const household = (over: Partial<PlanHousehold> = {}): PlanHousehold => ({
  riskTypes: [],
  category: 'marginal',
  members: [member()],
  stableWorkIncome: true,
  weakMotivation: false,
  backstop: null,
  existingMeasures: [],
  ...over,
});
