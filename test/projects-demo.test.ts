import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoProjects } from '../src/modules/demo/demo-projects.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

describe(`the demo's project library on ${ENGINE} (SPEC §13, issue 15)`, () => {
  let t: TestApp;
  let loaded: { projects: number; beneficiaries: number; assets: number };
  beforeAll(async () => {
    t = await startTestApp();
    const village = await t.login('village');
    for (let i = 0; i < 4; i++) {
      await t.request(village, { method: 'POST', url: '/api/households', payload: householdPayload(t.village) });
    }
    loaded = await loadDemoProjects(t.ctx, t.services);
  });
  afterAll(() => t.close());

  it('shows every stage of the library and blue, yellow and red cards, one recovered from red (SPEC §13)', async () => {
    expect(loaded).toEqual({ projects: 11, beneficiaries: 4, assets: 5 });
    const county = await t.login('county');
    const list = (await t.request(county, { method: 'GET', url: '/api/projects' })).json();
    expect(new Set(list.map((p: { status: string }) => p.status))).toEqual(
      new Set(['proposed', 'reviewing', 'approved', 'implementing', 'accepted', 'operating', 'withdrawn']),
    );
    const b = (await t.request(county, { method: 'GET', url: '/api/projects/bulletin' })).json();
    expect(b.counts).toEqual({ blue: 3, yellow: 1, red: 2, total: 6 });
    expect(b.projects.map((p: { reason: string }) => p.reason)).toContain('达到当月进度要求，由红牌转为蓝牌');
    const key = list.filter((p: { keyProject: boolean }) => p.keyProject);
    expect(key.length).toBe(2);
    for (const p of key.filter((k: { status: string }) => k.status !== 'proposed')) {
      expect(Object.keys(p.keyResponsible).sort()).toEqual(['city', 'district', 'town']);
    }
  });

  it('registers the accepted projects’ assets with income, its distribution and a transfer awaiting approval (SPEC §13)', async () => {
    const county = await t.login('county');
    const reg = (await t.request(county, { method: 'GET', url: '/api/project-assets' })).json();
    expect(reg.totals).toMatchObject({ count: 5, valueYuan: 1_080_000, pendingChanges: 1 });
    const plant = reg.assets.find((a: { name: string }) => a.name.startsWith('村级光伏电站'));
    expect(plant.incomes[0]).toMatchObject({ incomeYuan: 31_600, undistributedYuan: 3_200 });
    const pending = reg.assets.flatMap((a: { changes: { status: string; canDecide: boolean }[] }) => a.changes);
    // The county bureau reads and decides nothing; the second project officer asked, so the first may approve.
    expect(pending).toEqual([
      expect.objectContaining({ status: 'pending', canDecide: false, requestedBy: 'project2' }),
    ]);
    const mine = (await t.request(await t.login('project'), { method: 'GET', url: '/api/project-assets' })).json();
    const theirs = mine.assets.flatMap((a: { changes: { canDecide: boolean }[] }) => a.changes);
    expect(theirs).toEqual([expect.objectContaining({ status: 'pending', canDecide: true })]);
    const asker = (await t.request(await t.login('project2'), { method: 'GET', url: '/api/project-assets' })).json();
    expect(asker.assets.flatMap((a: { changes: { canDecide: boolean }[] }) => a.changes)[0].canDecide).toBe(false);
  });
});
