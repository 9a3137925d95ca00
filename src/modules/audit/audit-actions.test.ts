import { describe, expect, it } from 'vitest';
import { serverSources } from '../../../test/support/source-files.ts';
import { AuditActions, caseActionAudit, isAuditAction } from './audit-actions.ts';

describe('audit actions (SPEC §17)', () => {
  it('are unique', () => {
    const values = Object.values(AuditActions);
    expect(new Set(values).size).toBe(values.length);
  });

  it('map every procedure action to a listed action', () => {
    expect(caseActionAudit('start_publicity')).toBe('case.start_publicity');
    expect(isAuditAction('case.reverse')).toBe(true);
    expect(isAuditAction('case.unknown')).toBe(false);
  });

  it('are written from the constants, not from string literals, anywhere in src/', () => {
    const literals: string[] = [];
    for (const { path, text } of serverSources()) {
      if (path.endsWith('audit-actions.ts')) continue;
      for (const m of text.matchAll(/\baction:\s*(['`])([^'`]*)\1/g)) literals.push(`${path}: ${m[2]}`);
      // Set-wise inserts in SQL: the statement (up to the end of its template) must bind the action as a parameter.
      for (const m of text.matchAll(/insert\s+into\s+audit_log[^`]*/gi)) {
        for (const q of m[0].matchAll(/'([a-z_]+\.[a-z_]+)'/g)) literals.push(`${path}: ${q[1]} (SQL)`);
      }
    }
    expect(literals).toEqual([]);
  });
});
