import argon2 from 'argon2';

/** argon2id password hashing (DEVELOPERS: argon2 for passwords). */
export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id });
export const verifyPassword = (hash: string, plain: string) => argon2.verify(hash, plain).catch(() => false);

let dummy: Promise<string> | undefined;
/**
 * A hash to verify against when the username is unknown, so that the answer takes as long as for a real user
 * (issue 11: unknown names answered in 5–25 ms, real ones in 0.8–2 s, which told which usernames exist).
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword('shouxian-no-such-user');
  return dummy;
}
