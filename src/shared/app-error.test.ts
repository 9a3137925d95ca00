import { describe, expect, it } from 'vitest';
import { serverSources } from '../../test/support/source-files.ts';
import { AppError, ErrorCodes } from './app-error.ts';

/**
 * Every code an AppError can carry, read from the sources: literals given to `new AppError(` and to the helpers that
 * forward their code to it (`feedError`, `caseError`), the members of the `…ErrorCode` unions that reach it, the
 * ID-number codes of src/domain/id-number.ts and the codes the HTTP edge answers with.
 */
function codesUsedInSource(): Map<string, string> {
  const used = new Map<string, string>();
  const add = (code: string, path: string) => used.set(code, used.get(code) ?? path);
  for (const { path, text } of serverSources()) {
    for (const m of text.matchAll(/\b(?:new AppError|feedError|caseError|fail)\(\s*'([A-Z][A-Z0-9_]*)'/g)) {
      add(m[1] as string, path);
    }
    for (const m of text.matchAll(/type \w*ErrorCode =([^;]*);/g)) {
      for (const c of (m[1] as string).matchAll(/'([A-Z][A-Z0-9_]*)'/g)) add(c[1] as string, path);
    }
    if (path.endsWith('id-number.ts') || path.endsWith('http-errors.ts')) {
      for (const c of text.matchAll(/code: '([A-Z][A-Z0-9_]*)'/g)) add(c[1] as string, path);
    }
  }
  return used;
}

describe('error codes', () => {
  it('lists every code thrown anywhere in src/ in the registry, with its HTTP status', () => {
    const used = codesUsedInSource();
    expect(used.size).toBeGreaterThan(80);
    const missing = [...used].filter(([code]) => !(code in ErrorCodes)).map(([code, path]) => `${code} (${path})`);
    expect(missing).toEqual([]);
  });

  it('takes the HTTP status from the registry only: one status per code (issue 12 point 4)', () => {
    expect(new AppError('CASE_WRONG_LEVEL', 'x').status).toBe(403);
    expect(new AppError('BACKSTOP_DECIDED', 'x').status).toBe(409);
    expect(new AppError('LINE_NOT_SET', 'x').status).toBe(404);
  });
});
