/**
 * Test builders for assessment files (formats/assessment.md): one line per household or member, valid by default.
 * Used by the assessment tests only.
 */
import { idCheckChar } from '../id-number.ts';
import type { AssessmentInput, HouseholdInput, MemberInput } from './assessment.types.ts';

/** A valid 18-character ID number for a birth date (YYYYMMDD); `seq` keeps numbers distinct. */
export function idNumber(birth: string, seq = 1, region = '621124'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

let nextSeq = 1;

export function member(over: Partial<MemberInput> = {}): MemberInput {
  return {
    idNumber: idNumber('19800101', nextSeq++ % 999 || 1),
    name: '张三',
    relation: 'head',
    status: 'normal',
    labor: 'full',
    health: 'healthy',
    disabilityLevel: null,
    education: null,
    publicServant: false,
    paidVillageCadre: false,
    ...over,
  };
}

type HouseholdOver = Omit<Partial<HouseholdInput>, 'risks' | 'exclusions' | 'rigidExpenditure' | 'income'> & {
  risks?: Partial<NonNullable<HouseholdInput['risks']>>;
  exclusions?: Partial<NonNullable<HouseholdInput['exclusions']>>;
  rigidExpenditure?: Partial<NonNullable<HouseholdInput['rigidExpenditure']>>;
  income?: Partial<HouseholdInput['income']>;
};

/** A one-member household with 16,500 yuan of net income and nothing else recorded. */
export function household(over: HouseholdOver = {}): HouseholdInput {
  const { risks, exclusions, rigidExpenditure, income, ...rest } = over;
  return {
    id: 'H-001',
    regionCode: '621124100201',
    liftedOutOfPoverty: false,
    members: [member()],
    closeRelativePublicServant: false,
    income: { wage: 12000, businessNet: 3000, property: 0, transfer: 1500, ...income },
    rigidExpenditure: { medical: 0, education: 0, disaster: 0, accident: 0, ...rigidExpenditure },
    risks: {
      dropout: false,
      medicalUnaffordable: false,
      housingAppraisal: null,
      waterUnsafe: false,
      industryLoss: false,
      laborLoss: false,
      ...risks,
    },
    suddenEvent: null,
    exclusions: {
      consumerCar: false,
      urbanProperty: false,
      registeredCompany: false,
      largeScaleOperator: false,
      deliberateSplit: false,
      emptyRegistration: false,
      creditDefaulter: false,
      ...exclusions,
    },
    majorFamilyEvent: false,
    backstop: null,
    consentToElimination: true,
    ...rest,
  };
}

/** Income whose family net income is `total` yuan (all as wage). */
export const incomeOf = (total: number) => ({ wage: total, businessNet: 0, property: 0, transfer: 0 });

export function file(households: unknown[], over: Partial<AssessmentInput> = {}): AssessmentInput {
  return { year: 2026, monitoringLine: 7500, households: households as HouseholdInput[], ...over };
}
