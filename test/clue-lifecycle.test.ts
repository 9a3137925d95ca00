import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticePrivacyViolations } from '../src/domain/procedures/index.ts';
import { caseDriver } from './support/case-driver.ts';
import { householdPayload, makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * The clue-to-case story of issue 10 (SPEC §6, §8.1): a person not in the registry declares twice, is registered,
 * visited, included and later eliminated; the ledger keeps one clue, the visit verifies it, inclusion closes the
 * household's other open clues, and the declarant's status page shows every notice once, 退出告知 included.
 */
describe(`declaration → registration → inclusion → elimination on ${ENGINE} (issue 10)`, () => {
  let t: TestApp;
  let users: { village: string; township: string; county: string };
  let d: ReturnType<typeof caseDriver>;
  const idNumber = makeIdNumber('19681120', 'male');

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
    users = { village: await t.login('village'), township: await t.login('township'), county: await t.login('county') };
    d = caseDriver(t, users);
    for (const [kind, code] of [
      ['inclusion', 'wafang-inclusion'],
      ['elimination', 'huize-elimination'],
    ]) {
      const res = await t.request(users.county, {
        method: 'PUT',
        url: '/api/procedure-templates/choice',
        payload: { regionCode: '621124', kind, code },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(() => t.close());

  const declare = (description: string, hardship: string[]) =>
    t.request(undefined, {
      method: 'POST',
      url: '/api/declarations',
      remoteAddress: '10.0.0.7',
      payload: { name: '赵德明', idNumber, phone: '13700001111', villageCode: t.village, hardship, description },
    });
  const status = async (code: string) =>
    (
      await t.request(undefined, {
        method: 'GET',
        url: `/api/declarations/status?code=${code}&phone=13700001111`,
        remoteAddress: '10.0.0.7',
      })
    ).json();
  const cluesOf = async (query: string) =>
    (await t.request(users.village, { method: 'GET', url: `/api/clues?${query}&pageSize=100` })).json().items as {
      id: string;
      status: string;
      result: string | null;
      caseId: string | null;
      mergedCount: number;
      householdId: string | null;
      channel: string;
    }[];

  it('links, merges, verifies and closes clues with the case; the status page shows each notice once', async () => {
    d.setDay('2026-11-02');
    const first = (await declare('老伴住院，看病花了很多钱', ['medical'])).json().trackingCode as string;
    const second = (await declare('再次申报：孩子上学也困难', ['medical', 'education'])).json().trackingCode as string;
    const mine = (await cluesOf(`region=${t.village}&channel=self_declaration&status=unclosed`)).filter(
      (c) => c.householdId === null,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]?.mergedCount).toBe(1);
    const clueId = mine[0]?.id as string;
    expect((await status(first)).stage).toBe('已受理，等待村里入户核实');

    // Registered later: the clue is linked by the ID-number hash.
    const payload = householdPayload(t.village);
    payload.members[0] = { name: '赵德明', idNumber, relation: 'head', labor: 'full' };
    const created = await t.request(users.village, { method: 'POST', url: '/api/households', payload });
    expect(created.statusCode, created.body).toBe(201);
    const hh = created.json().id as string;
    await t.request(users.village, {
      method: 'POST',
      url: `/api/households/${hh}/incomes`,
      payload: { year: 2025, wage: 9000, businessGross: 3000, businessCost: 1000 },
    });
    const social = await t.request(users.village, {
      method: 'POST',
      url: '/api/clues',
      payload: { channel: 'social', sourceKind: 'hotline', householdId: hh, finding: '12317热线反映该户生活困难' },
    });
    expect(social.statusCode, social.body).toBe(201);
    let onHousehold = await cluesOf(`householdId=${hh}`);
    expect(onHousehold.map((c) => c.id)).toContain(clueId);
    expect(onHousehold).toHaveLength(2);

    // The visit verifies the open clues instead of adding one.
    const visit = await t.request(users.village, {
      method: 'POST',
      url: '/api/clues/visits',
      payload: { householdId: hh, finding: '入户核实：情况属实', riskTypes: ['medical'] },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json().verified).toHaveLength(2);
    onHousehold = await cluesOf(`householdId=${hh}`);
    expect(onHousehold).toHaveLength(2);
    expect(onHousehold.every((c) => c.status === 'verifying')).toBe(true);

    const started = await t.request(users.village, {
      method: 'POST',
      url: `/api/clues/${clueId}/start-case`,
      payload: { kind: 'inclusion', note: '入户核实属实，启动识别程序' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const inclusion = await d.driveToEnd(started.json().id);
    expect(inclusion.outcome).toBe('completed');

    // The household's other open clue is closed with the case, not left to go overdue.
    onHousehold = await cluesOf(`householdId=${hh}`);
    const other = onHousehold.find((c) => c.channel === 'social');
    expect(other).toMatchObject({ status: 'closed', result: 'merged_into_case', caseId: started.json().id });
    // Reversing the inclusion reopens the clue it had closed as 并入程序; concluding again closes it again.
    const caseId = started.json().id as string;
    const reversed = await d.act(caseId, { type: 'reverse', note: '录入有误，撤销办结' }, users.county);
    expect(reversed.statusCode, reversed.body).toBe(200);
    const reopened = (await cluesOf(`householdId=${hh}`)).find((c) => c.channel === 'social');
    expect(reopened).toMatchObject({ status: 'open', result: null, caseId: null });
    const again = await d.act(caseId, { type: 'complete_step', note: '重新办结' }, users.county);
    expect(again.statusCode, again.body).toBe(200);
    const closedAgain = (await cluesOf(`householdId=${hh}`)).find((c) => c.channel === 'social');
    expect(closedAgain).toMatchObject({ status: 'closed', result: 'merged_into_case', caseId });
    d.setDay('2026-12-01');
    expect(await cluesOf(`householdId=${hh}&overdue=true`)).toEqual([]);

    // Later the risk is gone: elimination, and the 退出告知 reaches the declarant's page.
    for (const year of [2025, 2026]) {
      await t.request(users.village, {
        method: 'POST',
        url: `/api/households/${hh}/incomes`,
        payload: { year, wage: 36000, transfer: 2000 },
      });
    }
    const survey = await t.request(users.village, {
      method: 'POST',
      url: `/api/households/${hh}/surveys`,
      payload: {
        kind: 'elimination',
        surveyedOn: d.today(),
        facts: { consentToElimination: true, basicNeedsSecured: true },
      },
    });
    expect(survey.statusCode, survey.body).toBe(201);
    const elim = await t.request(users.village, {
      method: 'POST',
      url: '/api/cases',
      payload: { householdId: hh, kind: 'elimination' },
    });
    expect(elim.statusCode, elim.body).toBe(201);
    expect((await d.driveToEnd(elim.json().id)).outcome).toBe('completed');

    for (const code of [first, second]) {
      const page = await status(code);
      const kinds = page.notifications.map((n: { kind: string }) => n.kind);
      expect(kinds).toEqual(['acceptance', 'identification', 'exit']);
      for (const n of page.notifications) expect(noticePrivacyViolations(n.text, ['12317']), n.text).toEqual([]);
    }
  });

  it('links a declaration at registration, in the same transaction; reading lists and pages writes nothing', async () => {
    const db = t.ctx.database.db;
    const laterId = makeIdNumber('19750304', 'female');
    const declared = await t.request(undefined, {
      method: 'POST',
      url: '/api/declarations',
      remoteAddress: '10.0.0.8',
      payload: {
        name: '钱秀英',
        idNumber: laterId,
        phone: '13700002222',
        villageCode: t.village,
        hardship: ['medical'],
        description: '住院花费较多',
      },
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const code = declared.json().trackingCode as string;
    const clue = await db
      .selectFrom('declarations as d')
      .innerJoin('clues as c', 'c.id', 'd.clue_id')
      .select(['c.id', 'c.household_id as householdId'])
      .where('d.tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    expect(clue.householdId).toBeNull();

    /** Every clue row, and every audit row that is not a read's own audit entry. */
    const snapshot = async () => ({
      clues: (await db.selectFrom('clues').selectAll().orderBy('id').execute()).map((r) => JSON.stringify(r)),
      writes: Number(
        (
          await db
            .selectFrom('audit_log')
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('action', 'not like', '%.list')
            .where('action', 'not like', '%.read')
            .where('action', 'not like', '%.view')
            .executeTakeFirstOrThrow()
        ).n,
      ),
      links: Number(
        (
          await db
            .selectFrom('audit_log')
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('action', '=', 'clue.link')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    const reads = async () => {
      for (const url of [
        `/api/clues?region=${t.village}&pageSize=100`,
        `/api/clues?region=${t.village}&status=unclosed&overdue=true&pageSize=100`,
        `/api/clues/${clue.id}`,
      ]) {
        const res = await t.request(users.village, { method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      }
      const page = await t.request(undefined, {
        method: 'GET',
        url: `/api/declarations/status?code=${code}&phone=13700002222`,
        remoteAddress: '10.0.0.8',
      });
      expect(page.statusCode, page.body).toBe(200);
    };

    // Before registration: reads change no clue and link nothing.
    const before = await snapshot();
    await reads();
    const afterReads = await snapshot();
    expect(afterReads.clues).toEqual(before.clues);
    expect(afterReads.links).toBe(before.links);

    // Registration links it at once (no read in between), audited as the registering user's act.
    const payload = householdPayload(t.village);
    payload.members[0] = { name: '钱秀英', idNumber: laterId, relation: 'head', labor: 'full' };
    const created = await t.request(users.village, { method: 'POST', url: '/api/households', payload });
    expect(created.statusCode, created.body).toBe(201);
    const hh = created.json().id as string;
    const linked = await db
      .selectFrom('clues')
      .select(['household_id'])
      .where('id', '=', clue.id)
      .executeTakeFirstOrThrow();
    expect(linked.household_id).toBe(hh);
    const link = await db
      .selectFrom('audit_log')
      .select(['username', 'household_id'])
      .where('action', '=', 'clue.link')
      .where('entity_id', '=', clue.id)
      .execute();
    expect(link).toEqual([{ username: 'village', household_id: hh }]);

    // After registration: reads still write nothing but their own read audit.
    const registered = await snapshot();
    await reads();
    const later = await snapshot();
    expect(later.clues).toEqual(registered.clues);
    expect(later.writes).toBe(registered.writes);
    expect((await status(code)).stage).not.toBe('已受理，等待村里入户核实');
  });

  it('the monthly cycle lists clues past their decision limit (default 15 days) as late (issue 10)', async () => {
    d.setDay('2026-11-20');
    const { id: hh } = (
      await t.request(users.village, { method: 'POST', url: '/api/households', payload: householdPayload(t.village) })
    ).json();
    const late = await t.request(users.village, {
      method: 'POST',
      url: '/api/clues',
      payload: {
        channel: 'social',
        sourceKind: 'petition',
        householdId: hh,
        finding: '信访反映',
        receivedOn: '2026-11-04',
      },
    });
    const fresh = await t.request(users.village, {
      method: 'POST',
      url: '/api/clues',
      payload: {
        channel: 'social',
        sourceKind: 'media',
        householdId: hh,
        finding: '媒体报道',
        receivedOn: '2026-11-06',
      },
    });
    expect((await t.request(users.village, { method: 'GET', url: `/api/clues/${late.json().id}` })).json().dueOn).toBe(
      '2026-11-19',
    );
    const cycle = (await t.request(users.township, { method: 'GET', url: '/api/cycle/2026-11' })).json();
    const ids = cycle.overdueClues.map((c: { id: string }) => c.id);
    expect(ids).toContain(late.json().id);
    expect(ids).not.toContain(fresh.json().id);
  });
});
