import argon2 from 'argon2';
import { AppError } from '../../shared/app-error.ts';

/** argon2id password hashing (DEVELOPERS: argon2 for passwords). */
export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id });
export const verifyPassword = (hash: string, plain: string) => argon2.verify(hash, plain).catch(() => false);

/** At least 8 characters with letters and digits: the demo password `Demo@2026` passes, `123456` does not. */
export function checkPasswordStrength(plain: string): void {
  if (plain.length < 8 || !/[A-Za-z]/.test(plain) || !/\d/.test(plain)) {
    throw new AppError('VALIDATION', '密码至少8位，且须同时包含字母和数字', { field: 'password' });
  }
}
