import crypto from 'node:crypto';
import type { Role } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, isSystemActor, ROLE_LABELS } from './actor.ts';

/**
 * Account rules for 等保 2.0 level 3 (GB/T 22239-2019 8.1.4.1 身份鉴别; issue 11; docs/decisions/0015). One place,
 * named, so that docs/security.md can point at them; they are deployment policy, not per-region business rules.
 */
export const ACCOUNT_POLICY = {
  /** Failed logins of one username within `lockoutMinutes` that lock it (known or unknown names alike). */
  lockoutFailures: 5,
  lockoutMinutes: 15,
  /** A session ends after this long without a request, and in any case this long after login. */
  idleMinutes: 30,
  absoluteHours: 8,
  passwordMinLength: 10,
  /** Character classes (lower case, upper case, digits, symbols) a password must mix. */
  passwordMinClasses: 3,
  /** The last N passwords may not be reused. */
  passwordHistory: 5,
  passwordMaxAgeDays: 90,
} as const;

/**
 * Roles that log in with a second factor (TOTP) outside demo mode: they configure, reveal, manage accounts or approve
 * the transfer and write-off of public assets (the project officer, docs/decisions/0036).
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = [
  'admin',
  'county',
  'security_admin',
  'audit_admin',
  'project_officer',
];

/** Length ≥ 10, three of four character classes, not containing the username (GB/T 22239 8.1.4.1 a). */
export function checkPasswordPolicy(username: string, plain: string): void {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(plain)).length;
  if (plain.length < ACCOUNT_POLICY.passwordMinLength || classes < ACCOUNT_POLICY.passwordMinClasses) {
    throw new AppError(
      'PASSWORD_WEAK',
      `密码至少${ACCOUNT_POLICY.passwordMinLength}位，且须包含大写字母、小写字母、数字、符号中的至少${ACCOUNT_POLICY.passwordMinClasses}类`,
      { field: 'password' },
    );
  }
  if (username && plain.toLowerCase().includes(username.toLowerCase())) {
    throw new AppError('PASSWORD_WEAK', '密码不能包含用户名', { field: 'password' });
  }
}

/**
 * The administrator roles of 三员分立 that watch each other (docs/decisions/0030): an account holding one is created,
 * changed, reset or unlocked only at the server console (`shouxian user …`), never by a security administrator in the
 * web, so that a security administrator cannot make itself, or an account whose password it knows, an auditor.
 */
export const CONSOLE_ONLY_ROLES: readonly Role[] = ['security_admin', 'audit_admin'];

export function requireRoleGrantable(actor: Actor, role: Role): void {
  if (!isSystemActor(actor) && CONSOLE_ONLY_ROLES.includes(role)) {
    throw new AppError(
      'USER_ADMIN_CONSOLE_ONLY',
      `${ROLE_LABELS[role]}账户只能由运维人员在服务器控制台管理（shouxian user 命令），不能在网页中创建、变更或重置`,
      { field: 'role', role },
    );
  }
}

/** A one-time initial password meeting the policy (shown once; its owner changes it at the next login). */
export function oneTimePassword(username: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  for (;;) {
    const body = Array.from(crypto.randomBytes(12), (b) => alphabet[b % alphabet.length]).join('');
    const password = `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}Aa1`;
    if (!password.toLowerCase().includes(username.toLowerCase())) return password;
  }
}
