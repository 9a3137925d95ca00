import { describe, expect, it } from 'vitest';
import { countedMembers, familyNetIncome, perCapitaNetIncome } from './household-income.ts';
import { divideFen, toFen, toYuan } from './money.ts';

describe('household income (SPEC §4.3)', () => {
  it('adds wage, net business (gross − cost), property and transfer income', () => {
    const net = familyNetIncome({
      wage: '12000.10',
      businessGross: 5000,
      businessCost: '2000.05',
      property: 0,
      transfer: 1500,
    });
    expect(toYuan(net)).toBe(16500.05);
  });

  it('allows a business loss to reduce family net income', () => {
    expect(
      toYuan(familyNetIncome({ wage: 1000, businessGross: 100, businessCost: 600, property: 0, transfer: 0 })),
    ).toBe(500);
  });

  it('counts only normal members (SPEC §7.2 item 9)', () => {
    expect(
      countedMembers([{ status: 'normal' }, { status: 'deceased' }, { status: 'not_sharing' }, { status: 'normal' }]),
    ).toBe(2);
  });

  it('divides by counted members, rounding to the fen', () => {
    expect(toYuan(perCapitaNetIncome(toFen(10000), 3) as number)).toBe(3333.33);
    expect(perCapitaNetIncome(toFen(10000), 0)).toBeNull();
  });

  it('sums exactly where floating point would not', () => {
    expect(toYuan(toFen('0.1') + toFen('0.2'))).toBe(0.3);
    expect(divideFen(-5, 2)).toBe(-3);
  });
});
