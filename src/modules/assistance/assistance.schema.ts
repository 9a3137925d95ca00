/** Request schemas of the assistance API (SPEC §9); the OpenAPI document at /docs is built from them. */
import { RISK_TYPES } from '../../domain/assistance/household-facts.ts';
import { DEPARTMENT_NAMES, LINES_OF_DEFENCE, MEASURE_TYPES } from '../../domain/assistance/measure-catalogue.ts';

const date = { type: 'string', format: 'date' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const regionCode = { type: 'string', pattern: '^[0-9]{2,12}$' } as const;
const villageCode = { type: 'string', pattern: '^[0-9]{12}$' } as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const riskType = { type: 'string', enum: RISK_TYPES } as const;
const department = { type: 'string', enum: Object.keys(DEPARTMENT_NAMES) } as const;
const yuan = { type: ['number', 'null'], minimum: 0, maximum: 1e11 } as const;
const status = { type: 'string', enum: ['planned', 'in_progress', 'completed', 'cancelled'] } as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;
export const regionQuery = { type: 'object', properties: { region: regionCode } } as const;

export const catalogueBody = {
  type: 'object',
  required: ['regionCode'],
  additionalProperties: false,
  properties: {
    regionCode,
    disable: { type: 'array', items: text(40), maxItems: 200 },
    add: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: [
          'code',
          'name',
          'type',
          'lineOfDefence',
          'answersRisks',
          'department',
          'needsLaborCapacity',
          'content',
        ],
        additionalProperties: false,
        properties: {
          code: text(40),
          name: text(50),
          type: { type: 'string', enum: MEASURE_TYPES },
          lineOfDefence: { type: 'string', enum: LINES_OF_DEFENCE },
          answersRisks: { type: 'array', items: { type: 'string' } },
          department: { type: 'string' },
          needsLaborCapacity: { type: 'boolean' },
          content: text(1000),
        },
      },
    },
    rename: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['code'],
        additionalProperties: false,
        properties: { code: text(40), name: text(50), content: text(1000), department: { type: 'string' } },
      },
    },
  },
} as const;

const measureFields = {
  content: { type: 'string', minLength: 1, maxLength: 2000 },
  department,
  responsiblePerson: { type: ['string', 'null'], maxLength: 50 },
  startOn: { type: ['string', 'null'], format: 'date' },
  plannedEndOn: { type: ['string', 'null'], format: 'date' },
  amount: yuan,
  fundSource: { type: ['string', 'null'], maxLength: 100 },
} as const;

export const newMeasureBody = {
  type: 'object',
  required: ['subtype'],
  additionalProperties: false,
  properties: {
    subtype: text(40),
    ...measureFields,
    answersRisks: { type: 'array', items: riskType },
    suggestionRule: text(200),
    suggestionReason: text(2000),
  },
} as const;

export const measurePatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...measureFields,
    status,
    result: { type: ['string', 'null'], maxLength: 2000 },
    finishedOn: { type: ['string', 'null'], format: 'date' },
    version: { type: 'integer', minimum: 1 },
  },
} as const;

export const progressBody = {
  type: 'object',
  required: ['note'],
  additionalProperties: false,
  properties: { note: { type: 'string', minLength: 1, maxLength: 2000 }, notedOn: date, status, result: text(2000) },
} as const;

export const responsibleBody = {
  type: 'object',
  required: ['name', 'phone', 'unit'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 50 },
    phone: { type: 'string', minLength: 7, maxLength: 20 },
    unit: { type: 'string', minLength: 1, maxLength: 100 },
    assignedOn: date,
  },
} as const;

export const reviewRoundBody = {
  type: 'object',
  required: ['villageCode', 'year', 'meeting'],
  additionalProperties: false,
  properties: {
    villageCode,
    year: { type: 'integer', minimum: 2020, maximum: 2100 },
    meeting: {
      type: 'object',
      required: ['date', 'attendees', 'minutes'],
      additionalProperties: false,
      properties: {
        date,
        attendees: { type: 'array', minItems: 1, maxItems: 200, items: { type: 'string', maxLength: 50 } },
        minutes: { type: 'string', minLength: 1, maxLength: 20000 },
      },
    },
  },
} as const;

export const householdReviewBody = {
  type: 'object',
  required: [
    'measuresTargeted',
    'measuresEffective',
    'riskPointsGone',
    'incomeStable',
    'rigidExpenditureControllable',
    'basicNeedsSecured',
  ],
  additionalProperties: false,
  properties: {
    measuresTargeted: { type: 'boolean' },
    measuresEffective: { type: ['boolean', 'null'] },
    measureJudgements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['measureId'],
        additionalProperties: false,
        properties: { measureId: uuid, targeted: { type: 'boolean' }, effective: { type: ['boolean', 'null'] } },
      },
    },
    riskPointsGone: { type: 'array', items: riskType },
    riskPointEvidence: { type: 'object', propertyNames: { enum: RISK_TYPES }, additionalProperties: text(1000) },
    incomeStable: { type: 'boolean' },
    rigidExpenditureControllable: { type: 'boolean' },
    basicNeedsSecured: { type: 'boolean' },
    weakMotivation: { type: 'boolean' },
    perCapitaIncome: { type: 'number', minimum: 0, maximum: 1e9 },
    previousPerCapitaIncome: { type: ['number', 'null'], minimum: 0, maximum: 1e9 },
    note: text(2000),
  },
} as const;

export const proposalBody = {
  type: 'object',
  required: ['kind', 'reason'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['dibao', 'tekun'] },
    reason: { type: 'string', minLength: 1, maxLength: 2000 },
  },
} as const;

export const decisionBody = {
  type: 'object',
  required: ['decision', 'decidedOn'],
  additionalProperties: false,
  properties: {
    decision: { type: 'string', enum: ['approved', 'rejected'] },
    grantedKind: { type: 'string', enum: ['dibao', 'tekun'] },
    decidedOn: date,
    note: text(2000),
  },
} as const;
