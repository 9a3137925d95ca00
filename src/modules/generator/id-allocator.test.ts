import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../domain/id-number.ts';
import { dayOf, IdAllocator } from './id-allocator.ts';

describe('ID number allocation (SPEC §4.2)', () => {
  it('stays unique and valid when many people share a birth date, moving to earlier days when one is full', () => {
    const ids = new IdAllocator(['621124'], '2025-12-31');
    const day = dayOf('1980-05-17');
    const issued = Array.from({ length: 450 }, (_, i) => ids.allocate('621124', day, i % 2 ? 'male' : 'female'));
    expect(new Set(issued.map((x) => x.idNumber)).size).toBe(450);
    for (const x of issued) {
      const p = parseIdNumber(x.idNumber);
      expect(p.ok && p.value.birthDate === x.birthDate).toBe(true);
    }
    expect(issued.some((x) => x.birthDate === '1980-05-16')).toBe(true);
  });

  it('never reissues a number reserved from the database', () => {
    const first = new IdAllocator(['621124'], '2025-12-31');
    const day = dayOf('1990-01-01');
    const old = Array.from({ length: 5 }, () => first.allocate('621124', day, 'male'));
    const second = new IdAllocator(['621124'], '2025-12-31');
    const last = old[4]?.idNumber as string;
    second.reserve('621124', '1990-01-01', last.slice(14, 17));
    const fresh = Array.from({ length: 5 }, () => second.allocate('621124', day, 'male').idNumber);
    for (const id of fresh) expect(old.map((o) => o.idNumber)).not.toContain(id);
  });

  it('never issues a birth date after the last allowed day', () => {
    const ids = new IdAllocator(['621124'], '2025-12-31');
    expect(ids.allocate('621124', dayOf('2026-03-01'), 'female').birthDate).toBe('2025-12-31');
  });
});
