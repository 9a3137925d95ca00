import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticePrivacyViolations, villageCommittee } from '../src/domain/procedures/index.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { caseDriver, multipart, PDF } from './support/case-driver.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * Notices and publicity (SPEC §8.1, issue 10): built from named fields, signed by the body that acted, one of each
 * per case, one publicity list per village and round; every notice the run writes passes the privacy rule.
 */
describe(`notices and publicity on ${ENGINE} (SPEC §8.1, issue 10)`, () => {
  let t: TestApp;
  let users: { village: string; township: string; county: string };
  let d: ReturnType<typeof caseDriver>;
  let committee: string;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
    users = { village: await t.login('village'), township: await t.login('township'), county: await t.login('county') };
    d = caseDriver(t, users);
    const v = await t.ctx.database.db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', '=', t.village)
      .executeTakeFirstOrThrow();
    committee = villageCommittee(v);
  });
  afterAll(() => t.close());

  /** Income below the line of 2025, a clue whose finding carries income and illness detail. */
  async function poorHousehold() {
    const { id } = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const res = await t.request(users.village, {
      method: 'POST',
      url: `/api/households/${id}/incomes`,
      payload: { year: 2025, survey: '2025年集中排查', wage: 9000, businessGross: 3000, businessCost: 1000 },
    });
    expect(res.statusCode, res.body).toBe(201);
    return id;
  }

  async function chooseTemplate(code: string) {
    const res = await t.request(users.county, {
      method: 'PUT',
      url: '/api/procedure-templates/choice',
      payload: { regionCode: '621124', kind: 'inclusion', code },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function start(householdId: string) {
    const res = await t.request(users.village, {
      method: 'POST',
      url: '/api/cases',
      payload: { householdId, kind: 'inclusion' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  const lastLines = (text: string) => text.trim().split('\n').slice(-2);

  it('公示 and 认定告知书 carry category and official wording, never figures or rule text; one acceptance however often the case returns', async () => {
    await chooseTemplate('huize-inclusion');
    d.setDay('2026-11-02');
    const hh = await poorHousehold();
    const id = await start(hh);
    for (const _ of ['collect', 'analyse', 'survey', 'compare']) await d.completeStep(id);
    const returned = await d.act(
      id,
      { type: 'return', toStepCode: 'survey', note: '入户调查授权书缺签字，重新入户' },
      users.village,
    );
    expect(returned.statusCode, returned.body).toBe(200);
    expect((await d.get(id)).step.code).toBe('survey');
    await d.completeStep(id);
    await d.completeStep(id);
    let c = await d.get(id);
    expect(c.step.code).toBe('village_review');
    expect(c.notifications.filter((n: { kind: string }) => n.kind === 'acceptance')).toHaveLength(1);

    await d.completeStep(id); // meeting, publicity and its end
    const notice = (await t.request(users.village, { method: 'GET', url: `/api/cases/${id}/publicity-notice` })).body;
    expect(notice).toContain('户主：张建国，家庭人口3人，监测类别：边缘易致贫户，纳入理由：因收入大幅缩减');
    expect(notice).toContain('监督举报电话：12317');
    expect(notice).not.toMatch(/元|监测线|研判|建议纳入/);
    expect(lastLines(notice)[0]).toBe(committee);
    expect(committee.match(/委员会/g)).toHaveLength(1);

    c = await d.driveToEnd(id);
    expect(c.outcome).toBe('completed');
    const kinds = c.notifications.map((n: { kind: string; outcome: string }) => `${n.kind}:${n.outcome}`);
    expect(kinds).toEqual(['acceptance:accepted', 'identification:identified']);
    const identified = c.notifications[1].text as string;
    expect(identified).toContain('已被认定为防止返贫监测对象（边缘易致贫户），风险类型：因收入大幅缩减');
    expect(identified).not.toMatch(/\d+元|人均纯收入|不低于/);
    expect(lastLines(identified)[0]).toMatch(/农业农村局$/);
    expect(lastLines(c.notifications[0].text)[0]).toBe(committee);
  });

  it('a village refusal at the first step is signed by the village committee and claims no survey', async () => {
    await chooseTemplate('wafang-inclusion');
    d.setDay('2026-11-03');
    const id = await start(await poorHousehold());
    const res = await d.act(id, { type: 'reject', note: '经村两委核实该户子女已就业，家庭收入稳定' }, users.village);
    expect(res.statusCode, res.body).toBe(200);
    const c = await d.get(id);
    const n = c.notifications.find((x: { kind: string }) => x.kind === 'identification');
    expect(n.outcome).toBe('not_identified');
    expect(n.text).toContain(`${committee}在“村提名单”环节认定您家暂不符合防止返贫监测对象认定条件`);
    expect(n.text).not.toMatch(/入户调查|信息比对|乡村振兴局|农业农村局|子女已就业/);
    expect(lastLines(n.text)[0]).toBe(committee);
  });

  it('villages post one list per round: every household whose publicity started that day (N户)', async () => {
    await chooseTemplate('wafang-inclusion');
    d.setDay('2026-11-09');
    const ids = [await start(await poorHousehold()), await start(await poorHousehold())];
    for (const id of ids) {
      const c = await d.get(id);
      if (c.step.missingRecords.length) {
        const up = await t.request(users.village, {
          method: 'POST',
          url: `/api/cases/${id}/files`,
          ...multipart('公示.pdf', PDF),
        });
        await d.act(
          id,
          {
            type: 'attach_records',
            attachments: c.step.missingRecords.map((r: { code: string }) => ({
              recordCode: r.code,
              fileId: up.json().id,
            })),
          },
          users.village,
        );
      }
      const started = await d.act(
        id,
        {
          type: 'start_publicity',
          meeting: { date: '2026-11-09', attendees: ['王书记', '李主任', '党员张某'], votesFor: 3, votesAgainst: 0 },
        },
        users.village,
      );
      expect(started.statusCode, started.body).toBe(200);
    }
    const list = await t.request(users.village, {
      method: 'GET',
      url: `/api/publicity-lists?village=${t.village}&kind=inclusion&start=2026-11-09`,
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.body).toMatch(/拟纳入防止返贫监测对象2户6人/);
    expect(list.body).toContain('1. 户主：张建国');
    expect(list.body).toContain('2. 户主：张建国');
    expect(list.body).toContain('公示期：2026年11月9日至2026年11月13日（5个工作日）');
    const none = await t.request(users.village, {
      method: 'GET',
      url: `/api/publicity-lists?village=${t.village}&kind=inclusion&start=2026-11-10`,
    });
    expect(none.json().code).toBe('CASE_NO_PUBLICITY');
  });

  it('a 2027 case completes publicity with the estimated dates, marked as such (issue 10 "done when")', async () => {
    await chooseTemplate('wafang-inclusion');
    d.setDay('2027-03-01');
    const id = await start(await poorHousehold());
    const c = await d.get(id);
    const up = await t.request(users.village, {
      method: 'POST',
      url: `/api/cases/${id}/files`,
      ...multipart('公示.pdf', PDF),
    });
    await d.act(
      id,
      {
        type: 'attach_records',
        attachments: c.step.missingRecords.map((r: { code: string }) => ({ recordCode: r.code, fileId: up.json().id })),
      },
      users.village,
    );
    const meeting = { date: '2027-03-01', attendees: ['王书记', '李主任', '党员张某'], votesFor: 3, votesAgainst: 0 };
    // The missing 2027 calendar never blocks: the estimate is used and every computed date says so.
    const started = await d.act(id, { type: 'start_publicity', meeting }, users.village);
    expect(started.statusCode, started.body).toBe(200);
    const view = await d.get(id);
    expect(view.publicity).toMatchObject({
      start: '2027-03-01',
      end: '2027-03-05',
      uncertain: true,
      estimated: true,
      missingYears: [2027],
    });
    for (const due of view.deadlines.filter((x: { due: string | null }) => x.due?.startsWith('2027')))
      expect(due.estimated, due.stepCode).toBe(true);
    const alert = (await t.request(users.village, { method: 'GET', url: '/api/calendars/alert' })).json();
    expect(alert.estimatedCases).toBeGreaterThanOrEqual(1);
    const cycle = (await t.request(users.county, { method: 'GET', url: '/api/cycle/2027-03' })).json();
    // 瓦房 has no monthly nodes, so the month is skipped; the alert is there all the same.
    expect(cycle.cycle.skipped).toBe(true);
    expect(cycle.calendarAlert.message).toContain('尚未导入2027年法定节假日安排');
    const notice = (await t.request(users.village, { method: 'GET', url: `/api/cases/${id}/publicity-notice` })).body;
    expect(notice).toContain('公示期：2027年3月1日至2027年3月5日（5个工作日）');
    expect(notice).toContain('公示截止日期按周末估算');
    d.setDay('2027-03-08');
    const done = await d.act(id, { type: 'complete_step', note: '公示无异议' }, users.village);
    expect(done.statusCode, done.body).toBe(200);
    expect((await d.get(id)).step.level).toBe('township');
  });

  it('single-level publicity (issue 10 point 3): village only, the set working days, no county announcement', async () => {
    const put = (value: object) =>
      t.request(users.county, {
        method: 'PUT',
        url: '/api/settings/publicity.levels',
        payload: { regionCode: '621124', value },
      });
    // The demo county holds what a 2026 county uses: village only, 5 working days.
    expect((await t.services.settings.get('publicity.levels', '621124')).value).toEqual({
      mode: 'village_only',
      villageDays: 5,
    });
    // Fewer than the 2024 rule's 5 days is refused.
    const short = await put({ mode: 'village_only', villageDays: 4 });
    expect(short.statusCode, short.body).toBe(400);
    expect(short.body).toContain('村级公示天数');
    const bad = await put({ mode: 'county_only' });
    expect(bad.statusCode, bad.body).toBe(400);
    const set = await put({ mode: 'village_only', villageDays: 7 });
    expect(set.statusCode, set.body).toBe(200);
    const history = await t.request(users.county, {
      method: 'GET',
      url: '/api/settings/publicity.levels/history?region=621124',
    });
    expect(history.statusCode, history.body).toBe(200);
    expect(JSON.stringify(history.json())).toContain('village_only');

    // 博尔塔拉: "公示期不少于5天" (calendar days) and a county announcement at 标注 in the template.
    await chooseTemplate('bortala-inclusion');
    d.setDay('2026-11-16');
    const id = await start(await poorHousehold());
    await d.completeStep(id); // 申请
    const c = await d.get(id);
    expect(c.step.code).toBe('publicity');
    expect(c.step.publicity).toMatchObject({ days: 7, unit: 'working' });
    const meeting = { date: '2026-11-17', attendees: ['王书记', '李主任', '党员张某'], votesFor: 3, votesAgainst: 0 };
    const up = await t.request(users.village, {
      method: 'POST',
      url: `/api/cases/${id}/files`,
      ...multipart('公示.pdf', PDF),
    });
    await d.act(
      id,
      {
        type: 'attach_records',
        attachments: c.step.missingRecords.map((r: { code: string }) => ({ recordCode: r.code, fileId: up.json().id })),
      },
      users.village,
    );
    const started = await d.act(id, { type: 'start_publicity', meeting }, users.village);
    expect(started.statusCode, started.body).toBe(200);
    const notice = (await t.request(users.village, { method: 'GET', url: `/api/cases/${id}/publicity-notice` })).body;
    // Tuesday 17 November + 7 working days: to Wednesday 25 November.
    expect(notice).toContain('公示期：2026年11月17日至2026年11月25日（7个工作日）');
    const steps: string[] = [];
    for (let i = 0; i < 10; i++) {
      const now = await d.get(id);
      if (now.outcome) break;
      steps.push(now.step.code);
      if (now.step.level !== 'village') {
        expect(now.step.publicity ?? null, now.step.code).toBeNull();
        expect(now.step.missingRecords.map((r: { code: string }) => r.code)).not.toContain('county_announcement');
      }
      await d.completeStep(id);
    }
    expect(steps).toEqual(['publicity', 'verify', 'confirm', 'compare', 'mark']);
    const done = await d.get(id);
    expect(done.outcome).toBe('completed');
    expect(done.notifications.map((n: { kind: string }) => n.kind)).toEqual(['acceptance', 'identification']);

    // Back to the template's levels: later cases follow it, this one kept its snapshot.
    expect((await put({ mode: 'template' })).statusCode).toBe(200);
    const later = await start(await poorHousehold());
    await d.completeStep(later);
    expect((await d.get(later)).step.publicity).toMatchObject({ days: 5, unit: 'calendar' });
  });

  it('every notice written in this run passes the privacy rule (SPEC §8.1, issue 10 "done when")', async () => {
    const rows = await t.ctx.database.db.selectFrom('notifications').select(['text']).execute();
    const phones = await t.ctx.database.db
      .selectFrom('households')
      .select('responsible_phone')
      .where('responsible_phone', 'is not', null)
      .execute();
    const allowed = ['12317', ...phones.map((p) => p.responsible_phone as string)];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(noticePrivacyViolations(r.text, allowed), r.text).toEqual([]);
  });
});
