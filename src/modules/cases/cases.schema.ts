/** Request schemas of the procedures API (SPEC §8). */
export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

export const startCaseSchema = {
  type: 'object',
  required: ['householdId', 'kind'],
  additionalProperties: false,
  properties: {
    householdId: { type: 'string', format: 'uuid' },
    kind: { type: 'string', enum: ['inclusion', 'elimination'] },
    clueId: { type: 'string', format: 'uuid' },
    startedOn: { type: 'string', format: 'date' },
  },
} as const;

export const actionSchema = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: {
      type: 'string',
      enum: [
        'attach_records',
        'complete_step',
        'start_publicity',
        'record_objection',
        'answer_objection',
        'return',
        'reject',
        'close',
        'reverse',
      ],
    },
    note: { type: 'string', maxLength: 4000 },
    decision: {
      type: 'string',
      maxLength: 200,
      description:
        'answer_objection: upheld（属实）或 dismissed（不属实）；县级确定时 leading_group_approved（县级领导小组决定）',
    },
    attachments: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['recordCode', 'fileId'],
        additionalProperties: false,
        properties: { recordCode: { type: 'string', maxLength: 60 }, fileId: { type: 'string', format: 'uuid' } },
      },
    },
    meeting: {
      type: 'object',
      required: ['date', 'attendees', 'votesFor', 'votesAgainst'],
      additionalProperties: false,
      properties: {
        date: { type: 'string', format: 'date' },
        attendees: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 50 }, maxItems: 500 },
        votesFor: { type: 'integer', minimum: 0 },
        votesAgainst: { type: 'integer', minimum: 0 },
        abstentions: { type: 'integer', minimum: 0 },
        chair: { type: 'string', maxLength: 50 },
        resolution: { type: 'string', maxLength: 2000 },
      },
    },
    startDate: { type: 'string', format: 'date' },
    receivedOn: { type: 'string', format: 'date' },
    from: { type: 'string', maxLength: 100 },
    objectionSeq: { type: 'integer', minimum: 1 },
    toStepCode: { type: 'string', maxLength: 60 },
    category: { type: 'string', enum: ['unstable', 'marginal', 'sudden'] },
    categoryReason: { type: 'string', maxLength: 1000 },
    assessmentYear: { type: 'integer', minimum: 2013, maximum: 2100 },
    verificationNote: { type: 'string', maxLength: 2000 },
  },
} as const;

export const caseListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['inclusion', 'elimination'] },
    open: { type: 'boolean' },
    region: { type: 'string', pattern: '^[0-9]{2,12}$' },
    householdId: { type: 'string', format: 'uuid' },
    level: { type: 'string', enum: ['village', 'township', 'county', 'department'] },
    overdue: { type: 'boolean' },
    page: { type: 'integer', minimum: 1, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
  },
} as const;
