import { type RawBuilder, sql } from 'kysely';
import type { Role } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';

/**
 * Who is acting. Every user has one region scope (SPEC §3): they see and act on what lies inside it. Region codes
 * nest by prefix (province 2 digits … village 12), so "inside" is a prefix match, written once here.
 */
export interface Actor {
  userId: string | null;
  username: string;
  role: Role;
  regionCode: string;
  department: string | null;
  ip?: string;
  /** A step the session must still take (second factor, password change) before it may use the platform. */
  pending?: AuthStep;
}

/** Steps between a correct password and a usable session (issue 11, docs/decisions/0015). */
export type AuthStep = 'second_factor' | 'second_factor_setup' | 'password_change';

/** The command line and start-up jobs act as the system: whole-country scope, recorded as `system` in the audit log. */
export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  role: 'admin',
  regionCode: '',
  department: null,
};

export const ROLE_LABELS: Record<Role, string> = {
  village: '村级',
  township: '乡镇',
  county: '县级',
  department: '行业部门',
  supervisor: '州市/省监管',
  admin: '系统管理员',
};

export function inScope(actor: Actor, regionCode: string): boolean {
  return regionCode.startsWith(actor.regionCode);
}

/** Kysely fragment: `<table>.region_code LIKE '<scope>%'`. Use it in every query that returns monitoring data. */
export function scopeFilter(actor: Actor, column = 'region_code'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`${actor.regionCode.replace(/[%_\\]/g, '')}%`}`;
}

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

export function can(actor: Actor, permission: Permission): boolean {
  return GRANTS[actor.role].includes(permission);
}

/** First line of every service method (STYLE: throwUnlessCan). */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）无权执行此操作`, { permission });
  }
}

export function requireScope(actor: Actor, regionCode: string): void {
  if (!inScope(actor, regionCode)) {
    throw new AppError('REGION_OUT_OF_SCOPE', '该区划不在您的管辖范围内', { regionCode });
  }
}
