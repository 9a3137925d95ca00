import type {
  Education,
  Employment,
  Health,
  Labor,
  MemberFacts,
  MemberStatus,
  RiskType,
} from '../../domain/assistance/household-facts.ts';
import { RISK_TYPES } from '../../domain/assistance/household-facts.ts';
import { ageOn } from '../../domain/id-number.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';

type Member = Awaited<ReturnType<RegistryRepository['members']>>[number];

/** A registry member as the assistance rules see them (SPEC §4.2); the ID number is never part of it. */
export function memberFacts(m: Member, today: string): MemberFacts {
  return {
    name: m.name,
    status: m.status as MemberStatus,
    labor: m.labor as Labor,
    health: m.health as Health,
    disabilityLevel: m.disabilityLevel,
    education: m.education as Education | null,
    age: ageOn(m.birthDate, today),
    employment: m.employment as Employment | null,
    insuredMedical: m.insuredMedical,
  };
}

/** Months of work in a year from which a job counts as a stable income (稳定务工收入); a default of ours. */
export const STABLE_WORK_MONTHS = 6;

/**
 * 有稳定务工收入 (SPEC §9 backstop rule), from the registry: a normal member with labour capacity who works
 * (locally, outside the county or in a public-welfare job) for at least STABLE_WORK_MONTHS months of the year, or
 * whose months are not recorded. Staff may override it when asking for a suggestion.
 */
export function hasStableWorkIncome(members: readonly Member[]): boolean {
  return members.some(
    (m) =>
      m.status === 'normal' &&
      (m.labor === 'full' || m.labor === 'partial') &&
      m.employment !== null &&
      m.employment !== 'none' &&
      (m.employmentMonths ?? 12) >= STABLE_WORK_MONTHS,
  );
}

/** Household risk types as the domain types them, dropping anything unknown (e.g. a county's national cause codes). */
export const riskTypesOf = (values: readonly string[]): RiskType[] => RISK_TYPES.filter((r) => values.includes(r));
