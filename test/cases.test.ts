import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { auditActionsWritten, unknownAuditActions } from './support/audit-actions.ts';
import { caseDriver } from './support/case-driver.ts';
import { householdPayload, makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * Full inclusion and elimination procedures over HTTP with the users of each level (SPEC §7, §8): every shipped
 * inclusion template, a rejection back to the village, an objection during publicity, a publicity period spanning
 * the National Day holiday, a user of another village refused, and the elimination rules of SPEC §8.3.
 */
describe(`procedures on ${ENGINE} (SPEC §8)`, () => {
  let t: TestApp;
  let users: { village: string; township: string; county: string };
  let d: ReturnType<typeof caseDriver>;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-09-01T02:00:00Z') });
    users = { village: await t.login('village'), township: await t.login('township'), county: await t.login('county') };
    d = caseDriver(t, users);
  });
  afterAll(() => t.close());

  /** A household of the demo village with 2025 per-capita income below the 7,200-yuan line of 2025. */
  async function poorHousehold(overrides: Record<string, unknown> = {}) {
    const { id } = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village, overrides));
    const res = await t.request(users.village, {
      method: 'POST',
      url: `/api/households/${id}/incomes`,
      payload: {
        year: 2025,
        survey: '2025年集中排查',
        wage: 9000,
        businessGross: 3000,
        businessCost: 1000,
        transfer: 1200,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return id;
  }

  async function chooseTemplate(code: string, kind = 'inclusion') {
    const res = await t.request(users.county, {
      method: 'PUT',
      url: '/api/procedure-templates/choice',
      payload: { regionCode: '621124', kind, code },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function start(householdId: string, kind = 'inclusion') {
    const res = await t.request(users.village, { method: 'POST', url: '/api/cases', payload: { householdId, kind } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  const household = async (id: string) =>
    (await t.request(users.county, { method: 'GET', url: `/api/households/${id}` })).json();

  it('会泽 eight steps: objection, National Day publicity, return to the village, identification (SPEC §8.1, §8.2)', async () => {
    await chooseTemplate('huize-inclusion');
    d.setDay('2026-09-21');
    const hh = await poorHousehold();
    const id = await start(hh);
    for (const _ of ['collect', 'analyse', 'survey', 'compare']) await d.completeStep(id);
    let c = await d.get(id);
    expect(c.step.code).toBe('village_review');
    expect(c.notifications.map((n: { kind: string }) => n.kind)).toEqual(['acceptance']);

    // Village review meeting and publicity from Monday 28 September: 5 working days over National Day end on 9 October.
    d.setDay('2026-09-28');
    const fileRes = await t.request(users.village, {
      method: 'POST',
      url: `/api/cases/${id}/files`,
      ...(await import('./support/case-driver.ts')).multipart(
        '公示.pdf',
        (await import('./support/case-driver.ts')).PDF,
      ),
    });
    const fileId = fileRes.json().id;
    const codes = c.step.missingRecords.map((r: { code: string }) => r.code);
    await d.act(
      id,
      { type: 'attach_records', attachments: codes.map((recordCode: string) => ({ recordCode, fileId })) },
      users.village,
    );
    const noMeeting = await d.act(id, { type: 'start_publicity' }, users.village);
    expect(noMeeting.statusCode).toBe(400);
    const started = await d.act(
      id,
      {
        type: 'start_publicity',
        meeting: { date: '2026-09-28', attendees: ['王书记', '党员张某', '户主李某'], votesFor: 3, votesAgainst: 0 },
      },
      users.village,
    );
    expect(started.statusCode, started.body).toBe(200);
    c = await d.get(id);
    expect(c.publicity).toMatchObject({ start: '2026-09-28', end: '2026-10-09', days: 5, unit: 'working' });
    const notice = await t.request(users.village, { method: 'GET', url: `/api/cases/${id}/publicity-notice` });
    expect(notice.body).toContain('张建国');
    expect(notice.body).toMatch(/2026年10月9日/);

    d.setDay('2026-09-30');
    const objection = await d.act(
      id,
      { type: 'record_objection', note: '群众反映该户有车辆', from: '村民（匿名）' },
      users.village,
    );
    expect(objection.statusCode, objection.body).toBe(200);
    d.setDay('2026-10-09');
    const early = await d.act(id, { type: 'complete_step' }, users.village);
    expect([409]).toContain(early.statusCode);
    d.setDay('2026-10-10');
    const blocked = await d.act(id, { type: 'complete_step' }, users.village);
    expect(blocked.json().code).toBe('CASE_OBJECTION_OPEN');
    const seq = (await d.get(id)).objections[0].seq;
    const answered = await d.act(
      id,
      { type: 'answer_objection', objectionSeq: seq, decision: 'dismissed', note: '经核实车辆为亲属所有，举报不实' },
      users.village,
    );
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await d.act(id, { type: 'complete_step', note: '公示无异议' }, users.village)).statusCode).toBe(200);

    // The village cannot act on the township's step; the township returns the case to the village with the reason.
    expect((await d.act(id, { type: 'complete_step' }, users.village)).statusCode).toBe(403);
    const returned = await d.act(
      id,
      { type: 'return', note: '抽查发现收入材料不全，请补充后重新评议' },
      users.township,
    );
    expect(returned.statusCode, returned.body).toBe(200);
    c = await d.get(id);
    expect(c.step.level).toBe('village');
    await d.driveToEnd(id);

    c = await d.get(id);
    expect(c.outcome).toBe('completed');
    expect(c.notifications.map((n: { kind: string; outcome: string }) => `${n.kind}:${n.outcome}`)).toEqual(
      expect.arrayContaining(['acceptance:accepted', 'identification:identified']),
    );
    const h = await household(hh);
    expect(h).toMatchObject({ monitoringStatus: 'monitored', category: 'marginal', riskTypes: ['income'] });
    expect(h.includedOn).toBeTruthy();
    const actions = c.actions.map((a: { type: string }) => a.type);
    expect(actions).toEqual(
      expect.arrayContaining(['record_objection', 'answer_objection', 'return', 'start_publicity']),
    );
  });

  it.each(['bortala-inclusion', 'zaozhuang-inclusion', 'wafang-inclusion'])(
    '%s: full inclusion by each level',
    async (code) => {
      await chooseTemplate(code);
      d.setDay('2026-11-02');
      const hh = await poorHousehold();
      const id = await start(hh);
      expect((await d.get(id)).templateCode).toBe(code);
      const c = await d.driveToEnd(id);
      expect(c.outcome).toBe('completed');
      expect((await household(hh)).monitoringStatus).toBe('monitored');
      const kinds = c.notifications.map((n: { kind: string }) => n.kind);
      expect(kinds).toEqual(expect.arrayContaining(['acceptance', 'identification']));
    },
  );

  it('a running case keeps the template version it started with', async () => {
    await chooseTemplate('huize-inclusion');
    d.setDay('2026-11-02');
    const id = await start(await poorHousehold());
    await chooseTemplate('wafang-inclusion');
    expect((await d.get(id)).templateCode).toBe('huize-inclusion');
    expect((await d.get(id)).state.template.steps).toHaveLength(8);
  });

  it('refuses to confirm a household with no risk; the county decides 不予认定 and the household is told why', async () => {
    await chooseTemplate('wafang-inclusion');
    d.setDay('2026-11-02');
    const { id: hh } = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    await t.request(users.village, {
      method: 'POST',
      url: `/api/households/${hh}/incomes`,
      payload: { year: 2025, wage: 90000 },
    });
    const id = await start(hh);
    await d.completeStep(id);
    await d.completeStep(id);
    const refused = await d.act(id, { type: 'complete_step' }, users.county);
    expect(refused.json().code).toBe('CASE_NOT_ELIGIBLE');
    expect(refused.json().message).toContain('人均纯收入');
    const rejected = await d.act(id, { type: 'reject', note: '人均纯收入高于监测线，且未发现其他风险' }, users.county);
    expect(rejected.statusCode, rejected.body).toBe(200);
    const c = await d.get(id);
    expect(c.outcome).toBe('rejected');
    const notice = c.notifications.find((n: { kind: string }) => n.kind === 'identification');
    expect(notice.outcome).toBe('not_identified');
    expect(notice.text).toContain('人均纯收入高于监测线');
    expect((await household(hh)).monitoringStatus).toBe('none');
  });

  it('a user of another village is refused (404) and a supervisor cannot act', async () => {
    await chooseTemplate('wafang-inclusion');
    const id = await start(await poorHousehold());
    const villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children;
    await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'village2',
      password: 'Demo@2026',
      demo: true,
      role: 'village',
      regionCode: villages[1]?.code as string,
    });
    const other = await t.login('village2');
    expect((await t.request(other, { method: 'GET', url: `/api/cases/${id}` })).statusCode).toBe(404);
    expect((await d.act(id, { type: 'complete_step' }, other)).statusCode).toBe(404);
    const sup = await t.login('supervisor');
    expect((await t.request(sup, { method: 'GET', url: `/api/cases/${id}` })).statusCode).toBe(200);
    expect((await d.act(id, { type: 'close', note: 'x' }, sup)).statusCode).toBe(403);
  });

  it('reversal is a new recorded action, never an edit of history', async () => {
    await chooseTemplate('wafang-inclusion');
    const id = await start(await poorHousehold());
    await d.completeStep(id);
    const before = (await d.get(id)).actions.length;
    const reversed = await d.act(id, { type: 'reverse', note: '评议记录有误，撤回重做' }, users.village);
    expect(reversed.statusCode, reversed.body).toBe(200);
    const c = await d.get(id);
    expect(c.step.code).toBe('village_nominate');
    expect(c.actions.length).toBe(before + 1);
    expect(c.actions.at(-1).type).toBe('reverse');
  });

  it.each(['huize-elimination', 'bortala-elimination'])(
    '%s: eliminates a household whose income is stably above the line, with consent, and tells it (SPEC §8.3)',
    async (elimination) => {
      await chooseTemplate('wafang-inclusion');
      await chooseTemplate(elimination, 'elimination');
      const hh = await poorHousehold();
      await d.driveToEnd(await start(hh));
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
      const preview = (
        await t.request(users.village, {
          method: 'POST',
          url: `/api/households/${hh}/assess?mode=elimination&year=2026`,
        })
      ).json();
      expect(preview.result.decision).toBe('eliminate');
      const id = await start(hh, 'elimination');
      expect((await d.get(id)).templateCode).toBe(elimination);
      const c = await d.driveToEnd(id);
      expect(c.outcome).toBe('completed');
      expect(c.notifications.map((n: { kind: string }) => n.kind)).toContain('exit');
      const h = await household(hh);
      expect(h.monitoringStatus).toBe('eliminated');
      expect(h.eliminatedOn).toBeTruthy();
    },
  );

  it('never marks a household with no labour capacity as eliminated (SPEC §8.3)', async () => {
    await chooseTemplate('wafang-inclusion');
    const members = [
      {
        name: '刘大爷',
        idNumber: makeIdNumber('19400101', 'male'),
        relation: 'head',
        labor: 'none',
        health: 'chronic',
      },
      { name: '刘大娘', idNumber: makeIdNumber('19420303', 'female'), relation: 'spouse', labor: 'none' },
    ];
    const hh = await poorHousehold({ members });
    await d.driveToEnd(await start(hh));
    for (const year of [2025, 2026]) {
      await t.request(users.village, {
        method: 'POST',
        url: `/api/households/${hh}/incomes`,
        payload: { year, transfer: 24000 },
      });
    }
    const preview = (
      await t.request(users.village, { method: 'POST', url: `/api/households/${hh}/assess?mode=elimination&year=2026` })
    ).json();
    expect(preview.result.decision).toBe('keep_monitoring');
    const id = await start(hh, 'elimination');
    let refused: { code: string } | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const c = await d.get(id);
      if (c.step.notification === 'exit') {
        const cookie = d.cookieFor(c.step.level);
        const res = await d.act(id, { type: 'complete_step' }, cookie);
        refused = res.json();
      } else await d.completeStep(id);
    }
    expect(refused?.code).toBe('CASE_KEEP_MONITORING');
    expect((await household(hh)).monitoringStatus).toBe('monitored');
  });

  it('keeps assisting when income is above the line this year but not the year before (weak stability)', async () => {
    const hh = await poorHousehold();
    await t.request(users.village, {
      method: 'POST',
      url: `/api/households/${hh}/incomes`,
      payload: { year: 2026, wage: 40000 },
    });
    const preview = (
      await t.request(users.village, { method: 'POST', url: `/api/households/${hh}/assess?mode=elimination&year=2026` })
    ).json();
    expect(preview.result.decision).toBe('continue');
  });

  it('computes the monthly cycle and shows late items (SPEC §8.2)', async () => {
    await chooseTemplate('huize-inclusion');
    d.setDay('2026-11-02');
    await start(await poorHousehold());
    d.setDay('2026-11-20');
    const res = await t.request(users.county, { method: 'GET', url: '/api/cycle/2026-11' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.cycle.steps.map((s: { due: string }) => s.due)).toEqual([
      '2026-11-03',
      '2026-11-05',
      '2026-11-08',
      '2026-11-12',
      '2026-11-17',
      '2026-11-19',
      '2026-11-23',
      '2026-11-27',
    ]);
    expect(body.late.some((l: { stepCode: string }) => l.stepCode === 'collect')).toBe(true);
    await t.request(users.county, {
      method: 'PUT',
      url: '/api/procedure-templates/choice',
      payload: { regionCode: '621124', kind: 'inclusion', code: 'huize-inclusion' },
    });
    await t.services.settings.set(SYSTEM_ACTOR, 'cycle.concentratedScreenings', '621124', { months: ['2026-12'] });
    const dec = (await t.request(users.county, { method: 'GET', url: '/api/cycle/2026-12' })).json();
    expect(dec.cycle.skipped).toBe(true);
  });

  it('refuses files that are too large or of the wrong type', async () => {
    await chooseTemplate('wafang-inclusion');
    const id = await start(await poorHousehold());
    const { multipart } = await import('./support/case-driver.ts');
    const exe = await t.request(users.village, {
      method: 'POST',
      url: `/api/cases/${id}/files`,
      ...multipart('a.pdf', Buffer.from('MZ\x90\x00binary')),
    });
    expect(exe.json().code).toBe('FILE_TYPE');
    const big = await t.request(users.village, {
      method: 'POST',
      url: `/api/cases/${id}/files`,
      ...multipart('b.pdf', Buffer.alloc(11 * 1024 * 1024, 0x25)),
    });
    expect(big.statusCode).toBe(413);
  });

  it('writes only audit actions listed in AuditActions (SPEC §17)', async () => {
    expect(await auditActionsWritten(t.ctx.database.db)).toContain('case.complete_step');
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});
