import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { cluesOf, importRows, knownHousehold } from './feeds-fixtures.ts';
import { auditActionsWritten, unknownAuditActions } from './support/audit-actions.ts';
import { makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

describe(`screening runs and regional thresholds on ${ENGINE} (SPEC §10, §3)`, () => {
  let t: TestApp;
  let county: string;
  let otherVillage: string;
  beforeAll(async () => {
    t = await startTestApp();
    county = await t.login('county');
    const villages = await t.services.regions.children(SYSTEM_ACTOR, t.township);
    otherVillage = villages.children.find((v) => v.code !== t.village)?.code as string;
  });
  afterAll(() => t.close());

  const post = (cookie: string, url: string, payload: object) => t.request(cookie, { method: 'POST', url, payload });
  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.ctx.database.db)).rows[0]
        ?.n,
    );

  it("applies a village's own threshold inside it and keeps the history of settings (SPEC §3, §10)", async () => {
    const res = await post(county, '/api/screening/rules/EMG-LOSS/settings', {
      regionCode: t.village,
      thresholds: { amountYuan: 5000 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'EMG-LOSS',
      thresholds: { amountYuan: 5000 },
      defaults: { amountYuan: 10000 },
    });
    await post(county, '/api/screening/rules/EMG-LOSS/settings', {
      regionCode: t.village,
      thresholds: { amountYuan: 6000 },
    });
    const rules = (await t.request(county, { method: 'GET', url: '/api/screening/rules' })).json();
    expect(rules.find((r: { code: string }) => r.code === 'EMG-LOSS').thresholds).toEqual({ amountYuan: 10000 });
    const inside = await knownHousehold(t, t.village);
    const outside = await knownHousehold(t, otherVillage);
    const loss = (h: typeof inside) => ({ name: h.head.name, idNumber: h.head.idNumber, propertyLoss: '7000' });
    await importRows(t, 'emergency', 'household_loss', [loss(inside), loss(outside)]);
    expect((await cluesOf(t, inside.id)).map((c) => c.sourceRef)).toEqual(['emergency:EMG-LOSS']);
    expect(await cluesOf(t, outside.id)).toHaveLength(0);
    const history = await t.ctx.database.db
      .selectFrom('screening_rule_settings')
      .select('thresholds')
      .where('rule_code', '=', 'EMG-LOSS')
      .execute();
    expect(history).toHaveLength(2);
    const settings = await t.request(county, { method: 'GET', url: `/api/screening/rules/EMG-LOSS/settings` });
    expect(settings.json()).toMatchObject({ code: 'EMG-LOSS', defaults: { amountYuan: 10000 } });
    expect(settings.json().items.map((i: { thresholds: object }) => i.thresholds)).toEqual([
      { amountYuan: 6000 },
      { amountYuan: 5000 },
    ]);
    const auditor = await t.login('auditor');
    const audit = (await t.request(auditor, { method: 'GET', url: '/api/audit?action=screening.rule_set' })).json();
    expect(audit.total).toBe(2);
  });

  it("compares wages over a village's own span of months when it sets one (SPEC §3)", async () => {
    await post(county, '/api/screening/rules/HR-WAGE-DROP/settings', {
      regionCode: otherVillage,
      thresholds: { months: 6 },
    });
    const inside = await knownHousehold(t, otherVillage);
    const outside = await knownHousehold(t, t.village);
    const job = (h: typeof inside, wage: string) => ({
      name: h.head.name,
      idNumber: h.head.idNumber,
      workStartDate: '2026-01-01',
      lastMonthWage: wage,
    });
    await importRows(t, 'hr_social_security', 'employment', [job(inside, '6000'), job(outside, '6000')], {
      period: '2026-04',
    });
    await importRows(t, 'hr_social_security', 'employment', [job(inside, '1000'), job(outside, '1000')], {
      period: '2026-10',
    });
    expect((await cluesOf(t, inside.id)).map((c) => c.sourceRef)).toEqual(['hr_social_security:HR-WAGE-DROP']);
    expect(await cluesOf(t, outside.id)).toHaveLength(0); // twelve months back there is nothing to compare with
    const run = (await post(county, '/api/screening/runs', {})).json();
    expect(run.perRule.find((r: { code: string }) => r.code === 'HR-WAGE-DROP').hits).toBe(0);
  });

  it("sums medical costs over a village's own window when it sets one, in real time and in a routine run", async () => {
    await post(county, '/api/screening/rules/MED-OOP-12M/settings', {
      regionCode: otherVillage,
      thresholds: { months: 3 },
    });
    const inside = await knownHousehold(t, otherVillage);
    const outside = await knownHousehold(t, t.village);
    const bill = (h: typeof inside, date: string) => ({
      name: h.head.name,
      idNumber: h.head.idNumber,
      hospital: '临洮县人民医院',
      disease: '脑梗死',
      admissionDate: date,
      dischargeDate: date,
      outOfPocket: '25000',
      settlementDate: date,
    });
    // five months before the end of the period: inside the county's 12 months, outside the village's 3
    const first = await importRows(
      t,
      'medical_insurance',
      'settlement',
      [bill(inside, '2026-05-20'), bill(outside, '2026-05-20')],
      {
        period: '2026-10',
      },
    );
    expect(first).toMatchObject({ rowsGood: 2, rowsBad: 0 });
    expect((await cluesOf(t, outside.id)).map((c) => c.sourceRef)).toEqual(['medical_insurance:MED-OOP-12M']);
    expect(await cluesOf(t, inside.id)).toHaveLength(0);
    await post(county, '/api/screening/runs', { asOf: '2026-10-31' });
    expect(await cluesOf(t, inside.id)).toHaveLength(0);
    // a second bill within the village's three months: now its window holds 25,000 yuan
    await importRows(t, 'medical_insurance', 'settlement', [bill(inside, '2026-09-02')], { period: '2026-10' });
    expect((await cluesOf(t, inside.id)).map((c) => c.sourceRef)).toEqual(['medical_insurance:MED-OOP-12M']);
  });

  it('refuses thresholds a rule does not have and settings outside the scope', async () => {
    const bad = await post(county, '/api/screening/rules/EMG-LOSS/settings', {
      regionCode: t.village,
      thresholds: { x: 1 },
    });
    expect(bad.json().code).toBe('SCREENING_RULE_INVALID');
    const far = await post(county, '/api/screening/rules/EMG-LOSS/settings', { regionCode: '620102', thresholds: {} });
    expect(far.statusCode).toBe(403);
  });

  it('the routine run finds what real time could not; a person found later turns the data-quality item into a clue', async () => {
    const lateId = makeIdNumber('20120606', 'female');
    const s = await importRows(t, 'education', 'dropout', [{ name: '晚登记', idNumber: lateId }]);
    expect(s).toMatchObject({ hits: 0, clues: 0 });
    const dq = (await t.request(county, { method: 'GET', url: '/api/data-quality?department=education' })).json();
    expect(dq.items.map((i: { name: string }) => i.name)).toContain('晚登记');
    const h = await knownHousehold(t, t.village, [], { child: { name: '晚登记', idNumber: lateId } });
    const run = await post(county, '/api/screening/runs', {});
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ region: '621124' });
    expect(run.json().hits).toBeGreaterThanOrEqual(1);
    expect((await cluesOf(t, h.id)).map((c) => c.sourceRef)).toEqual(['education:EDU-DROPOUT']);
    // the run that found the person resolved the data-quality item
    const after = (await t.request(county, { method: 'GET', url: '/api/data-quality?department=education' })).json();
    const item = after.items.find((i: { name: string }) => i.name === '晚登记');
    expect(item).toMatchObject({ resolvedBy: '系统（例行筛查）' });
    expect(item.resolvedAt).not.toBeNull();
  });

  it('a data-quality item is resolved with a note by its department or the county, once (SPEC §10)', async () => {
    const strangerId = makeIdNumber('20111111', 'male', '620102');
    await importRows(t, 'medical_insurance', 'settlement', [
      {
        name: '外县人',
        idNumber: strangerId,
        hospital: '临洮县人民医院',
        disease: '肺炎',
        admissionDate: '2026-10-02',
        dischargeDate: '2026-10-09',
        outOfPocket: '30000',
        settlementDate: '2026-10-09',
      },
    ]);
    const dept = await t.login('department');
    const list = (await t.request(dept, { method: 'GET', url: '/api/data-quality?open=true' })).json();
    const item = list.items.find((i: { name: string }) => i.name === '外县人');
    expect(item).toMatchObject({ department: 'medical_insurance', resolvedAt: null });
    const url = `/api/data-quality/${item.id}/resolve`;
    expect((await post(dept, url, { resolution: '  ' })).json()).toMatchObject({ code: 'VALIDATION' });
    const done = await post(dept, url, { resolution: '非本县户籍，已转兰州市城关区核实' });
    expect(done.statusCode).toBe(200);
    expect((await post(county, url, { resolution: '再次处理' })).statusCode).toBe(409);
    const open = (await t.request(dept, { method: 'GET', url: '/api/data-quality?open=true' })).json();
    expect(open.items.map((i: { id: number }) => i.id)).not.toContain(item.id);
    const village = await t.login('village');
    expect((await post(village, url, { resolution: 'x' })).statusCode).toBe(404);
    const auditor = await t.login('auditor');
    const audit = (await t.request(auditor, { method: 'GET', url: '/api/audit?action=data_quality.resolve' })).json();
    expect(audit.total).toBe(1);
  });

  it('screening twice creates no duplicate clues (SPEC §10)', async () => {
    const h = await knownHousehold(t, t.village);
    await importRows(t, 'housing', 'safety_appraisal', [
      { name: h.head.name, idNumber: h.head.idNumber, grade: 'D级' },
    ]);
    await post(county, '/api/screening/runs', {});
    const before = {
      clues: await count('clues'),
      hits: await count('screening_hits'),
      dq: await count('data_quality_items'),
    };
    const again = (await post(county, '/api/screening/runs', {})).json();
    expect(again).toMatchObject({ hits: 0, cluesCreated: 0, cluesMerged: 0, qualityItems: 0 });
    const after = {
      clues: await count('clues'),
      hits: await count('screening_hits'),
      dq: await count('data_quality_items'),
    };
    expect(after).toEqual(before);
    // a closed clue is not re-opened by the next routine run: the hit was handled once
    const [clue] = await cluesOf(t, h.id);
    const close = await post(county, `/api/clues/${clue?.id}/close`, { result: 'no_risk', note: '已核实，危房已改造' });
    expect(close.statusCode).toBe(200);
    await post(county, '/api/screening/runs', {});
    expect((await cluesOf(t, h.id)).map((c) => c.status)).toEqual(['closed']);
  });

  it('a run over one township screens only its households', async () => {
    const h = await knownHousehold(t, t.village);
    await sql`INSERT INTO screening_rule_settings (rule_code, region_code, thresholds, enabled, set_by_name)
      VALUES ('HOU-APPRAISAL', '621124', '{}', false, 'test')`.execute(t.ctx.database.db);
    await importRows(t, 'housing', 'safety_appraisal', [
      { name: h.head.name, idNumber: h.head.idNumber, grade: 'C级' },
    ]);
    expect(await cluesOf(t, h.id)).toHaveLength(0); // switched off for the county
    await sql`INSERT INTO screening_rule_settings (rule_code, region_code, thresholds, enabled, set_by_name)
      VALUES ('HOU-APPRAISAL', ${t.township}, '{}', true, 'test')`.execute(t.ctx.database.db);
    const run = (await post(county, '/api/screening/runs', { region: t.township })).json();
    expect(run.region).toBe(t.township);
    expect((await cluesOf(t, h.id)).map((c) => c.sourceRef)).toEqual(['housing:HOU-APPRAISAL']);
  });

  it('only the county bureau runs screening; a department sees only its own warnings (SPEC §17)', async () => {
    const village = await t.login('village');
    expect((await post(village, '/api/screening/runs', {})).statusCode).toBe(403);
    const dept = await t.login('department');
    const h = await knownHousehold(t, t.village);
    await importRows(t, 'medical_insurance', 'settlement', [
      { name: h.head.name, idNumber: h.head.idNumber, outOfPocket: '30000', settlementDate: '2026-10-03' },
    ]);
    const list = (await t.request(dept, { method: 'GET', url: '/api/clues?pageSize=200' })).json();
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect(list.items.every((c: { sourceRef: string }) => c.sourceRef.startsWith('medical_insurance:'))).toBe(true);
    const rules = (await t.request(dept, { method: 'GET', url: '/api/screening/rules' })).json();
    expect(rules.map((r: { department: string }) => r.department)).toEqual(['medical_insurance']);
  });

  it("keeps each record's person and household when a person moves or their ID number is corrected (migration 0006)", async () => {
    const db = t.ctx.database.db;
    const from = await knownHousehold(t, t.village);
    const to = await knownHousehold(t, otherVillage);
    await importRows(t, 'housing', 'safety_appraisal', [
      { name: from.spouse.name, idNumber: from.spouse.idNumber, grade: 'B级' },
    ]);
    const link = async () =>
      (
        await sql<{ person: string | null; household: string | null }>`SELECT r.person_id AS person,
          r.household_id AS household FROM feed_records r JOIN persons p ON p.id_number_hash = r.id_number_hash
          WHERE p.name = ${from.spouse.name} AND r.department = 'housing'`.execute(db)
      ).rows;
    const spouse = await db
      .selectFrom('persons')
      .select(['id', 'id_number_hash'])
      .where('household_id', '=', from.id)
      .where('relation', '=', 'spouse')
      .executeTakeFirstOrThrow();
    expect(await link()).toEqual([{ person: spouse.id, household: from.id }]);

    // moved to another household (a split or a marriage): the record follows the person
    await sql`UPDATE persons SET household_id = ${to.id}, region_code = ${otherVillage}, relation = 'other'
      WHERE id = ${spouse.id}`.execute(db);
    expect(await link()).toEqual([{ person: spouse.id, household: to.id }]);

    // an ID number corrected to another number: the record no longer belongs to the person …
    await sql`UPDATE persons SET id_number_hash = ${'0'.repeat(64)} WHERE id = ${spouse.id}`.execute(db);
    const orphan = await sql<{ person: string | null }>`SELECT person_id AS person FROM feed_records
      WHERE id_number_hash = ${spouse.id_number_hash}`.execute(db);
    expect(orphan.rows).toEqual([{ person: null }]);
    // … and corrected back, it does again; a routine run then finds it in its new household's region
    await sql`UPDATE persons SET id_number_hash = ${spouse.id_number_hash} WHERE id = ${spouse.id}`.execute(db);
    expect(await link()).toEqual([{ person: spouse.id, household: to.id }]);
    await importRows(t, 'housing', 'safety_appraisal', [
      { name: from.spouse.name, idNumber: from.spouse.idNumber, grade: 'D级' },
    ]);
    expect((await cluesOf(t, to.id)).map((c) => c.sourceRef)).toEqual(['housing:HOU-APPRAISAL']);
    expect(await cluesOf(t, from.id)).toHaveLength(0);
  });

  it('writes only audit actions listed in AuditActions (SPEC §17)', async () => {
    expect(await auditActionsWritten(t.ctx.database.db)).toContain('screening.run');
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });
});
