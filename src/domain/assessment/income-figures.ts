import { countedMembers } from '../household-income.ts';
import { divideFen, type Fen, sumFen } from '../money.ts';
import type { CheckedHousehold, IncomeFen } from './assessment.types.ts';
import type { ShareBp } from './thresholds.ts';

/** 家庭纯收入 = wage + net business + property + transfer (SPEC §4.3), exactly, in fen. */
export const familyNetIncomeFen = (i: IncomeFen): Fen => sumFen(i.wage, i.businessNet, i.property, i.transfer);

/**
 * The household's figures for SPEC §7.3: counted members (only `normal` ones, SPEC §7.2 item 9), family net income
 * and per-capita net income rounded to the fen. The rounded per-capita figure is the one compared with the line, so
 * the sentence read to the household and the decision always agree.
 */
export function householdFigures(h: CheckedHousehold) {
  const members = countedMembers(h.members);
  const netIncome = familyNetIncomeFen(h.income);
  const previousNetIncome = h.previousIncome ? familyNetIncomeFen(h.previousIncome) : null;
  return {
    members,
    netIncome,
    perCapita: divideFen(netIncome, members),
    previousNetIncome,
    /** Previous year's income over this year's counted members: the registry gives no earlier member count. */
    previousPerCapita: previousNetIncome === null ? null : divideFen(previousNetIncome, members),
  };
}

export type HouseholdFigures = ReturnType<typeof householdFigures>;

export type IncomeDrop =
  | { kind: 'unknown' }
  | { kind: 'not_applicable'; previous: Fen; current: Fen }
  | { kind: 'no_drop'; previous: Fen; current: Fen }
  | { kind: 'drop'; previous: Fen; current: Fen; fired: boolean; permille: number };

/**
 * Year-on-year fall of family net income (SPEC §7.3 `industry_employment`: fell by ≥ share). The test is exact
 * (fen, BigInt); `permille` is the fall rounded half up to 0.1% for sentences and figures — except that a fall below
 * the threshold is never shown rounded up to it ("49.96%" is printed 49.9%, not 50.0%).
 */
export function incomeDrop(previous: Fen | null, current: Fen, threshold: ShareBp): IncomeDrop {
  if (previous === null) return { kind: 'unknown' };
  if (previous <= 0) return { kind: 'not_applicable', previous, current };
  if (current >= previous) return { kind: 'no_drop', previous, current };
  const diff = BigInt(previous - current);
  const prev = BigInt(previous);
  const fired = diff * 10000n >= BigInt(threshold) * prev;
  let permille = Number((2n * diff * 1000n + prev) / (2n * prev));
  if (!fired && permille * 10 >= threshold) permille = Number((diff * 1000n) / prev);
  return { kind: 'drop', previous, current, fired, permille };
}
