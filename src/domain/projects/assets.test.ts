import { describe, expect, it } from 'vitest';
import { distributionProblem, projectHoldsAssets } from './assets.ts';

describe('project assets (SPEC §13 item 6)', () => {
  it('registers assets only after acceptance', () => {
    expect(projectHoldsAssets('implementing')).toBe(false);
    expect(projectHoldsAssets('withdrawn')).toBe(false);
    expect(projectHoldsAssets('accepted')).toBe(true);
    expect(projectHoldsAssets('operating')).toBe(true);
  });

  it('accepts a distribution up to the income, keeping the rest undistributed', () => {
    expect(distributionProblem(100_000, [])).toBeNull();
    expect(
      distributionProblem(100_000, [
        { purpose: 'household_dividend', amountFen: 60_000 },
        { purpose: 'collective', amountFen: 40_000 },
      ]),
    ).toBeNull();
    expect(distributionProblem(100_000, [{ purpose: 'maintenance', amountFen: 10_000 }])).toBeNull();
  });

  it('refuses a sum above the income, a purpose twice and an empty share, naming the share', () => {
    expect(
      distributionProblem(100_000, [
        { purpose: 'household_dividend', amountFen: 80_000 },
        { purpose: 'collective', amountFen: 30_000 },
      ]),
    ).toEqual({ index: null, message: '分配合计1100.00元，超过当年收益1000.00元' });
    expect(
      distributionProblem(100_000, [
        { purpose: 'collective', amountFen: 1 },
        { purpose: 'collective', amountFen: 2 },
      ]),
    ).toMatchObject({ index: 1 });
    expect(distributionProblem(100_000, [{ purpose: 'public_jobs', amountFen: 0 }])).toMatchObject({ index: 0 });
  });
});
