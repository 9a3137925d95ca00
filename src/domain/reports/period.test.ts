import { describe, expect, it } from 'vitest';
import { byCategoryText, eliminationText } from './figure-text.ts';
import { lastTwelveMonths, parsePeriod, previousMonth } from './period.ts';

describe('report periods (SPEC §12)', () => {
  it('takes stock on the last day of an ended period and on today in a running one (SPEC §12)', () => {
    expect(parsePeriod('2026-02', '2026-06-15')).toMatchObject({
      kind: 'month',
      start: '2026-02-01',
      end: '2026-02-28',
      asOf: '2026-02-28',
      current: false,
      label: '2026年2月',
    });
    expect(parsePeriod('2026-q2', '2026-06-15')).toMatchObject({
      kind: 'quarter',
      key: '2026-Q2',
      start: '2026-04-01',
      end: '2026-06-30',
      asOf: '2026-06-15',
      current: true,
      months: ['2026-04', '2026-05', '2026-06'],
      label: '2026年第二季度',
    });
    expect(parsePeriod('2025', '2026-06-15')).toMatchObject({
      start: '2025-01-01',
      end: '2025-12-31',
      months: expect.any(Array),
    });
    expect(parsePeriod('cumulative', '2026-06-15')).toMatchObject({
      start: null,
      end: '2026-06-15',
      label: '累计（截至2026年6月15日）',
    });
  });

  it('refuses a period not yet begun and a malformed one (SPEC §12)', () => {
    expect(() => parsePeriod('2026-07', '2026-06-15')).toThrow('期间尚未开始');
    expect(() => parsePeriod('2026-13', '2026-06-15')).toThrow('期间格式');
  });

  it('gives twelve months for trends, across a year end', () => {
    expect(lastTwelveMonths('2026-03')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});

describe('figures as the offices write them (SPEC §12, §16)', () => {
  const hp = (households: number, persons: number) => ({ households, persons });
  it('writes "纳入监测41户129人，其中…" with the three categories (枣庄 2022)', () => {
    expect(
      byCategoryText('纳入监测', { total: hp(41, 129), unstable: hp(5, 14), marginal: hp(17, 54), sudden: hp(19, 61) }),
    ).toBe('纳入监测41户129人，其中脱贫不稳定户5户14人、边缘易致贫户17户54人、突发严重困难户19户61人');
    expect(
      byCategoryText('纳入监测', { total: hp(0, 0), unstable: hp(0, 0), marginal: hp(0, 0), sudden: hp(0, 0) }),
    ).toBe('纳入监测0户0人');
  });

  it('writes the eliminated share by persons, as published, and by households', () => {
    expect(eliminationText(hp(361, 828), { persons: 828 / 3212, households: 361 / 1188 })).toBe(
      '已标注风险消除361户828人，占累计纳入人数的25.78%（户数占比30.39%）',
    );
  });
});
