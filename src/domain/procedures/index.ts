/** Procedures (SPEC §8.1, §8.3): templates as data, template validation, the case state machine, notices. */
export { meetingIssue, missingRecords, progressStatus } from './case-checks.ts';
export * from './case-machine.ts';
export { recomputedPublicity } from './case-publicity.ts';
export * from './case-types.ts';
export * from './deadlines.ts';
export * from './notice-privacy.ts';
export * from './notice-wording.ts';
export * from './notices.ts';
export * from './publicity-levels.ts';
export * from './records.ts';
export * from './template-rules.ts';
export * from './templates/index.ts';
export * from './types.ts';
export * from './validate-template.ts';
