import crypto from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';

/**
 * Second factor (GB/T 22239 8.1.4.1 d: two or more authentication techniques): TOTP of RFC 6238 (30 s, 6 digits,
 * SHA-1, what every authenticator app reads) through otplib, and single-use recovery codes for a lost phone.
 */
export const newTotpSecret = (): string => generateSecret();

export const totpUri = (username: string, secret: string): string =>
  generateURI({ issuer: '守线', label: username, secret });

/**
 * One step either side is accepted (clock drift of phones). Answers the time step the code belongs to, or null; a
 * code of `afterStep` or an earlier step is refused (replay guard, RFC 6238 §5.2: a code is good once per account).
 */
export function checkTotp(secret: string, code: string, afterStep?: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const r = verifySync({
      secret,
      token: code,
      epochTolerance: 30,
      ...(afterStep != null ? { afterTimeStep: afterStep } : {}),
    });
    if (!r.valid) return null;
    const step = (r as { timeStep?: number }).timeStep;
    return typeof step === 'number' && (afterStep == null || step > afterStep) ? step : null;
  } catch {
    return null;
  }
}

/** Ten codes of 10 base32 characters (50 bits each), shown once; only their SHA-256 is stored. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = crypto.randomBytes(10);
    const s = Array.from(bytes, (b) => alphabet[b % 32]).join('');
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

export const recoveryCodeHash = (code: string): string =>
  crypto.createHash('sha256').update(code.trim().toUpperCase().replace(/\s/g, '')).digest('base64url');
