import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCampaigns } from '../src/modules/demo/demo-campaigns.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

describe(`the demo's running campaign on ${ENGINE} (SPEC §15, issue 17)`, () => {
  let t: TestApp;
  let ids: { campaignId: string; spotCheckId: string };
  beforeAll(async () => {
    t = await startTestApp();
    ids = await loadDemoCampaigns(t.ctx, t.services, { township: t.township, village: t.village });
  });
  afterAll(() => t.close());

  it('shows problems in every state, overdue ones escalated, and the county spot check covering every township', async () => {
    const county = await t.login('county');
    const f = (await t.request(county, { method: 'GET', url: `/api/campaigns/${ids.campaignId}/figures` })).json();
    // 3 villages × 2 problem findings and the township's problem are past their deadline.
    expect(f.totals).toEqual({ found: 10, open: 9, submitted: 1, closed: 1, overdue: 7 });
    expect(f.coverage.townshipsSampled).toBe(f.coverage.townships);
    expect(f.coverage.sampledVillages / f.coverage.villages).toBeGreaterThanOrEqual(0.3);
    expect(f.coverage.checkedVillages).toBe(3);
    const list = (
      await t.request(county, { method: 'GET', url: `/api/problems?campaignId=${ids.campaignId}&status=overdue` })
    ).json();
    expect(list.items.every((p: { escalatedTo: string | null }) => p.escalatedTo !== null)).toBe(true);
    const board = (await t.request(county, { method: 'GET', url: '/api/problem-board' })).json();
    expect(board.cleared).toBe(false);
  });
});
