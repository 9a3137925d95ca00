/** Audit event types (SPEC §17): every write and every read of a household file is one of these. */
export const AuditActions = {
  householdRead: 'household.read',
  householdCreate: 'household.create',
  householdUpdate: 'household.update',
  personCreate: 'person.create',
  personUpdate: 'person.update',
  personMove: 'person.move',
  personRevealId: 'person.reveal_id',
  incomeRecord: 'income.record',
  lineSet: 'line.set',
  settingSet: 'setting.set',
  regionsLoad: 'regions.load',
  userCreate: 'user.create',
  userLogin: 'user.login',
  userLoginFailed: 'user.login_failed',
  userLogout: 'user.logout',
  populationGenerate: 'population.generate',
} as const;

export type AuditAction = (typeof AuditActions)[keyof typeof AuditActions] | (string & {});
