/**
 * Facts a household survey establishes (SPEC §7.3 inputs the registry does not hold): the risk facts, a sudden
 * event, the exclusion situations, the override path, and — for elimination — consent (风险销号评估认定表).
 * Stored as JSON in household_surveys and copied into the assessment exchange format as they are.
 */
export interface SurveyFacts {
  risks?: {
    dropout?: boolean;
    medicalUnaffordable?: boolean;
    housingAppraisal?: 'A' | 'B' | 'C' | 'D' | null;
    waterUnsafe?: boolean;
    industryLoss?: boolean;
    laborLoss?: boolean;
  };
  suddenEvent?: 'illness' | 'disaster' | 'accident' | 'other' | null;
  exclusions?: {
    consumerCar?: boolean;
    urbanProperty?: boolean;
    registeredCompany?: boolean;
    largeScaleOperator?: boolean;
    deliberateSplit?: boolean;
    emptyRegistration?: boolean;
    creditDefaulter?: boolean;
  };
  closeRelativePublicServant?: boolean;
  majorFamilyEvent?: boolean;
  consentToElimination?: boolean | null;
  /** 两不愁三保障 and drinking water secured, as judged at the elimination visit (SPEC §8.3). */
  basicNeedsSecured?: boolean | null;
  note?: string;
}

const bool = { type: 'boolean' } as const;

export const surveyFactsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    risks: {
      type: 'object',
      additionalProperties: false,
      properties: {
        dropout: bool,
        medicalUnaffordable: bool,
        housingAppraisal: { type: ['string', 'null'], enum: ['A', 'B', 'C', 'D', null] },
        waterUnsafe: bool,
        industryLoss: bool,
        laborLoss: bool,
      },
    },
    suddenEvent: { type: ['string', 'null'], enum: ['illness', 'disaster', 'accident', 'other', null] },
    exclusions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        consumerCar: bool,
        urbanProperty: bool,
        registeredCompany: bool,
        largeScaleOperator: bool,
        deliberateSplit: bool,
        emptyRegistration: bool,
        creditDefaulter: bool,
      },
    },
    closeRelativePublicServant: bool,
    majorFamilyEvent: bool,
    consentToElimination: { type: ['boolean', 'null'] },
    basicNeedsSecured: { type: ['boolean', 'null'] },
    note: { type: 'string', maxLength: 2000 },
  },
} as const;
