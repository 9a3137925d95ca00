import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

describe(`monitoring lines and regions on ${ENGINE} (SPEC §3, §4.4)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves the health check without a session', async () => {
    const res = await t.request(undefined, { method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: ENGINE });
  });

  it('serves the OpenAPI document at /docs', async () => {
    const res = await t.request(undefined, { method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining(['/api/households', '/api/regions/{code}/children']),
    );
  });

  it('loads the real division codes of the demo county', async () => {
    const res = (
      await t.request(await t.login('county'), { method: 'GET', url: '/api/regions/621124/children' })
    ).json();
    expect(res.region.name).toBe('临洮县');
    expect(res.children.map((c: { name: string }) => c.name)).toContain('洮阳镇');
    expect(res.children.length).toBeGreaterThan(10);
  });

  it('lists villages publicly for the self-declaration form', async () => {
    const res = await t.request(undefined, { method: 'GET', url: `/api/public/regions/${t.township}/children` });
    expect(res.statusCode).toBe(200);
    expect(res.json().children.map((c: { code: string }) => c.code)).toContain(t.village);
  });

  it('refuses unknown region codes with a clear error', async () => {
    const res = await t.request(await t.login('admin'), { method: 'GET', url: '/api/regions/629999/children' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'REGION_UNKNOWN' });
    await expect(t.services.regions.loadCounty(SYSTEM_ACTOR, '999999')).rejects.toMatchObject({
      code: 'REGION_UNKNOWN',
    });
    await expect(t.services.regions.loadCounty(SYSTEM_ACTOR, '62112')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('loads any county asked for, idempotently', async () => {
    const a = await t.services.regions.loadCounty(SYSTEM_ACTOR, '530427');
    const b = await t.services.regions.loadCounty(SYSTEM_ACTOR, '530427');
    expect(a).toEqual(b);
    expect(a.villages).toBeGreaterThan(10);
  });

  it('inherits the province line down to a village and uses the line of the assessed year', async () => {
    const cookie = await t.login('county');
    const r2025 = (
      await t.request(cookie, { method: 'GET', url: `/api/monitoring-lines/effective?region=${t.village}&year=2025` })
    ).json();
    expect(r2025).toMatchObject({ amount: 7200, sourceRegionCode: '62' });
    const r2026 = (
      await t.request(cookie, { method: 'GET', url: `/api/monitoring-lines/effective?region=${t.village}&year=2026` })
    ).json();
    expect(r2026.amount).toBe(7500);
    const none = await t.request(cookie, {
      method: 'GET',
      url: `/api/monitoring-lines/effective?region=${t.village}&year=2021`,
    });
    expect(none.json().code).toBe('LINE_NOT_SET');
  });

  it('lets a county tighten but not loosen the province line, and keeps the history', async () => {
    const cookie = await t.login('county');
    const low = await t.request(cookie, {
      method: 'POST',
      url: '/api/monitoring-lines',
      payload: { regionCode: '621124', year: 2025, amount: 7000 },
    });
    expect(low.statusCode).toBe(400);
    expect(low.json()).toMatchObject({ code: 'LINE_BELOW_PARENT', details: { field: 'amount' } });
    const high = await t.request(cookie, {
      method: 'POST',
      url: '/api/monitoring-lines',
      payload: { regionCode: '621124', year: 2025, amount: 7800, basis: '县级从严' },
    });
    expect(high.statusCode).toBe(201);
    const eff = (
      await t.request(cookie, { method: 'GET', url: `/api/monitoring-lines/effective?region=${t.village}&year=2025` })
    ).json();
    expect(eff).toMatchObject({ amount: 7800, sourceRegionCode: '621124' });
    const hist = (await t.request(cookie, { method: 'GET', url: '/api/monitoring-lines?region=621124' })).json();
    expect(hist.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a raised province line in force over a lower county line set earlier', async () => {
    await t.services.lines.set(SYSTEM_ACTOR, { regionCode: '62', year: 2027, amount: 8000 });
    await t.services.lines.set(SYSTEM_ACTOR, { regionCode: '621124', year: 2027, amount: 8100 });
    await t.services.lines.set(SYSTEM_ACTOR, { regionCode: '62', year: 2027, amount: 8500 });
    expect((await t.services.lines.effective(t.village, 2027))?.amount).toBe(8500);
  });

  it('refuses lines from township or village users', async () => {
    const res = await t.request(await t.login('township'), {
      method: 'POST',
      url: '/api/monitoring-lines',
      payload: { regionCode: '621124', year: 2026, amount: 9000 },
    });
    expect(res.statusCode).toBe(403);
  });
});
