import type { Role } from '../api/types';

/**
 * What each role may do, mirroring the server's grants (src/modules/auth/actor.ts). The server decides; the app only
 * hides buttons a role could not use anyway.
 */
export type Permission =
  | 'registry.read'
  | 'registry.write'
  | 'pii.reveal'
  | 'lines.write'
  | 'settings.write'
  | 'audit.read'
  | 'users.manage';

const GRANTS: Record<Role, Permission[]> = {
  village: ['registry.read', 'registry.write'],
  township: ['registry.read', 'registry.write'],
  county: ['registry.read', 'registry.write', 'pii.reveal', 'lines.write', 'settings.write'],
  department: [],
  supervisor: ['registry.read', 'audit.read'],
  admin: [
    'registry.read',
    'registry.write',
    'pii.reveal',
    'lines.write',
    'settings.write',
    'audit.read',
    'users.manage',
  ],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && GRANTS[role].includes(permission);
}
