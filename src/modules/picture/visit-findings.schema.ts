/** JSON schema of a visit's structured findings (入户排查; issue 9 point 6; src/domain/picture VisitFindings). */
const bool = { type: 'boolean' } as const;

export const visitFindingsSchema = {
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
    medicalExpense: { type: ['number', 'null'], minimum: 0, maximum: 100000000 },
  },
} as const;
