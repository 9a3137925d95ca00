/** Request and response schemas of the region settings API (SPEC §3). Values are any JSON: each key checks its own. */

const regionCode = { type: 'string', pattern: '^[0-9]{2,12}$' } as const;
const settingKey = { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_.]{0,63}$' } as const;
const anyValue = {} as const;
const level = { type: 'string', enum: ['default', 'province', 'prefecture', 'county', 'township', 'village'] } as const;

const source = {
  type: 'object',
  properties: {
    level,
    regionCode: { type: ['string', 'null'] },
    regionName: { type: ['string', 'null'] },
  },
} as const;

const field = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    label: { type: 'string' },
    kind: { type: 'string', enum: ['integer', 'number', 'share', 'amount', 'text', 'months', 'choice'] },
    min: { type: 'number' },
    max: { type: 'number' },
    decimals: { type: 'integer' },
    maxLength: { type: 'integer' },
    unit: { type: 'string' },
    options: {
      type: 'array',
      items: { type: 'object', properties: { value: { type: 'string' }, label: { type: 'string' } } },
    },
    tighter: { type: 'string', enum: ['lower', 'higher'] },
    required: { type: 'boolean' },
  },
} as const;

export const settingEntrySchema = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    spec: { type: 'string' },
    fields: { type: 'array', items: field },
    schema: { type: 'object', additionalProperties: true },
    default: anyValue,
    value: anyValue,
    source,
    fieldSources: { type: 'object', additionalProperties: source },
    own: anyValue,
    inherited: anyValue,
    bounds: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { value: { type: 'number' }, ...source.properties } },
    },
  },
} as const;

export const listSettingsSchema = {
  tags: ['settings'],
  summary: '某区划的全部参数设置：生效值、来源层级和默认值',
  querystring: { type: 'object', required: ['region'], properties: { region: regionCode } },
  response: {
    200: {
      type: 'object',
      properties: {
        region: {
          type: 'object',
          properties: { code: { type: 'string' }, name: { type: 'string' }, level: { type: 'integer' } },
        },
        items: { type: 'array', items: settingEntrySchema },
      },
    },
  },
} as const;

export const settingHistorySchema = {
  tags: ['settings'],
  summary: '某参数在本区划、上级和下级的设定历史（新的在前）',
  params: { type: 'object', required: ['key'], properties: { key: settingKey } },
  querystring: { type: 'object', required: ['region'], properties: { region: regionCode } },
  response: {
    200: {
      type: 'object',
      properties: {
        key: { type: 'string' },
        name: { type: 'string' },
        regionCode: { type: 'string' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              regionCode: { type: 'string' },
              regionName: { type: ['string', 'null'] },
              level,
              relation: { type: 'string', enum: ['self', 'above', 'below'] },
              value: anyValue,
              setAt: { type: 'string', format: 'date-time' },
              setBy: { type: ['string', 'null'] },
              setByName: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
  },
} as const;

export const setSettingSchema = {
  tags: ['settings'],
  summary: '设定某区划的参数（按参数校验；下级只能从严）',
  params: { type: 'object', required: ['key'], properties: { key: settingKey } },
  body: {
    type: 'object',
    required: ['regionCode', 'value'],
    additionalProperties: false,
    properties: { regionCode, value: anyValue },
  },
  response: { 200: settingEntrySchema },
} as const;
