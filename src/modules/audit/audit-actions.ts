import type { CaseActionType } from '../../domain/procedures/case-types.ts';

/**
 * Audit event types (SPEC §17): every write and every read of a household file is one of these (STYLE: event types
 * as an enum, Infisical `EventType`). Every module's actions are listed here, so the audit log's filter and the
 * browser's labels (web/src/domain/labels.ts `AUDIT_ACTION`) have one list to follow; SQL that inserts audit rows
 * set-wise passes these values as bound parameters.
 */
export const AuditActions = {
  // registry (SPEC §4)
  householdRead: 'household.read',
  householdCreate: 'household.create',
  householdUpdate: 'household.update',
  personCreate: 'person.create',
  personUpdate: 'person.update',
  // offline edits at the household's door (issue 14 point 3, ADR 0042)
  householdOfflinePack: 'household.offline_pack',
  householdOfflineEdit: 'household.offline_edit',
  personMove: 'person.move',
  personRevealId: 'person.reveal_id',
  incomeRecord: 'income.record',
  // settings, regions, users (SPEC §3)
  lineSet: 'line.set',
  settingSet: 'setting.set',
  regionsLoad: 'regions.load',
  userCreate: 'user.create',
  userLogin: 'user.login',
  userLoginFailed: 'user.login_failed',
  userLogout: 'user.logout',
  populationGenerate: 'population.generate',
  // clue ledger (SPEC §6)
  clueCreate: 'clue.create',
  clueMerge: 'clue.merge',
  clueAssign: 'clue.assign',
  clueClose: 'clue.close',
  // assessment and survey (SPEC §5, §7)
  householdAssess: 'household.assess',
  surveyRecord: 'survey.record',
  // procedures (SPEC §8): one action per case action type, see `caseActionAudit`
  caseStart: 'case.start',
  caseAttachRecords: 'case.attach_records',
  caseCompleteStep: 'case.complete_step',
  caseStartPublicity: 'case.start_publicity',
  caseRecordObjection: 'case.record_objection',
  caseAnswerObjection: 'case.answer_objection',
  caseReturn: 'case.return',
  caseReject: 'case.reject',
  caseClose: 'case.close',
  caseReverse: 'case.reverse',
  caseFileUpload: 'case.file_upload',
  caseFileRead: 'case.file_read',
  notificationIssue: 'notification.issue',
  householdStatus: 'household.status',
  templateAdapt: 'template.adapt',
  calendarLoad: 'calendar.load',
  // assistance (SPEC §9)
  assistancePlanSuggest: 'assistance.plan_suggest',
  measureCreate: 'measure.create',
  measureUpdate: 'measure.update',
  measureProgress: 'measure.progress',
  responsibleAssign: 'household.responsible_assign',
  reviewCreate: 'review.create',
  reviewHousehold: 'review.household',
  backstopPropose: 'backstop.propose',
  backstopDecide: 'backstop.decide',
  backstopMatch: 'backstop.match',
  cardPrint: 'household.card_print',
  // department feeds and screening (SPEC §10)
  feedImport: 'feed.import',
  screeningRun: 'screening.run',
  screeningRuleSet: 'screening.rule_set',
  dataQualityResolve: 'data_quality.resolve',
  // regional risk (SPEC §11) and data cleaning (SPEC §17)
  regionalRiskRecord: 'regional_risk.record',
  cleaningRun: 'cleaning.run',
  // figures and reports (SPEC §12)
  reportSnapshot: 'report.snapshot',
  reportExport: 'report.export',
  // government relief platform (SPEC §14)
  reliefSubmit: 'relief.submit',
  reliefConfirm: 'relief.confirm',
  reliefRead: 'relief.read',
  reliefAccept: 'relief.accept',
  reliefRefer: 'relief.refer',
  reliefReply: 'relief.reply',
  reliefUrge: 'relief.urge',
  reliefRate: 'relief.rate',
  reliefPhotoAdd: 'relief.photo_add',
  reliefPhotoRead: 'relief.photo_read',
  // special campaigns and spot checks (SPEC §15)
  campaignCreate: 'campaign.create',
  campaignUpdate: 'campaign.update',
  campaignExport: 'campaign.export',
  spotCheckDraw: 'spot_check.draw',
  spotCheckFinding: 'spot_check.finding',
  problemCreate: 'problem.create',
  problemAction: 'problem.action',
  problemEscalate: 'problem.escalate',
  problemFileUpload: 'problem.file_upload',
  problemFileRead: 'problem.file_read',
  // assistance-fund projects (SPEC §13)
  projectCreate: 'project.create',
  projectStatus: 'project.status',
  projectPlan: 'project.plan',
  projectProgress: 'project.progress',
  projectBeneficiary: 'project.beneficiary',
  projectImport: 'project.import',
  projectBulletinExport: 'project.bulletin_export',
  projectFilingFile: 'project.filing_file',
  projectFilingSubmit: 'project.filing_submit',
  projectFilingDecision: 'project.filing_decision',
  projectAsset: 'project.asset',
  projectAssetIncome: 'project.asset_income',
  projectAssetChange: 'project.asset_change',
  projectAssetDecision: 'project.asset_decision',
  // household picture and decisions on it (SPEC §7.4, issue 9)
  householdPictureRead: 'household.picture_read',
  // notices and the clue-to-case lifecycle (issue 10)
  clueVerify: 'clue.verify',
  clueLink: 'clue.link',
  clueReopen: 'clue.reopen',
  // offline visits (issue 14 point 3): a visit's photos, added and viewed
  clueVisitPhoto: 'clue.visit_photo',
  clueVisitPhotoRead: 'clue.visit_photo_read',
  caseDatesRecompute: 'case.dates_recompute',
  // accounts and user management (issue 11: 等保 2.0 level 3)
  userLocked: 'user.locked',
  userPasswordChange: 'user.password_change',
  userPasswordReset: 'user.password_reset',
  userSecondFactor: 'user.second_factor',
  userSecondFactorEnable: 'user.second_factor_enable',
  userUnlock: 'user.unlock',
  userDisable: 'user.disable',
  userEnable: 'user.enable',
  userRoleChange: 'user.role_change',
  // security (issue 11 points 4, 5): reads of error reports, lists, histories and the audit log itself
  feedErrorsRead: 'feed.errors_read',
  householdList: 'household.list',
  householdExport: 'household.export',
  // exports (issue 13 points 4, 7): ledgers to Excel, background jobs and their files, the national hand-over
  ledgerExport: 'ledger.export',
  handoverExport: 'handover.export',
  exportJobCreate: 'export.job_create',
  exportFileRead: 'export.file_read',
  exportJobCancel: 'export.job_cancel',
  householdHistoryRead: 'household.history_read',
  caseList: 'case.list',
  clueList: 'clue.list',
  auditRead: 'audit.read',
  // audit retention (issue 11 point 4): rows older than the retention moved to an archive file
  auditArchived: 'audit.archived',
  // the audit administrator's tools on the web (issue 11 point 4): export, chain verification, archive listing
  auditExport: 'audit.export',
  auditVerify: 'audit.verify',
  auditArchivesRead: 'audit.archives_read',
} as const;

export type AuditAction = (typeof AuditActions)[keyof typeof AuditActions];

/** Whether a stored action string is one this version knows (the audit filter and tests use it). */
export const isAuditAction = (value: string): value is AuditAction =>
  (Object.values(AuditActions) as string[]).includes(value);

const CASE_ACTIONS: Record<CaseActionType, AuditAction> = {
  attach_records: AuditActions.caseAttachRecords,
  complete_step: AuditActions.caseCompleteStep,
  start_publicity: AuditActions.caseStartPublicity,
  record_objection: AuditActions.caseRecordObjection,
  answer_objection: AuditActions.caseAnswerObjection,
  return: AuditActions.caseReturn,
  reject: AuditActions.caseReject,
  close: AuditActions.caseClose,
  reverse: AuditActions.caseReverse,
};

/** The audit action of a procedure action (SPEC §8.1); a new action type fails to compile until it is listed. */
export const caseActionAudit = (type: CaseActionType): AuditAction => CASE_ACTIONS[type];
