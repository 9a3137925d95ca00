import crypto from 'node:crypto';

/**
 * What the public pages (SPEC §6 channel 1 declarations, §14 relief applications) share about an applicant who has
 * no account: the phone as typed, its mask, and the tracking code they follow their application with.
 */
export const normalizePhone = (p: string): string => p.replace(/[\s-]/g, '');

export const maskPhone = (p: string): string => `${p.slice(0, 3)}****${p.slice(-4)}`;

/** Unambiguous letters and digits only (no I, O, 0, 1), read aloud over the phone without confusion. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random tracking code of ten characters, after an optional prefix naming the channel (e.g. JZ for 救助). */
export function trackingCode(prefix = ''): string {
  return `${prefix}${Array.from(crypto.randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}
