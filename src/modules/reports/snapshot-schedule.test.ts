import { describe, expect, it } from 'vitest';
import { nextMonthEnd } from './snapshot-schedule.ts';

describe('month-end snapshot time (SPEC §12)', () => {
  it('is the last day of the month at the set time, or next month once that has passed', () => {
    const at = nextMonthEnd(new Date(2026, 1, 10, 12, 0), '23:50');
    expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()]).toEqual([
      2026, 1, 28, 23, 50,
    ]);
    const after = nextMonthEnd(new Date(2026, 1, 28, 23, 51), '23:50');
    expect([after.getMonth(), after.getDate()]).toEqual([2, 31]);
    const december = nextMonthEnd(new Date(2026, 11, 31, 23, 55), '23:50');
    expect([december.getFullYear(), december.getMonth(), december.getDate()]).toEqual([2027, 0, 31]);
  });
});
