import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { auditActionsWritten, unknownAuditActions } from './support/audit-actions.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

describe(`clue ledger on ${ENGINE} (SPEC §6)`, () => {
  let t: TestApp;
  let village: string;
  let household: string;
  beforeAll(async () => {
    t = await startTestApp();
    village = await t.login('village');
    household = (await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village))).id;
  });
  afterAll(() => t.close());

  const post = (cookie: string, url: string, payload: object) => t.request(cookie, { method: 'POST', url, payload });

  it('records a petition clue with channel, source, household, due date and status', async () => {
    const res = await post(village, '/api/clues', {
      channel: 'social',
      sourceKind: 'petition',
      sourceRef: '县信访局2026-118号',
      householdId: household,
      finding: '反映户主因病住院，自付费用高',
      riskTypes: ['medical'],
      receivedOn: '2026-11-02',
    });
    expect(res.statusCode).toBe(201);
    const clue = (await t.request(village, { method: 'GET', url: `/api/clues/${res.json().id}` })).json();
    expect(clue).toMatchObject({
      channel: 'social',
      status: 'open',
      receivedOn: '2026-11-02',
      dueOn: '2026-11-17', // clues.dueDays: 15 days by default (issue 10, the counties' practice)
      householdId: household,
    });
  });

  it('merges a duplicate clue with the same household and facts instead of repeating it', async () => {
    const payload = {
      channel: 'social',
      sourceKind: 'hotline',
      sourceRef: '12317',
      householdId: household,
      finding: '房屋漏雨',
      facts: { call: 1 },
    };
    const a = (await post(village, '/api/clues', payload)).json();
    const b = (await post(village, '/api/clues', payload)).json();
    expect(b).toEqual({ id: a.id, merged: true });
    const list = (
      await t.request(village, { method: 'GET', url: `/api/clues?householdId=${household}&channel=social` })
    ).json();
    expect(list.items.filter((c: { id: string }) => c.id === a.id)).toHaveLength(1);
    expect(list.items.find((c: { id: string }) => c.id === a.id).mergedCount).toBe(1);
  });

  it('closes a clue only with a result and a note, and records who closed it (对账销号)', async () => {
    const { id } = (
      await post(village, '/api/clues', {
        channel: 'social',
        sourceKind: 'media',
        householdId: household,
        finding: '媒体报道',
      })
    ).json();
    const noNote = await post(village, `/api/clues/${id}/close`, { result: 'no_risk' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().message).toContain('note');
    const ok = await post(village, `/api/clues/${id}/close`, {
      result: 'no_risk',
      note: '入户核实：已报销，自付500元，无风险',
    });
    expect(ok.statusCode).toBe(200);
    const clue = (await t.request(village, { method: 'GET', url: `/api/clues/${id}` })).json();
    expect(clue).toMatchObject({ status: 'closed', result: 'no_risk', closedBy: 'village' });
    expect((await post(village, `/api/clues/${id}/close`, { result: 'no_risk', note: 'x' })).json().code).toBe(
      'CLUE_CLOSED',
    );
  });

  it('a new clue with the same facts after closing is a new clue', async () => {
    const payload = {
      channel: 'social',
      sourceKind: 'mailbox',
      householdId: household,
      finding: '信箱',
      facts: { n: 7 },
    };
    const a = (await post(village, '/api/clues', payload)).json();
    await post(village, `/api/clues/${a.id}/close`, { result: 'no_risk', note: '无风险' });
    const b = (await post(village, '/api/clues', payload)).json();
    expect(b.merged).toBe(false);
    expect(b.id).not.toBe(a.id);
  });

  it('records a cadre screening visit; with no risk it is closed at once', async () => {
    const res = await post(village, '/api/clues/visits', {
      householdId: household,
      finding: '入户走访，收入稳定，两不愁三保障无问题',
      noRisk: true,
    });
    expect(res.statusCode).toBe(201);
    const clue = (await t.request(village, { method: 'GET', url: `/api/clues/${res.json().id}` })).json();
    expect(clue).toMatchObject({ channel: 'cadre_screening', status: 'closed', result: 'no_risk' });
  });

  it('lists overdue clues for every level above', async () => {
    await post(village, '/api/clues', {
      channel: 'social',
      sourceKind: 'petition',
      householdId: household,
      finding: '旧线索',
      receivedOn: '2026-01-05',
    });
    for (const user of ['village', 'township', 'county', 'supervisor']) {
      const cookie = await t.login(user);
      const list = (await t.request(cookie, { method: 'GET', url: '/api/clues?overdue=true' })).json();
      expect(list.total).toBeGreaterThanOrEqual(1);
      const summaryRes = await t.request(cookie, { method: 'GET', url: '/api/clues/overdue-summary' });
      expect(summaryRes.statusCode, summaryRes.body).toBe(200);
      const summary = summaryRes.json();
      expect(summary.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps a village user out of another village’s clues', async () => {
    const villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children;
    const other = (await t.services.registry.create(SYSTEM_ACTOR, householdPayload(villages[1]?.code as string))).id;
    const { id } = await t.services.clues.record(SYSTEM_ACTOR, {
      channel: 'social',
      sourceKind: 'petition',
      householdId: other,
      finding: 'x',
    });
    expect((await t.request(village, { method: 'GET', url: `/api/clues/${id}` })).statusCode).toBe(404);
    expect((await post(village, `/api/clues/${id}/close`, { result: 'no_risk', note: 'x' })).statusCode).toBe(404);
  });

  it('writes only audit actions listed in AuditActions (SPEC §17)', async () => {
    expect(await auditActionsWritten(t.ctx.database.db)).toContain('clue.close');
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});
