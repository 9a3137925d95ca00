import { describe, expect, it } from 'vitest';
import { fieldTest, recordTest } from './record-test.ts';

const data = (d: Record<string, unknown>) => (f: string) => d[f];

describe('record tests in memory, as screening runs them in SQL (SPEC §10)', () => {
  it('fails a positive test and passes a negative one on a missing value', () => {
    expect(fieldTest({ field: 'x', op: 'eq', value: 'a' }, data({}))).toBe(false);
    expect(fieldTest({ field: 'x', op: 'ne', value: 'a' }, data({}))).toBe(true);
    expect(fieldTest({ field: 'x', op: 'contains_none', value: ['货车'] }, data({}))).toBe(true);
    expect(fieldTest({ field: 'x', op: 'in', value: ['1', '2'] }, data({ x: '2' }))).toBe(true);
  });

  it('compares fen fields with yuan thresholds ×100', () => {
    const t = { field: 'price', op: 'gte', threshold: 'amountYuan' };
    expect(fieldTest(t, data({ price: 10000000 }), { amountYuan: 100000 }, new Set(['price']))).toBe(true);
    expect(fieldTest(t, data({ price: 9999999 }), { amountYuan: 100000 }, new Set(['price']))).toBe(false);
  });

  it('tells a record the rule clears from one it cannot classify', () => {
    const car = {
      all: [
        { field: 'v', op: 'contains_any', value: ['客车', '轿车'] },
        { field: 'v', op: 'contains_none', value: ['货车'] },
      ],
    };
    expect(recordTest(car, data({ v: '小型轿车' }))).toBe('pass');
    expect(recordTest(car, data({ v: '重型货车' }))).toBe('excluded');
    expect(recordTest(car, data({ v: '其他' }))).toBe('unknown');
    expect(
      recordTest(
        {
          any: [
            { field: 'a', op: 'is_true' },
            { field: 'b', op: 'is_true' },
          ],
        },
        data({ b: true }),
      ),
    ).toBe('pass');
  });
});
