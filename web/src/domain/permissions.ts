import type { CurrentUser, Role } from '../api/types';

/**
 * What a user may do: the server sends the user's permissions with the session (`/api/auth/me`, from the grants in
 * src/modules/auth/actor.ts), so there is no second table here. The server decides; the app only hides buttons a
 * role could not use anyway.
 */
export type Permission = CurrentUser['permissions'][number];

/** The security and the audit administrator: no monitoring work, only their own page. */
export const SEPARATED_ADMINS: readonly Role[] = ['security_admin', 'audit_admin'];
export const isSeparatedAdmin = (role: Role | undefined): boolean => !!role && SEPARATED_ADMINS.includes(role);

/**
 * The county project officer opens the 工作台 and the pages that name its role only, as the server holds it to the
 * project routes (src/server/route-permission.ts).
 */
export const isProjectOfficer = (role: Role | undefined): boolean => role === 'project_officer';

export function can(user: Pick<CurrentUser, 'permissions'> | null | undefined, permission: Permission): boolean {
  return !!user && user.permissions.includes(permission);
}
