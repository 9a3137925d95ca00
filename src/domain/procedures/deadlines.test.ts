import { describe, expect, it } from 'vitest';
import { defaultCalendars } from '../calendar/official-calendar.ts';
import { computeDeadlines, dayInMonth, roundMonthFor } from './deadlines.ts';
import { ANHUI_INCLUSION, BORTALA_INCLUSION, GANSU_INCLUSION, HUIZE_INCLUSION } from './templates/index.ts';

const cals = defaultCalendars();
const dues = (r: ReturnType<typeof computeDeadlines>) => r.map((d) => d.due);

describe('step deadlines (SPEC §8.1, §8.2)', () => {
  it('会泽: every step due on its day of the round month (SPEC §8.2)', () => {
    const r = computeDeadlines(HUIZE_INCLUSION, '2026-10-01', cals);
    expect(dues(r)).toEqual([
      '2026-10-03',
      '2026-10-05',
      '2026-10-08',
      '2026-10-12',
      '2026-10-17',
      '2026-10-19',
      '2026-10-23',
      '2026-10-27',
    ]);
    expect(r[0]).toMatchObject({ basis: '每月3日前', own: true, onDayOff: true }); // 10-03 is in the National Day holiday
    expect(r[2]?.onDayOff).toBe(false);
  });

  it('a case started after the collection deadline joins the next round (SPEC §8.2)', () => {
    expect(roundMonthFor(HUIZE_INCLUSION, '2026-10-03')).toBe('2026-10');
    expect(roundMonthFor(HUIZE_INCLUSION, '2026-10-04')).toBe('2026-11');
    expect(roundMonthFor(HUIZE_INCLUSION, '2026-12-20')).toBe('2027-01');
    expect(computeDeadlines(HUIZE_INCLUSION, '2026-10-04', cals)[7]?.due).toBe('2026-11-27');
  });

  it('a day-of-month deadline on a day off is kept unless the county configures a move (SPEC §8.2)', () => {
    const prev = computeDeadlines(HUIZE_INCLUSION, '2026-10-01', cals, { dayOfMonthRule: 'previous_working_day' });
    expect(prev[0]?.due).toBe('2026-09-30');
    const next = computeDeadlines(HUIZE_INCLUSION, '2026-10-01', cals, { dayOfMonthRule: 'next_working_day' });
    expect(next[0]?.due).toBe('2026-10-08');
  });

  it('clamps a day beyond the month end (SPEC §8.2)', () => {
    expect(dayInMonth('2026-02', 31)).toBe('2026-02-28');
  });

  it('安徽: household check within 2 working days, whole procedure within 20 (SPEC §8.1)', () => {
    const r = computeDeadlines(ANHUI_INCLUSION, '2026-09-28', cals);
    expect(r[1]).toMatchObject({ due: '2026-09-30', own: true, basis: '上一步骤完成后2个工作日内' });
    expect(r[4]).toMatchObject({ due: '2026-10-30', own: true, basis: '启动后20个工作日内' });
    // Steps without their own rule are due by the next deadline.
    expect(r[0]).toMatchObject({ due: '2026-09-30', own: false });
    expect(r[2]).toMatchObject({ due: '2026-10-30', own: false });
  });

  it('甘肃: 5 and 15 working days across National Day and its make-up Saturday (SPEC §8.1)', () => {
    const r = computeDeadlines(GANSU_INCLUSION, '2026-09-28', cals);
    expect(r[1]?.due).toBe('2026-10-10');
    expect(r[4]?.due).toBe('2026-10-23');
  });

  it('"from previous" counts from the actual completion when known (SPEC §8.1)', () => {
    const r = computeDeadlines(ANHUI_INCLUSION, '2026-09-28', cals, { completedOn: ['2026-09-29'] });
    expect(r[1]?.due).toBe('2026-10-08');
  });

  it('a template whose document fixes no deadlines has none (SPEC §8.1, 博尔塔拉)', () => {
    const r = computeDeadlines(BORTALA_INCLUSION, '2026-09-28', cals);
    expect(dues(r).every((d) => d === null)).toBe(true);
    expect(r[0]?.basis).toBe('随后续步骤时限');
  });

  it('flags deadlines in a year without an official calendar (SPEC §8.1)', () => {
    const r = computeDeadlines(ANHUI_INCLUSION, '2026-12-21', cals);
    expect(r[4]).toMatchObject({ uncertain: true, missingYears: [2027] });
    expect(r[1]?.uncertain).toBe(false);
  });
});
