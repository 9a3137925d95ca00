import { agriMachineryFeed } from './agri-machinery.ts';
import { agricultureFeed } from './agriculture.ts';
import { centralBankFeed } from './central-bank.ts';
import { civilAffairsFeed } from './civil-affairs.ts';
import { cyberspaceFeed } from './cyberspace.ts';
import { disabledFederationFeed } from './disabled-federation.ts';
import { educationFeed } from './education.ts';
import { emergencyFeed } from './emergency.ts';
import type { DepartmentCode, FeedDefinition, FeedRecord } from './feed-types.ts';
import { healthFeed } from './health.ts';
import { housingFeed } from './housing.ts';
import { hrSocialSecurityFeed } from './hr-social-security.ts';
import { marketSupervisionFeed } from './market-supervision.ts';
import { medicalInsuranceFeed } from './medical-insurance.ts';
import { naturalResourcesFeed } from './natural-resources.ts';
import { publicSecurityFeed } from './public-security.ts';
import { staffingFeed } from './staffing.ts';
import { statisticsFeed } from './statistics.ts';
import { waterFeed } from './water.ts';

/** Feed definition types (SPEC §10). */
export type * from './feed-types.ts';

/**
 * All department feeds, in the order of 博尔塔拉 §七 (SPEC §10). Templates, the importer and screening rules read
 * these definitions; adding a column here changes all three.
 */
export const FEEDS: Readonly<Record<DepartmentCode, FeedDefinition>> = {
  cyberspace: cyberspaceFeed,
  education: educationFeed,
  public_security: publicSecurityFeed,
  civil_affairs: civilAffairsFeed,
  hr_social_security: hrSocialSecurityFeed,
  housing: housingFeed,
  natural_resources: naturalResourcesFeed,
  water: waterFeed,
  agriculture: agricultureFeed,
  health: healthFeed,
  emergency: emergencyFeed,
  medical_insurance: medicalInsuranceFeed,
  central_bank: centralBankFeed,
  disabled_federation: disabledFederationFeed,
  market_supervision: marketSupervisionFeed,
  statistics: statisticsFeed,
  agri_machinery: agriMachineryFeed,
  staffing: staffingFeed,
};

/** The 18 department codes: 博尔塔拉 §七's 17 in document order, then staffing (SPEC §10). */
export const DEPARTMENT_CODES = Object.keys(FEEDS) as DepartmentCode[];

/** Narrowing guard for department codes coming from requests. */
export function isDepartmentCode(code: string): code is DepartmentCode {
  return Object.hasOwn(FEEDS, code);
}

/** The feed of a department, or undefined for an unknown code (SPEC §10). */
export function findFeed(department: string): FeedDefinition | undefined {
  return isDepartmentCode(department) ? FEEDS[department] : undefined;
}

/** One record kind of a department, or undefined. */
export function findFeedRecord(department: string, kind: string): FeedRecord | undefined {
  return findFeed(department)?.records.find((r) => r.kind === kind);
}
