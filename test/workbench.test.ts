import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver } from './support/case-driver.ts';
import { householdPayload } from './support/factories.ts';
import { monitoredHouseholdFixture } from './support/monitored-household.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

interface Item {
  id: string;
  householdId: string;
  persons: number;
  dueOn: string | null;
  what: string;
}
interface List {
  households: number;
  persons: number;
  count: number;
  items: Item[];
}
type Today = Record<
  'visitsDue' | 'cluesToVerify' | 'casesWaiting' | 'publicityEnding' | 'measuresDue' | 'withoutResponsible',
  List
>;

/** The village cadre's home (移动工作台, issue 14 point 2): today's tasks in the cadre's village, in 户 and 人. */
describe(`village cadre's home on ${ENGINE} (issue 14 point 2)`, () => {
  let t: TestApp;
  let village: string;
  let county: string;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-09-01T02:00:00Z') });
    village = await t.login('village');
    county = await t.login('county');
  });
  afterAll(() => t.close());

  const today = async (cookie = village): Promise<Today> => {
    const res = await t.request(cookie, { method: 'GET', url: '/api/workbench/today' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const household = async (members?: number) => {
    const payload = householdPayload(t.village);
    const res = await t.request(village, {
      method: 'POST',
      url: '/api/households',
      payload: members ? { ...payload, members: payload.members.slice(0, members) } : payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const find = (list: List, id: string) => list.items.find((i) => i.id === id || i.householdId === id);

  it('lists a clue to verify with its household and people, and counts 户 and 人 without doubles', async () => {
    const before = await today();
    const h = await household(2);
    const visit = await t.request(village, {
      method: 'POST',
      url: '/api/clues/visits',
      payload: { householdId: h.id, finding: '户主住院，自付费用较高', riskTypes: ['medical'] },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const after = await today();
    expect(find(after.cluesToVerify, h.id)).toMatchObject({ householdId: h.id, persons: 2 });
    expect(after.cluesToVerify.households).toBe(before.cluesToVerify.households + 1);
    expect(after.cluesToVerify.persons).toBe(before.cluesToVerify.persons + 2);
  });

  it('puts a case at its survey step under visits due, then under publicity ending at the village review', async () => {
    const h = await household(3);
    const started = await t.request(village, {
      method: 'POST',
      url: '/api/cases',
      payload: { householdId: h.id, kind: 'inclusion' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;
    const d = caseDriver(t, { village, township: await t.login('township'), county });
    // 风险信息收集 waits on the village
    expect(find((await today()).casesWaiting, h.id)).toMatchObject({ id, persons: 3 });
    for (let i = 0; i < 10; i++) {
      const c = await d.get(id);
      if (c.step.code === 'survey') break;
      await d.completeStep(id);
    }
    const survey = await today();
    expect(find(survey.visitsDue, h.id)).toMatchObject({ id, what: '实地入户调查', persons: 3 });
    expect(find(survey.casesWaiting, h.id)).toBeUndefined();
    await d.completeStep(id); // 实地入户调查
    expect(find((await today()).visitsDue, h.id)).toBeUndefined(); // 部门信息比对 is the county's
    await d.completeStep(id); // 部门信息比对
    const review = await d.get(id);
    expect(review.step.code).toBe('village_review');
    const started2 = await d.act(
      id,
      {
        type: 'start_publicity',
        meeting: { date: d.today(), attendees: ['王书记', '李主任', '党员代表'], votesFor: 3, votesAgainst: 0 },
      },
      village,
    );
    expect(started2.statusCode, started2.body).toBe(200);
    const end = (await d.get(id)).publicity.end as string;
    expect(find((await today()).publicityEnding, h.id)).toMatchObject({ id, dueOn: end });
    t.setNow('2026-09-01T02:00:00Z');
  });

  it('lists measures due by the end of the month and households without a responsible person', async () => {
    const h = await monitoredHouseholdFixture(t, village, { includedOn: '2026-01-05' });
    await sql`
      INSERT INTO measures (household_id, region_code, type, subtype, name, line_of_defence, content, department,
        status, origin, created_by, planned_end_on)
      SELECT id, region_code, 'employment', 'employment_job', '就业帮扶', 'development', '推荐务工', 'hr_social_security',
        'in_progress', 'added', 'test', '2026-09-20'::date
      FROM households WHERE id = ${h.id}::uuid`.execute(t.ctx.database.db);
    const r = await today();
    expect(find(r.measuresDue, h.id)).toMatchObject({ what: '就业帮扶', dueOn: '2026-09-20', persons: 3 });
    expect(find(r.withoutResponsible, h.id)).toMatchObject({ id: h.id, persons: 3 });
  });

  it('is scoped to the cadre: a department officer, who has no registry, is refused', async () => {
    const res = await t.request(await t.login('department'), { method: 'GET', url: '/api/workbench/today' });
    expect(res.statusCode).toBe(403);
    const c = await today(county);
    expect(c.cluesToVerify.count).toBeGreaterThanOrEqual((await today()).cluesToVerify.count);
  });
});
