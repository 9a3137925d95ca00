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
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
  project_officer: '项目管理员',
};

export function inScope(actor: Actor, regionCode: string): boolean {
  return regionCode.startsWith(actor.regionCode);
}

/** Kysely fragment: rows whose region lies inside the actor's scope. Use it in every query that returns monitoring data. */
export function scopeFilter(actor: Actor, column = 'region_code'): RawBuilder<boolean> {
  return regionPrefix(column, actor.regionCode);
}

/**
 * Kysely fragment: `<column>` starts with `prefix`, written as a byte-order range (`~>=~ p AND ~<~ p'`, issue 18
 * point 3, docs/decisions/0032). Every region_code index is `text_pattern_ops`, whose operators these are, so the
 * range is an index range whatever the database collation, and — unlike `LIKE 'p%'` — also when the prefix is a
 * bind parameter of a generic plan. Region codes are digits: the upper bound is the prefix with its last character
 * raised by one ('6211' → '621:'), exact in byte order. An empty prefix (the whole country) only excludes NULL, as
 * `LIKE '%'` did.
 */
export function regionPrefix(column: string, prefix: string): RawBuilder<boolean> {
  const p = prefix.replace(/[%_\\]/g, '');
  if (p === '') return sql<boolean>`${sql.ref(column)} is not null`;
  if (!/^[0-9]+$/.test(p)) return sql<boolean>`${sql.ref(column)} like ${`${p}%`}`;
  const upper = `${p.slice(0, -1)}${String.fromCharCode(p.charCodeAt(p.length - 1) + 1)}`;
  return sql<boolean>`(${sql.ref(column)} ~>=~ ${p} and ${sql.ref(column)} ~<~ ${upper})`;
}

/**
 * Every permission a role may hold. `county.work` is the county bureau's data work: department imports of any
 * department, screening, cleaning, regional risks. The web app gets a user's list from `/api/auth/me`.
 */
export const PERMISSIONS = [
  'registry.read',
  'registry.write',
  'pii.reveal',
  'lines.write',
  'settings.write',
  'audit.read',
  'users.manage',
  'system.manage',
  'county.work',
  /** Export the audit log, verify its hash chain, list its archives: the audit administrator's own tools. */
  'audit.manage',
  /** The assistance-fund project library and its assets (the county project officer, ADR 0036). */
  'projects.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * 三员分立 (GB/T 22239-2019 8.1.4.2 d, issue 11 point 3; docs/decisions/0030): the system administrator (`admin`)
 * configures the platform and does the county's identification work, the security administrator manages accounts and
 * roles only, the audit administrator reads the audit log only; none holds another's permission. The project library
 * (`projects.write`) is the project officer's alone (docs/decisions/0036).
 */
const GRANTS: Record<Role, Permission[]> = {
  village: ['registry.read', 'registry.write'],
  township: ['registry.read', 'registry.write'],
  county: ['registry.read', 'registry.write', 'pii.reveal', 'lines.write', 'settings.write', 'county.work'],
  department: [],
  supervisor: ['registry.read', 'audit.read'],
  admin: [
    'registry.read',
    'registry.write',
    'pii.reveal',
    'lines.write',
    'settings.write',
    'system.manage',
    'county.work',
  ],
  security_admin: ['users.manage'],
  audit_admin: ['audit.read', 'audit.manage'],
  // the county's assistance-fund project officer (issue 15, docs/decisions/0036): the project library and its assets;
  // reads the registry only to find beneficiary households (its routes are limited in src/server/route-permission.ts)
  project_officer: ['registry.read', 'projects.write'],
};

/** The console (command line, start-up jobs): no user behind it, so 三员分立 does not bind it. */
export const isSystemActor = (actor: Actor): boolean => actor.userId === null && actor.username === 'system';

/** The permissions of a role, as the web app is told them (it hides what a role could not use anyway). */
export function permissionsOf(role: Role): Permission[] {
  return [...GRANTS[role]];
}

export function can(actor: Actor, permission: Permission): boolean {
  return isSystemActor(actor) || GRANTS[actor.role].includes(permission);
}

/** Where to turn instead, for a permission one role alone holds. */
const WHO_INSTEAD: Partial<Record<Permission, string>> = {
  'projects.write': '，衔接资金项目由县级项目管理员办理',
};

/** The refusal of a permission (403 `AUTH_FORBIDDEN`), as the services and the route check give it. */
export const forbidden = (actor: Actor, permission: Permission): AppError =>
  new AppError(
    'AUTH_FORBIDDEN',
    `您的角色（${ROLE_LABELS[actor.role]}）无权执行此操作${WHO_INSTEAD[permission] ?? ''}`,
    {
      permission,
    },
  );

/** First line of every service method (STYLE: throwUnlessCan). */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden(actor, permission);
}

/** Running screening and data cleaning, configuring rules, recording regional risks: the county bureau's work. */
export function requireCountyWork(actor: Actor, what: string): void {
  if (!can(actor, 'county.work')) {
    throw new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）无权${what}`, { role: actor.role });
  }
}

export function requireScope(actor: Actor, regionCode: string): void {
  if (!inScope(actor, regionCode)) {
    throw new AppError('REGION_OUT_OF_SCOPE', '该区划不在您的管辖范围内', { regionCode });
  }
}
