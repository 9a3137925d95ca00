import type { ProcedureTemplate } from '../types.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Shipped templates are frozen values (SPEC §8.1): a county adapts a copy (`structuredClone`), never the original,
 * and running cases keep their own snapshot.
 */
export function defineTemplate(template: ProcedureTemplate): ProcedureTemplate {
  return deepFreeze(structuredClone(template));
}
