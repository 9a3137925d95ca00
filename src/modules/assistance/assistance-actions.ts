/** Audit event types of assistance (SPEC §9, §17); the audit log accepts module-defined actions. */
export const AssistanceActions = {
  catalogueSet: 'assistance.catalogue_set',
  planSuggest: 'assistance.plan_suggest',
  measureCreate: 'measure.create',
  measureUpdate: 'measure.update',
  measureProgress: 'measure.progress',
  responsibleAssign: 'household.responsible_assign',
  reviewCreate: 'review.create',
  reviewHousehold: 'review.household',
  backstopPropose: 'backstop.propose',
  backstopDecide: 'backstop.decide',
  backstopMatch: 'backstop.match',
} as const;
