/** Request schemas of the department feed API (SPEC §10). */

const region = { type: 'string', pattern: '^[0-9]{2,12}$' } as const;

export const templateParams = {
  type: 'object',
  required: ['department', 'kind', 'file'],
  properties: {
    department: { type: 'string', pattern: '^[a-z_]{2,40}$' },
    kind: { type: 'string', pattern: '^[a-z_]{2,40}$' },
    file: { type: 'string', enum: ['template.xlsx', 'template.csv'] },
  },
} as const;

export const uploadQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    region: { ...region, description: '数据所属区划（默认为用户管辖区划）' },
    period: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: '数据期别 YYYY-MM' },
    kind: { type: 'string', pattern: '^[a-z_]{2,40}$', description: '数据类型（表头无法区分时必填）' },
  },
} as const;

export const importListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    department: { type: 'string', pattern: '^[a-z_]{2,40}$' },
    region,
    page: { type: 'integer', minimum: 1, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
  },
} as const;

export const importParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;
