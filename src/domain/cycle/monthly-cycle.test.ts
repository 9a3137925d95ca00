import { describe, expect, it } from 'vitest';
import { defaultCalendars } from '../calendar/official-calendar.ts';
import { BORTALA_INCLUSION, HUIZE_INCLUSION } from '../procedures/templates/index.ts';
import { lateItems, lateItemsVisibleTo } from './late-items.ts';
import { type MonthlyCycle, monthlyCycle } from './monthly-cycle.ts';

const calendars = defaultCalendars();
const october = monthlyCycle({
  month: '2026-10',
  template: HUIZE_INCLUSION,
  concentratedScreening: false,
  calendars,
}) as MonthlyCycle;

describe('monthly cycle (SPEC §8.2)', () => {
  it('gives the eight 会泽 deadlines of the month (SPEC §8.2)', () => {
    expect(october.skipped).toBe(false);
    expect(october.steps.map((s) => [s.stepName, s.due])).toEqual([
      ['风险信息收集', '2026-10-03'],
      ['综合分析研判', '2026-10-05'],
      ['实地入户调查', '2026-10-08'],
      ['部门信息比对', '2026-10-12'],
      ['村级评议公示', '2026-10-17'],
      ['乡镇审核', '2026-10-19'],
      ['县级确定', '2026-10-23'],
      ['数据录入和清洗', '2026-10-27'],
    ]);
  });

  it('keeps a deadline that falls on a holiday and flags it (SPEC §8.2; the documents are silent)', () => {
    expect(october.steps[0]).toMatchObject({ due: '2026-10-03', onDayOff: true });
    expect(october.steps[4]).toMatchObject({ due: '2026-10-17', onDayOff: true });
    const moved = monthlyCycle({
      month: '2026-10',
      template: HUIZE_INCLUSION,
      concentratedScreening: false,
      calendars,
      dayOfMonthRule: 'next_working_day',
    }) as MonthlyCycle;
    expect(moved.steps[0]?.due).toBe('2026-10-08');
  });

  it('is skipped in a month with a concentrated screening (SPEC §8.2)', () => {
    const r = monthlyCycle({ month: '2026-12', template: HUIZE_INCLUSION, concentratedScreening: true, calendars });
    expect(r).toMatchObject({ skipped: true, reason: 'concentrated_screening' });
    if (r.skipped) expect(r.message).toContain('集中排查');
  });

  it('is skipped for a template without day-of-month deadlines (SPEC §8.2)', () => {
    const r = monthlyCycle({ month: '2026-10', template: BORTALA_INCLUSION, concentratedScreening: false, calendars });
    expect(r).toMatchObject({ skipped: true, reason: 'template_not_monthly' });
  });

  it('says when 5 working days of publicity cannot fit between the 12th and the 17th (SPEC §8.2)', () => {
    expect(october.steps[4]?.publicity).toMatchObject({ latestStart: '2026-10-12', fitsAfterPreviousStep: true });
    const september = monthlyCycle({
      month: '2026-09',
      template: HUIZE_INCLUSION,
      concentratedScreening: false,
      calendars,
    }) as MonthlyCycle;
    expect(september.steps[4]?.publicity).toMatchObject({ latestStart: '2026-09-11', fitsAfterPreviousStep: false });
  });

  it('flags a month in a year without an official calendar (SPEC §8.1, §8.2)', () => {
    const r = monthlyCycle({ month: '2027-01', template: HUIZE_INCLUSION, concentratedScreening: false, calendars });
    expect(r).toMatchObject({ skipped: false, uncertain: true, missingYears: [2027] });
  });
});

describe('late items (SPEC §8.2)', () => {
  it('classifies open and late-completed items per level, each visible one level up (SPEC §8.2)', () => {
    const report = lateItems(
      october,
      [
        { id: 'c1', stepCode: 'collect', regionCode: '530326100001' },
        { id: 'c2', stepCode: 'analyse', completedOn: '2026-10-05' },
        { id: 'c3', stepCode: 'survey', completedOn: '2026-10-09' },
        { id: 'c4', stepCode: 'compare' },
        { id: 'c5', stepCode: 'township_review' },
        { id: 'c6', stepCode: 'nope' },
      ],
      '2026-10-20',
    );
    expect(report.items.map((i) => [i.id, i.kind, i.daysLate])).toEqual([
      ['c1', 'overdue', 17],
      ['c3', 'completed_late', 1],
      ['c4', 'overdue', 8],
      ['c5', 'overdue', 1],
    ]);
    expect(report.items[0]).toMatchObject({
      level: 'village',
      visibleTo: ['village', 'township'],
      regionCode: '530326100001',
    });
    expect(report.byLevel.township.map((i) => i.id)).toEqual(['c5']);
    expect(report.byLevel.county.map((i) => i.id)).toEqual(['c4']);
    expect(lateItemsVisibleTo(report, 'county').map((i) => i.id)).toEqual(['c4', 'c5']);
    expect(lateItemsVisibleTo(report, 'prefecture').map((i) => i.id)).toEqual(['c4']);
    expect(report.unknownSteps).toEqual(['nope']);
  });

  it('a step done on its due day is on time; open items are late from the next day (SPEC §8.2)', () => {
    expect(lateItems(october, [{ id: 'a', stepCode: 'compare' }], '2026-10-12').items).toEqual([]);
    expect(lateItems(october, [{ id: 'a', stepCode: 'compare' }], '2026-10-13').items).toHaveLength(1);
  });

  it('a skipped month has no late items (SPEC §8.2)', () => {
    const skipped = monthlyCycle({
      month: '2026-12',
      template: HUIZE_INCLUSION,
      concentratedScreening: true,
      calendars,
    });
    expect(lateItems(skipped, [{ id: 'a', stepCode: 'collect' }], '2026-12-31').items).toEqual([]);
  });
});
