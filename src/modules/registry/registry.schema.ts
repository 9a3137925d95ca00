/** Request and response schemas of the registry API (SPEC §4); the OpenAPI document at /docs is built from them. */
const idNumber = { type: 'string', minLength: 1, maxLength: 40, description: '18位公民身份号码' } as const;
const date = { type: 'string', format: 'date' } as const;
const yuan = { type: 'number', minimum: 0, maximum: 1e11 } as const;

export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'grandparent',
  'sibling',
  'other',
];
export const STATUSES = ['normal', 'deceased', 'imprisoned', 'missing', 'not_sharing'];

const personFields = {
  name: { type: 'string', minLength: 1, maxLength: 50 },
  relation: { type: 'string', enum: RELATIONS },
  birthDate: date,
  sex: { type: 'string', enum: ['male', 'female'] },
  status: { type: 'string', enum: STATUSES },
  health: { type: 'string', enum: ['healthy', 'chronic', 'serious', 'disabled'] },
  disabilityCategory: { type: ['string', 'null'], maxLength: 20 },
  disabilityLevel: { type: ['integer', 'null'], minimum: 1, maximum: 4 },
  labor: { type: 'string', enum: ['full', 'partial', 'none', 'not_working_age'] },
  education: {
    type: ['string', 'null'],
    enum: ['preschool', 'compulsory', 'high_school', 'vocational', 'university', 'dropout', null],
  },
  employment: { type: ['string', 'null'], enum: ['local', 'outside', 'public_welfare', 'none', null] },
  employmentMonths: { type: ['integer', 'null'], minimum: 0, maximum: 12 },
  insuredMedical: { type: 'boolean' },
  insuredPension: { type: 'boolean' },
  publicServant: { type: 'boolean' },
  paidVillageCadre: { type: 'boolean' },
  phone: { type: ['string', 'null'], maxLength: 20 },
} as const;

export const personInputSchema = {
  type: 'object',
  required: ['name', 'idNumber', 'relation'],
  additionalProperties: false,
  properties: { idNumber, ...personFields },
} as const;

export const personPatchSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: personFields,
} as const;

export const householdCreateSchema = {
  type: 'object',
  required: ['regionCode', 'members'],
  additionalProperties: false,
  properties: {
    regionCode: { type: 'string', pattern: '^[0-9]{12}$', description: '村级12位区划代码' },
    code: { type: 'string', pattern: '^[0-9A-Za-z-]{4,30}$' },
    address: { type: 'string', maxLength: 200 },
    liftedOut: { type: 'boolean' },
    liftedOutYear: { type: ['integer', 'null'], minimum: 2013, maximum: 2020 },
    members: { type: 'array', minItems: 1, maxItems: 30, items: personInputSchema },
  },
} as const;

export const householdPatchSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    address: { type: 'string', maxLength: 200 },
    liftedOut: { type: 'boolean' },
    liftedOutYear: { type: ['integer', 'null'], minimum: 2013, maximum: 2020 },
    // Refused by the service with a pointer to PUT /api/households/{id}/responsible (history and deadline, SPEC §9);
    // listed so that the answer names the endpoint rather than "unknown field".
    responsiblePerson: { deprecated: true, description: '已停用：请用 PUT /api/households/{id}/responsible' },
    responsiblePhone: { deprecated: true, description: '已停用：请用 PUT /api/households/{id}/responsible' },
    headPersonId: { type: 'string', format: 'uuid' },
    version: { type: 'integer' },
  },
} as const;

export const incomeSchema = {
  type: 'object',
  required: ['year'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer', minimum: 2013, maximum: 2100 },
    survey: { type: 'string', minLength: 1, maxLength: 40, description: "'annual' 或某次调查的名称" },
    surveyedOn: { ...date, nullable: true },
    wage: yuan,
    businessGross: yuan,
    businessCost: yuan,
    property: yuan,
    transfer: yuan,
    medicalExpense: yuan,
    educationExpense: yuan,
    disasterLoss: yuan,
    accidentExpense: yuan,
  },
} as const;

export const householdListQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    region: { type: 'string', pattern: '^[0-9]{2,12}$', description: '区划代码（村、乡镇…）' },
    status: { type: 'string', enum: ['none', 'monitored', 'eliminated'] },
    category: { type: 'string', enum: ['unstable', 'marginal', 'sudden'] },
    liftedOut: { type: 'boolean' },
    name: {
      type: 'string',
      minLength: 1,
      maxLength: 50,
      description: '模糊查找：成员姓名、户编号、住址的一部分，或身份证号末两位',
    },
    idNumber: { type: 'string', minLength: 1, maxLength: 40, description: '成员身份证号（精确）' },
    page: { type: 'integer', minimum: 1, default: 1, description: '页码（旧式分页；翻页请用 after）' },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
    after: {
      type: 'string',
      pattern: '^[0-9A-Za-z-]{1,40}$',
      description: '上一页最后一户的户编号（按户编号翻页，取上一页返回的 nextCursor）',
    },
  },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

const memberOut = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    idNumber: { type: 'string', description: '默认脱敏（前6后2）；出生日期只在查看完整号码时给出' },
    age: { type: 'integer' },
    ...personFields,
  },
} as const;

export const householdOut = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    code: { type: 'string' },
    regionCode: { type: 'string' },
    villageName: { type: 'string' },
    address: { type: 'string' },
    headPersonId: { type: ['string', 'null'] },
    liftedOut: { type: 'boolean' },
    liftedOutYear: { type: ['integer', 'null'] },
    monitoringStatus: { type: 'string' },
    category: { type: ['string', 'null'] },
    riskTypes: { type: 'array', items: { type: 'string' } },
    includedOn: { type: ['string', 'null'] },
    eliminatedOn: { type: ['string', 'null'] },
    responsiblePerson: { type: ['string', 'null'] },
    responsiblePhone: { type: ['string', 'null'] },
    backstop: { type: ['string', 'null'] },
    laborSummary: { type: 'string' },
    memberCount: { type: 'integer' },
    version: { type: 'integer' },
    members: { type: 'array', items: memberOut },
    incomes: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

export const householdListOut = {
  type: 'object',
  properties: {
    total: { type: 'integer', description: '户数' },
    persons: { type: 'integer', description: '人数（共同生活成员，X户Y人）' },
    figuresFrom: {
      type: 'string',
      enum: ['maintained', 'counted'],
      description: 'X户Y人的来源：按村维护的汇总（maintained）或逐户清点（counted，按成员姓名或身份证号查找时）',
    },
    nextCursor: { type: ['string', 'null'], description: '下一页的 after；已是最后一页时为 null' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          code: { type: 'string' },
          regionCode: { type: 'string' },
          address: { type: 'string' },
          liftedOut: { type: 'boolean' },
          monitoringStatus: { type: 'string' },
          category: { type: ['string', 'null'] },
          riskTypes: { type: 'array', items: { type: 'string' } },
          headName: { type: ['string', 'null'] },
          headIdNumber: { type: ['string', 'null'] },
          memberCount: { type: 'integer' },
        },
      },
    },
  },
} as const;

// No type here: the server's validator coerces types, and a null base must reach the service as null (not "").
// The service checks each value against its field (text, number or null).
const offlineValue = {} as const;

/** An offline edit of a household (ADR 0042): the phone's id, the version it had, the fields changed. */
export const offlineEditSchema = {
  type: 'object',
  required: ['clientId', 'baseVersion', 'changes'],
  additionalProperties: false,
  properties: {
    clientId: { type: 'string', format: 'uuid', description: '手机为这次修改生成的编号（重复同步只生效一次）' },
    baseVersion: { type: 'integer', minimum: 0, description: '手机下载时该户的版本号' },
    changes: {
      type: 'array',
      minItems: 1,
      maxItems: 60,
      items: {
        type: 'object',
        required: ['field', 'base', 'value'],
        additionalProperties: false,
        properties: {
          personId: { type: 'string', format: 'uuid', description: '成员；不填为户的信息' },
          field: { type: 'string', minLength: 1, maxLength: 40, description: '修改的项目' },
          base: { ...offlineValue, description: '下载时的值' },
          value: { ...offlineValue, description: '修改后的值' },
        },
      },
    },
  },
} as const;

export const offlinePackQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    after: { type: 'string', pattern: '^[0-9A-Za-z-]{1,40}$', description: '上一页最后一户的户编号' },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 200 },
  },
} as const;
