import { describe, expect, it } from 'vitest';
import { chinaDate, chinaToday, weekday } from './dates.ts';
import { calendarYears, defaultCalendars, isWorkingDay, withCalendar } from './official-calendar.ts';
import {
  addCalendarDays,
  addWorkingDays,
  latestPublicityStart,
  publicityPeriod,
  publicityPhase,
  workingDaysBetween,
} from './working-days.ts';

const cals = defaultCalendars();

describe('official calendars from chinese-days (SPEC §8.1)', () => {
  it('ships one calendar per year 2004–2026, sourced from the package', () => {
    const years = calendarYears(cals);
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
    expect(cals.every((c) => c.source.startsWith('chinese-days@'))).toBe(true);
  });

  it('counts holidays off and 调休 make-up weekend days as working (SPEC §8.1)', () => {
    expect(weekday('2026-09-28')).toBe(1);
    expect(isWorkingDay('2026-10-01', cals)).toBe(false); // National Day
    expect(isWorkingDay('2026-10-07', cals)).toBe(false);
    expect(isWorkingDay('2026-09-25', cals)).toBe(false); // Mid-autumn, a Friday
    expect(isWorkingDay('2026-10-10', cals)).toBe(true); // Saturday make-up day
    expect(isWorkingDay('2026-09-20', cals)).toBe(true); // Sunday make-up day
    expect(isWorkingDay('2026-09-27', cals)).toBe(false); // Sunday inside the Mid-autumn block
    expect(isWorkingDay('2026-10-17', cals)).toBe(false); // plain Saturday
    expect(isWorkingDay('2026-10-08', cals)).toBe(true);
  });

  it('answers undefined, not false, for a year without an official calendar (SPEC §8.1)', () => {
    expect(isWorkingDay('2027-03-01', cals)).toBeUndefined();
  });

  it('an admin-loaded year completes the shipped calendars (SPEC §8.1)', () => {
    const more = withCalendar(cals, { year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'test' });
    expect(isWorkingDay('2027-01-01', more)).toBe(false);
    expect(isWorkingDay('2027-01-04', more)).toBe(true);
    expect(calendarYears(more).at(-1)).toBe(2027);
  });
});

describe('publicity periods (SPEC §8.1)', () => {
  it('a publicity period spanning National Day ends after 5 working days (SPEC §8.1)', () => {
    // 9-28 (Mon), 9-29, 9-30 count; 10-01..10-07 are off; 10-08, 10-09 complete the five.
    const p = publicityPeriod('2026-09-28', 5, 'working', cals);
    expect(p).toMatchObject({
      start: '2026-09-28',
      firstCountedDay: '2026-09-28',
      end: '2026-10-09',
      uncertain: false,
    });
  });

  it('a make-up Saturday counts as a publicity working day (SPEC §8.1)', () => {
    // 9-29, 9-30, 10-08, 10-09, 10-10 (Saturday, 调休上班)
    expect(publicityPeriod('2026-09-29', 5, 'working', cals).end).toBe('2026-10-10');
  });

  it('a notice posted on a holiday starts counting on the next working day (SPEC §8.1)', () => {
    const p = publicityPeriod('2026-09-26', 5, 'working', cals); // Saturday in the Mid-autumn block
    expect(p.firstCountedDay).toBe('2026-09-28');
    expect(p.end).toBe('2026-10-09');
  });

  it('公示期不少于5天 counts calendar days with the start day as day 1 (SPEC §8.1, 博尔塔拉 §五)', () => {
    expect(publicityPeriod('2026-09-28', 5, 'calendar', cals).end).toBe('2026-10-02');
    expect(addCalendarDays('2026-09-28', 5)).toBe('2026-10-03');
  });

  it('objections are accepted through the end date; publicity ends the day after (SPEC §8.1)', () => {
    const p = publicityPeriod('2026-09-28', 5, 'working', cals);
    expect(publicityPhase(p, '2026-09-27')).toBe('not_started');
    expect(publicityPhase(p, '2026-10-09')).toBe('running');
    expect(publicityPhase(p, '2026-10-10')).toBe('ended');
  });

  it('a period reaching a year with no calendar is flagged uncertain with the missing year (SPEC §8.1)', () => {
    const p = publicityPeriod('2026-12-28', 5, 'working', cals);
    expect(p).toMatchObject({ uncertain: true, missingYears: [2027], end: '2027-01-01' });
    expect(publicityPeriod('2026-12-21', 5, 'working', cals).uncertain).toBe(false);
  });

  it('gives the latest day to post a publicity that must end by a deadline (SPEC §8.2)', () => {
    // 5 working days ending by Thursday 2026-09-17: post by Friday 9-11.
    expect(latestPublicityStart('2026-09-17', 5, 'working', cals).end).toBe('2026-09-11');
    // Deadline on a holiday: count back from the last working day before it (10-17 is a Saturday → 10-16).
    expect(latestPublicityStart('2026-10-17', 5, 'working', cals).end).toBe('2026-10-12');
    expect(latestPublicityStart('2026-10-17', 5, 'calendar', cals).end).toBe('2026-10-13');
  });
});

describe('working-day deadlines (SPEC §8.1)', () => {
  it('within N working days does not count the start day (安徽 2 working days, SPEC §8.1)', () => {
    expect(addWorkingDays('2026-09-30', 2, cals)).toEqual({ end: '2026-10-09', uncertain: false, missingYears: [] });
    expect(addWorkingDays('2026-09-28', 0, cals).end).toBe('2026-09-28');
  });

  it('Spring Festival 2026: Feb 15–23 off, Feb 14 and 28 worked (SPEC §8.1)', () => {
    expect(addWorkingDays('2026-02-13', 1, cals).end).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1, cals).end).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-27', 1, cals).end).toBe('2026-02-28');
  });

  it('counts back with a negative n (SPEC §8.1)', () => {
    expect(addWorkingDays('2026-10-09', -2, cals).end).toBe('2026-09-30');
  });

  it('workingDaysBetween is the inverse of addWorkingDays (SPEC §8.1)', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-10', cals).days).toBe(3);
    expect(workingDaysBetween('2026-10-10', '2026-09-30', cals).days).toBe(-3);
    const end = addWorkingDays('2026-01-05', 20, cals).end;
    expect(workingDaysBetween('2026-01-05', end, cals).days).toBe(20);
    expect(workingDaysBetween('2026-12-30', '2027-01-05', cals)).toMatchObject({
      uncertain: true,
      missingYears: [2027],
    });
  });

  it('compares on the China civil date of a timestamp (SPEC §8.1)', () => {
    expect(chinaDate('2026-10-09T17:30:00Z')).toBe('2026-10-10');
    expect(chinaDate('2026-10-09T23:30:00+08:00')).toBe('2026-10-09');
    expect(chinaDate('2026-10-09T23:30:00')).toBe('2026-10-09');
    expect(chinaDate('2026-10-09')).toBe('2026-10-09');
  });

  it('counts today on the China civil date: at 07:30 Beijing time the UTC date is still yesterday', () => {
    expect(chinaToday(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(chinaToday(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(chinaToday(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
  });
});
