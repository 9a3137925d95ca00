import { ASSESSMENT_MODES, RISK_TYPE_ORDER } from '../../domain/assessment/assessment.types.ts';

/**
 * Schemas of `POST /api/assess` (formats/assessment.md, SPEC §7.3). The body schema checks only the top-level shape:
 * households are left to the engine, whose per-field validation gives per-household errors (one bad household must
 * not reject the whole request), and because the server's Ajv coerces types, typed inner properties would silently
 * turn "12000" into 12000 — the engine refuses that instead. The response schema is complete: Fastify serialises
 * with it and would drop anything it does not describe.
 */
export const assessQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: {
      type: 'string',
      enum: [...ASSESSMENT_MODES],
      default: 'identification',
      description: '识别（identification）或风险消除（elimination）',
    },
  },
} as const;

export const assessBodySchema = {
  type: 'object',
  required: ['year', 'households'],
  properties: {
    year: { type: 'integer', minimum: 2013, maximum: 2100, description: '研判年度' },
    monitoringLine: { type: 'number', description: '监测线（元/人·年）；不填则使用该户所在区划当年设定的监测线' },
    thresholds: {
      type: 'object',
      description: '研判阈值；不填的项使用区划配置值或默认值（0.5 / 20000 / 0.5 / 10000 / 义务教育适龄6–16周岁）',
      properties: {
        medicalShareOfIncome: { type: 'number' },
        medicalAmount: { type: 'number' },
        incomeDropShare: { type: 'number' },
        disasterAmount: { type: 'number' },
        compulsoryEducationAgeFrom: { type: 'integer', description: '义务教育适龄起始（周岁，9月1日计）' },
        compulsoryEducationAgeTo: { type: 'integer', description: '义务教育适龄截止（周岁，含）' },
      },
    },
    households: {
      type: 'array',
      maxItems: 20000,
      description: '农户列表，每户的字段见 formats/assessment.md；逐户逐字段校验，有误的户列入 errors',
      items: {},
    },
  },
} as const;

const reasonSchema = {
  type: 'object',
  required: ['rule', 'text', 'figures'],
  properties: {
    rule: { type: 'string', description: '规则代码，如 income.below_line' },
    text: { type: 'string', description: '可向农户解释的中文说明' },
    figures: { type: 'object', additionalProperties: { type: ['number', 'string'] } },
  },
} as const;

const resultSchema = {
  type: 'object',
  required: [
    'id',
    'members',
    'netIncome',
    'perCapitaNetIncome',
    'monitoringLine',
    'decision',
    'category',
    'riskTypes',
    'exclusions',
    'reasons',
  ],
  properties: {
    id: { type: 'string' },
    members: { type: 'integer', description: '计入家庭人口的成员数' },
    netIncome: { type: 'number', description: '家庭纯收入（元）' },
    perCapitaNetIncome: { type: 'number', description: '人均纯收入（元）' },
    monitoringLine: { type: 'number', description: '监测线（元）' },
    decision: {
      type: 'string',
      enum: ['include', 'no_risk', 'exclude', 'county_review', 'eliminate', 'continue', 'keep_monitoring'],
    },
    category: { type: ['string', 'null'], enum: ['unstable', 'marginal', 'sudden', null] },
    riskTypes: { type: 'array', items: { type: 'string', enum: [...RISK_TYPE_ORDER] } },
    exclusions: { type: 'array', items: { type: 'integer' }, description: '适用的不纳入情形序号（1–10）' },
    reasons: { type: 'array', items: reasonSchema },
  },
} as const;

const householdErrorsSchema = {
  type: 'object',
  required: ['id', 'index', 'errors'],
  properties: {
    id: { type: ['string', 'null'] },
    index: { type: 'integer', description: '该户在 households 中的位置（从0开始）' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

export const assessResponseSchema = {
  type: 'object',
  required: ['year', 'results', 'errors'],
  properties: {
    year: { type: 'integer' },
    results: { type: 'array', items: resultSchema },
    errors: { type: 'array', items: householdErrorsSchema },
  },
} as const;
