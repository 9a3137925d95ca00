import crypto from 'node:crypto';

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The identity of a clue's facts (SPEC §6, §10): same subject (household, or region when none), same source and same
 * facts give the same key, so an open clue is merged instead of repeated.
 */
export function clueFactKey(subject: string, sourceKind: string, sourceRef: string, facts: unknown): string {
  return crypto
    .createHash('sha256')
    .update(`${subject}|${sourceKind}|${sourceRef}|${stable(facts)}`)
    .digest('base64url');
}
