import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { cluesOf, importRows, type KnownHousehold, knownHousehold } from './feeds-fixtures.ts';
import { auditActionsWritten, unknownAuditActions } from './support/audit-actions.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

describe(`regional and large-scale risk on ${ENGINE} (SPEC §11)`, () => {
  let t: TestApp;
  let county: string;
  let villages: string[];
  beforeAll(async () => {
    t = await startTestApp();
    county = await t.login('county');
    villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children.map((v) => v.code);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, cookie = county) => t.request(cookie, { method: 'POST', url, payload });
  const worksOutside = (h: KnownHousehold) =>
    sql`UPDATE persons SET employment = 'outside', employment_months = 8
      WHERE household_id = ${h.id}::uuid AND relation = 'head'`.execute(t.ctx.database.db);

  it('an unemployment rise reaches the households with members working outside, each with a clue', async () => {
    const v = villages[1] as string;
    const [a, b, c] = [await knownHousehold(t, v), await knownHousehold(t, v), await knownHousehold(t, v)];
    await worksOutside(a);
    await worksOutside(b);
    const res = await post('/api/regional-risks', {
      regionCode: v,
      eventType: 'unemployment',
      title: '外出务工集中地工厂停产，返乡人员增多',
      startedOn: '2026-10-15',
      exposure: { employment: ['outside'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ householdsExposed: 2, cluesCreated: 2, riskTypes: ['industry_employment'] });
    const id = res.json().id;
    const list = (await t.request(county, { method: 'GET', url: `/api/regional-risks/${id}/households` })).json();
    expect(list.items.map((h: { id: string }) => h.id).sort()).toEqual([a.id, b.id].sort());
    expect(list.items[0].reason).toContain('外出务工');
    for (const h of [a, b]) {
      expect((await cluesOf(t, h.id)).map((x) => [x.sourceRef, x.riskTypes])).toEqual([
        [`regional_risk:${id}`, ['industry_employment']],
      ]);
    }
    expect(await cluesOf(t, c.id)).toHaveLength(0);
    const events = (await t.request(county, { method: 'GET', url: '/api/regional-risks' })).json();
    expect(events[0]).toMatchObject({ id, eventType: 'unemployment', householdsExposed: 2 });
  });

  it('a price fall of a product reaches the households that grow it (from agriculture data) with business income', async () => {
    const v = villages[2] as string;
    const grower = await knownHousehold(t, v);
    const other = await knownHousehold(t, v);
    for (const h of [grower, other]) {
      await t.services.registry.recordIncome(SYSTEM_ACTOR, h.id, {
        year: 2025,
        businessGross: 20000,
        businessCost: 5000,
      });
    }
    await importRows(t, 'agriculture', 'crop_loss', [
      { name: grower.head.name, idNumber: grower.head.idNumber, product: '马铃薯', lossAmount: '500' },
    ]);
    const res = await post('/api/regional-risks', {
      regionCode: v,
      eventType: 'price_fall',
      title: '马铃薯收购价同比下跌40%',
      product: '马铃薯',
      startedOn: '2026-09-01',
      exposure: { businessIncome: true },
    });
    expect(res.json()).toMatchObject({ householdsExposed: 1, cluesCreated: 1 });
    expect((await cluesOf(t, grower.id)).map((c) => c.sourceRef)).toContain(`regional_risk:${res.json().id}`);
  });

  it('only the county records events; out-of-scope regions are refused', async () => {
    const village = await t.login('village');
    const body = { regionCode: t.village, eventType: 'natural_disaster', title: '冰雹', startedOn: '2026-08-01' };
    expect((await post('/api/regional-risks', body, village)).statusCode).toBe(403);
    expect((await post('/api/regional-risks', { ...body, regionCode: '620102' })).statusCode).toBe(403);
  });

  it("warns when a village's new clues in a month exceed twice its six-month average and 5 per 1,000 households", async () => {
    const v = villages[3] as string;
    const steady = villages[4] as string;
    const hot = [await knownHousehold(t, v), await knownHousehold(t, v)];
    const calm = await knownHousehold(t, steady);
    const clue = (householdId: string, receivedOn: string, n: number) =>
      t.services.clues.record(SYSTEM_ACTOR, {
        channel: 'social',
        sourceKind: 'petition',
        householdId,
        finding: '信访反映困难',
        facts: { n },
        receivedOn,
      });
    await clue(hot[0]?.id as string, '2026-06-10', 1);
    for (const [i, d] of ['2026-10-02', '2026-10-09', '2026-10-20'].entries())
      await clue(hot[i % 2]?.id as string, d, 10 + i);
    for (const [i, d] of [
      '2026-05-03',
      '2026-06-03',
      '2026-07-03',
      '2026-08-03',
      '2026-09-03',
      '2026-10-03',
    ].entries()) {
      await clue(calm.id, d, 20 + i);
    }
    const township = await t.login('township');
    const res = await t.request(township, { method: 'GET', url: '/api/regional-risks/anomalies?month=2026-10' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.params).toEqual({ factorOverAverage: 2, months: 6, minNewCluesPer1000: 5 });
    // the steady village (one clue a month) is not flagged
    expect(r.villages.map((x: { regionCode: string }) => x.regionCode)).toEqual([v]);
    expect(r.villages[0]).toMatchObject({ newClues: 3, households: 2, clueAnomaly: true });
    expect(r.villages[0].averageClues).toBeCloseTo(1 / 6, 2);
    expect(r.checked.villages).toBeGreaterThanOrEqual(2);
  });

  it('writes only audit actions listed in AuditActions (SPEC §17)', async () => {
    expect(await auditActionsWritten(t.ctx.database.db)).toContain('regional_risk.record');
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});
