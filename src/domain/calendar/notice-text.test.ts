import { describe, expect, it } from 'vitest';
import { readHolidayNotice } from './notice-text.ts';
import { defaultCalendars } from './official-calendar.ts';
import { validateOfficialCalendar } from './validate-calendar.ts';

/** The 2025 notice (国办发明电〔2024〕12号) as published, its dates checked against the published calendar. */
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

describe('reading the State Council holiday notice (SPEC §8.1, issue 10)', () => {
  it('reads the 2025 notice into the official calendar, ranges and make-up days included', () => {
    const r = readHolidayNotice(NOTICE_2025);
    expect(r.problems).toEqual([]);
    expect(r.calendar.year).toBe(2025);
    expect(r.calendar.source).toBe('国务院办公厅关于2025年部分节假日安排的通知');
    expect(r.calendar.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(r.calendar.holidays).toContain('2025-02-04');
    expect(r.calendar.holidays).toContain('2025-06-02');
    expect(r.calendar.workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(validateOfficialCalendar(r.calendar).ok).toBe(true);
    const shipped = defaultCalendars().find((c) => c.year === 2025);
    expect(r.calendar.workdays).toEqual(shipped?.workdays);
    expect(r.calendar.holidays).toEqual(shipped?.holidays);
  });

  it('takes the year from a line of its own and says what it could not read', () => {
    const r = readHolidayNotice('年份：2027\n来源：测试\n元旦：放假一天');
    expect(r.calendar).toMatchObject({ year: 2027, source: '测试' });
    expect(r.problems).toEqual(['“元旦：放假一天”中没有放假日期']);
    expect(readHolidayNotice('元旦：1月1日放假').problems[0]).toContain('未找到年份');
  });
});
