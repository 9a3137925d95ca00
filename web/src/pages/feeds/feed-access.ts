import type { CurrentUser, Role } from '../../api/types';

/**
 * Who may do what with department data, mirroring src/modules/feeds/feeds.policy.ts: a department officer imports
 * their own department's data; the county bureau and the administrator import any department's and run the
 * comparison, cleaning and regional-risk work. The server decides; the app hides what a role could not use.
 */
export const COUNTY_WORK_ROLES: Role[] = ['county', 'admin'];

export function canImport(user: CurrentUser): boolean {
  return (user.role === 'department' && user.department !== null) || COUNTY_WORK_ROLES.includes(user.role);
}

export function doesCountyWork(user: CurrentUser): boolean {
  return COUNTY_WORK_ROLES.includes(user.role);
}
