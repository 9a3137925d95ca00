import type { Role } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';

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

/** Roles that log in with a second factor (TOTP) outside demo mode: they configure, reveal or manage accounts. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'county'];

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
