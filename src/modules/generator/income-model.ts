import type { PersonAttributes } from './person-attributes.ts';
import type { Prng } from './prng.ts';

/**
 * Yearly income and rigid expenditure of a synthetic household (SPEC §4.3), in whole yuan, built from its members:
 * wages from outside/local/public-welfare work, farming and a few larger businesses, land rents and dividends,
 * pensions, subsidies, support from children living elsewhere and the backstop (低保/特困). Tuned so that the
 * per-capita net income has a median around 14–18k yuan and 3–5% of households fall below 7,500 yuan — the
 * monitoring lines of SPEC §4.4 then pick out a realistic few percent.
 */
export interface IncomeYear {
  year: number;
  wage: number;
  businessGross: number;
  businessCost: number;
  property: number;
  transfer: number;
  medicalExpense: number;
  educationExpense: number;
  disasterLoss: number;
  accidentExpense: number;
  /** Co-living (`normal`) members: the divisor of the per-capita figure. */
  memberCount: number;
}

export interface IncomeMember extends PersonAttributes {
  age: number;
}

export interface HouseholdIncome {
  backstop: 'dibao' | 'tekun' | null;
  current: IncomeYear;
  previous: IncomeYear;
}

const r = Math.round;

function earned(rng: Prng, members: IncomeMember[]) {
  let wage = 0;
  let farmers = 0;
  for (const p of members) {
    const share = p.labor === 'partial' ? 0.6 : 1;
    const months = p.employmentMonths ?? 0;
    if (p.employment === 'outside') wage += rng.logNormal(4000, 0.2) * months * share;
    else if (p.employment === 'local') wage += rng.logNormal(2500, 0.25) * months * share;
    else if (p.employment === 'public_welfare') wage += rng.int(500, 800) * months;
    else if (p.employment === 'none' && p.labor === 'full' && rng.chance(0.6)) wage += rng.int(1500, 8000); // 零工
    if (p.labor === 'full' || p.labor === 'partial') farmers += p.employment === 'outside' && months >= 9 ? 0.2 : share;
    else if (p.age >= 60 && p.age <= 78 && p.health !== 'serious') farmers += 0.4;
  }
  let gross = farmers > 0 ? 2000 + farmers * rng.logNormal(9000, 0.35) : rng.chance(0.5) ? rng.int(500, 2000) : 0;
  let cost = gross * rng.normal(0.38, 0.05);
  if (farmers >= 1 && rng.chance(0.07)) {
    const extra = rng.logNormal(45000, 0.55); // livestock, greenhouse vegetables, a shop
    gross += extra;
    cost += extra * rng.normal(0.68, 0.06);
  }
  const property = rng.chance(0.55) ? rng.logNormal(800, 0.7) : 0;
  return { wage: r(wage), businessGross: r(gross), businessCost: r(Math.max(0, cost)), property: r(property) };
}

function baseTransfer(rng: Prng, members: IncomeMember[], liftedOut: boolean): number {
  let t = rng.int(300, 1500); // 耕地地力保护补贴
  const elderly = members.filter((p) => p.age >= 60).length;
  const workingAge = members.filter((p) => p.age >= 18 && p.age < 60).length;
  for (const p of members) {
    if (p.age >= 60 && p.insuredPension) t += rng.int(110, 170) * 12;
    if (p.disabilityLevel) t += p.disabilityLevel <= 2 ? rng.int(1400, 2400) : rng.int(600, 1000);
    if (liftedOut && p.education === 'vocational') t += 3000; // 雨露计划
  }
  // Support from children living elsewhere (赡养费) keeps most elderly households above the line.
  if (elderly > 0 && workingAge === 0 && rng.chance(0.92)) t += elderly * rng.logNormal(5500, 0.45);
  if (liftedOut) t += rng.logNormal(800, 0.6); // industry awards, asset-income dividends
  if (rng.chance(0.2)) t += rng.int(200, 1500); // ecological compensation
  return r(t);
}

function expenditures(rng: Prng, members: IncomeMember[], previous: boolean) {
  let medical = 0;
  let education = 0;
  for (const p of members) {
    if (p.health === 'chronic') medical += rng.int(500, 3000);
    else if (p.health === 'serious') medical += rng.logNormal(12000, 0.7);
    else if (p.health === 'disabled') medical += rng.int(300, 2000);
    else if (rng.chance(0.3)) medical += rng.int(50, 800);
    if (p.education === 'compulsory' || p.education === 'preschool') education += rng.int(300, 1500);
    else if (p.education === 'high_school') education += rng.int(3000, 6000);
    else if (p.education === 'vocational') education += rng.int(4000, 8000);
    else if (p.education === 'university') education += rng.int(9000, 16000);
  }
  const rare = previous ? 0.6 : 1;
  if (rng.chance(0.008 * rare)) medical += rng.logNormal(50000, 0.5);
  const disaster = rng.chance(0.015 * rare) ? rng.logNormal(15000, 0.7) : 0;
  const accident = rng.chance(0.005 * rare) ? rng.logNormal(15000, 0.6) : 0;
  return {
    medicalExpense: r(medical),
    educationExpense: r(education),
    disasterLoss: r(disaster),
    accidentExpense: r(accident),
  };
}

const net = (y: Pick<IncomeYear, 'wage' | 'businessGross' | 'businessCost' | 'property' | 'transfer'>) =>
  y.wage + y.businessGross - y.businessCost + y.property + y.transfer;

/** Current and previous year figures and the backstop decided from them. `members` are the co-living members. */
export function householdIncome(
  rng: Prng,
  members: IncomeMember[],
  opts: { year: number; liftedOut: boolean; liftedOutFactor?: number },
): HouseholdIncome {
  const count = members.length;
  const e = earned(rng, members);
  const factor = opts.liftedOut ? (opts.liftedOutFactor ?? 0.85) : 1;
  const income = {
    wage: r(e.wage * factor),
    businessGross: r(e.businessGross * factor),
    businessCost: r(e.businessCost * factor),
    property: e.property,
    transfer: baseTransfer(rng, members, opts.liftedOut),
  };
  // Backstop: 低保 for low incomes (and some households with severe illness or disability), 特困 for the
  // lone elderly or disabled without labour capacity; their allowance is transfer income.
  let backstop: HouseholdIncome['backstop'] = null;
  const perCapita = net(income) / Math.max(1, count);
  const noLabour = members.every((p) => p.labor === 'none' || p.labor === 'not_working_age');
  const severe = members.some((p) => p.health === 'serious' || (p.disabilityLevel !== null && p.disabilityLevel <= 2));
  if (count === 1 && noLabour && (members[0]?.age ?? 0) >= 60 && rng.chance(0.12)) {
    backstop = 'tekun';
    income.transfer += rng.int(7000, 9500);
  } else if ((perCapita < 7500 && rng.chance(0.6)) || (severe && rng.chance(0.12))) {
    backstop = 'dibao';
    income.transfer += count * rng.int(2500, 5000);
  }
  const current: IncomeYear = { year: opts.year, ...income, ...expenditures(rng, members, false), memberCount: count };
  // The year before: most households grew 3–8%; a few lost much of their wage this year (job loss, illness).
  const dropped = rng.chance(0.03);
  const g = () => rng.normal(0.95, 0.05);
  const previous: IncomeYear = {
    year: opts.year - 1,
    wage: r(dropped && current.wage < 20000 ? rng.int(20000, 60000) : current.wage * g()),
    businessGross: r(current.businessGross * g()),
    businessCost: 0,
    property: r(current.property * g()),
    transfer: r(current.transfer * rng.normal(0.97, 0.03)),
    ...expenditures(rng, members, true),
    memberCount: count,
  };
  previous.businessCost = r(Math.min(previous.businessGross, current.businessCost * g()));
  return { backstop, current, previous };
}

/** 人均纯收入 in yuan (SPEC §4.3); null without co-living members. */
export function perCapitaNet(y: IncomeYear): number | null {
  return y.memberCount > 0 ? net(y) / y.memberCount : null;
}
