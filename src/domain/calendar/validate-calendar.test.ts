import { describe, expect, it } from 'vitest';
import { validateOfficialCalendar } from './validate-calendar.ts';

const good = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-06', '2027-02-07'],
  workdays: ['2027-01-30'],
  source: '国务院办公厅通知',
  publishedAt: '2026-11-10',
};

describe('validating an admin-loaded calendar (SPEC §8.1)', () => {
  it('accepts a well-formed calendar and sorts its dates (SPEC §8.1)', () => {
    const r = validateOfficialCalendar({ ...good, holidays: ['2027-02-07', '2027-01-01'] }, 2027);
    expect(r).toEqual({
      ok: true,
      value: { ...good, holidays: ['2027-01-01', '2027-02-07'] },
    });
  });

  it('rejects a non-object with a Chinese message (SPEC §8.1)', () => {
    const r = validateOfficialCalendar([1, 2]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toContain('JSON对象');
  });

  it('names each bad field: dates outside the year, invalid dates, duplicates (SPEC §8.1)', () => {
    const r = validateOfficialCalendar({
      ...good,
      holidays: ['2027-01-01', '2026-12-31', '2027-02-30', '2027-01-01'],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.errors.map((e) => [e.field, e.message]));
    expect(byField['holidays[1]']).toContain('不在2027年内');
    expect(byField['holidays[2]']).toContain('不是有效日期');
    expect(byField['holidays[3]']).toContain('重复');
  });

  it('refuses a date that is both a holiday and a make-up workday (SPEC §8.1)', () => {
    const r = validateOfficialCalendar({ ...good, workdays: ['2027-01-01'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual(expect.objectContaining({ field: 'workdays[0]' }));
    if (!r.ok) expect(r.errors[0]?.message).toContain('同时出现');
  });

  it('refuses a make-up workday that is already a weekday (SPEC §8.1)', () => {
    const r = validateOfficialCalendar({ ...good, workdays: ['2027-02-10'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toContain('周三');
  });

  it('checks year, source, publishedAt, unknown fields and the chosen year (SPEC §8.1)', () => {
    const r = validateOfficialCalendar({
      year: '2027',
      holidays: 'x',
      workdays: [],
      source: ' ',
      extra: 1,
      publishedAt: 'x',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['extra', 'holidays', 'publishedAt', 'source', 'year']);
    const wrongYear = validateOfficialCalendar(good, 2028);
    expect(wrongYear.ok).toBe(false);
    if (!wrongYear.ok) expect(wrongYear.errors[0]?.message).toContain('与所选年份2028不一致');
  });
});
