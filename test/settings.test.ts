import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { auditFields } from '../web/src/domain/audit-fields.ts';
import { unknownAuditActions } from './support/audit-actions.ts';
import { householdPayload, makeIdNumber } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

interface Entry {
  key: string;
  value: Record<string, unknown>;
  source: { level: string; regionCode: string | null };
  fieldSources: Record<string, { level: string; regionCode: string | null }>;
  own: unknown;
  inherited: Record<string, unknown>;
  bounds: Record<string, { value: number; regionCode: string }>;
  default: unknown;
}

describe(`region settings on ${ENGINE} (SPEC §3)`, () => {
  let t: TestApp;
  /** Villages and townships of the demo county, so that each test sets its own regions. */
  let villages: string[];
  let township2: string;
  let village2: string;
  let township3: string;
  let village3: string;

  const put = async (user: string, key: string, regionCode: string, value: unknown) =>
    t.request(await t.login(user), { method: 'PUT', url: `/api/settings/${key}`, payload: { regionCode, value } });
  const list = async (user: string, region: string) =>
    t.request(await t.login(user), { method: 'GET', url: `/api/settings?region=${region}` });
  const entry = async (region: string, key: string): Promise<Entry> => {
    const res = await list('county', region);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.find((i: Entry) => i.key === key);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const children = async (code: string) =>
      (await t.services.regions.children(SYSTEM_ACTOR, code)).children.map((c) => c.code);
    villages = (await children(t.township)).filter((c) => c !== t.village);
    const townships = (await children('621124')).filter((c) => c !== t.township);
    [township2 = '', township3 = ''] = townships;
    [village2 = ''] = await children(township2);
    [village3 = ''] = await children(township3);
    await t.services.regions.loadCounty(SYSTEM_ACTOR, '621102');
    await t.services.auth.addUser(SYSTEM_ACTOR, {
      username: 'anding',
      password: 'Demo@2026',
      demo: true,
      role: 'county',
      displayName: '安定区乡村振兴局',
      regionCode: '621102',
      department: null,
    });
  });
  afterAll(() => t.close());

  it('lists every known setting for a region with its value in force, source level and default', async () => {
    const res = await list('county', villages[0] as string);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.region.code).toBe(villages[0]);
    expect(body.items.map((i: Entry) => i.key)).toEqual([
      'assessment.thresholds',
      'clues.dueDays',
      'clues.visitPhotos',
      'assistance.responsibleDays',
      'assistance.tekunAges',
      'cycle.concentratedScreenings',
      'publicity.objectionContact',
      'publicity.levels',
      'risk.anomaly',
      'relief.limits',
      'card.contact',
      'campaigns.spotCheck',
      'notices.wording',
      'notices.issuers',
      'exports.retentionDays',
      'audit.retentionMonths',
    ]);
    const thresholds = body.items[0];
    expect(thresholds).toMatchObject({
      name: '研判阈值',
      source: { level: 'default', regionCode: null },
      value: { compulsoryEducationAgeFrom: 6, compulsoryEducationAgeTo: 16, medicalAmount: 20000 },
      default: { compulsoryEducationAgeTo: 16 },
      own: null,
    });
    expect(thresholds.fields.find((f: { name: string }) => f.name === 'compulsoryEducationAgeTo')).toMatchObject({
      label: '义务教育适龄截止年龄',
      kind: 'integer',
      min: 3,
      max: 25,
    });
    expect(thresholds.schema.properties.medicalShareOfIncome).toMatchObject({ type: 'number', maximum: 1 });
  });

  it('applies a village override of the compulsory-education ages to that village’s assessments (SPEC §3, §7.3)', async () => {
    const village = villages[1] as string;
    const cookie = await t.login('county');
    const created = await t.request(cookie, {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(village, {
        members: [
          { name: '马建军', idNumber: makeIdNumber('19750312', 'male'), relation: 'head', labor: 'full' },
          // 17 on 1 September 2025: outside the default 6–16.
          {
            name: '马小军',
            idNumber: makeIdNumber('20080601', 'male'),
            relation: 'child',
            labor: 'none',
            education: 'dropout',
          },
        ],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const income = await t.request(cookie, {
      method: 'POST',
      url: `/api/households/${id}/incomes`,
      payload: { year: 2025, wage: 60000 },
    });
    expect(income.statusCode, income.body).toBe(201);
    const riskTypes = async () => {
      const res = await t.request(cookie, { method: 'POST', url: `/api/households/${id}/assess?year=2025` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().result.riskTypes;
    };

    expect(await riskTypes()).toEqual([]);
    const set = await put('county', 'assessment.thresholds', village, { compulsoryEducationAgeTo: 18 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      value: { compulsoryEducationAgeFrom: 6, compulsoryEducationAgeTo: 18, medicalAmount: 20000 },
      source: { level: 'village', regionCode: village },
      own: { compulsoryEducationAgeTo: 18 },
    });
    expect(set.json().fieldSources.compulsoryEducationAgeTo).toMatchObject({ level: 'village' });
    expect(set.json().fieldSources.compulsoryEducationAgeFrom).toMatchObject({ level: 'default' });
    expect(await riskTypes()).toEqual(['education']);
    // Another village of the same township keeps the default.
    expect((await entry(villages[0] as string, 'assessment.thresholds')).value.compulsoryEducationAgeTo).toBe(16);

    // Leaving out every field inherits again.
    expect((await put('county', 'assessment.thresholds', village, {})).statusCode).toBe(200);
    expect(await riskTypes()).toEqual([]);
  });

  it('refuses bad values with a Chinese message naming the field', async () => {
    const village = villages[2] as string;
    const cases: [string, unknown, string, string][] = [
      ['assessment.thresholds', { compulsoryEducationAgeTo: 30 }, 'value.compulsoryEducationAgeTo', '应为 3–25 的整数'],
      ['assessment.thresholds', { compulsoryEducationAgeTo: 15.5 }, 'value.compulsoryEducationAgeTo', '整数'],
      ['assessment.thresholds', { medicalShareOfIncome: 0 }, 'value.medicalShareOfIncome', '比例'],
      ['assessment.thresholds', { medicalAmount: 'lots' }, 'value.medicalAmount', '金额'],
      ['assessment.thresholds', { ageTo: 15 }, 'value.ageTo', '没有字段 ageTo'],
      [
        'assessment.thresholds',
        { compulsoryEducationAgeFrom: 17, compulsoryEducationAgeTo: 16 },
        'value.compulsoryEducationAgeFrom',
        '范围颠倒',
      ],
      ['clues.dueDays', {}, 'value.days', '核实时限（days）必须填写'],
      ['clues.dueDays', { days: 0 }, 'value.days', '应为 1–90 的整数（天）'],
      ['clues.dueDays', 10, 'value', '应为对象'],
      ['cycle.concentratedScreenings', { months: ['2026-13'] }, 'value.months', 'YYYY-MM'],
      ['risk.anomaly', { factorOverAverage: 0.5 }, 'value.factorOverAverage', '高于前期平均的倍数'],
    ];
    for (const [key, value, field, text] of cases) {
      const res = await put('county', key, village, value);
      expect(res.statusCode, `${key} ${JSON.stringify(value)}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', details: { field } });
      expect(res.json().message).toContain(text);
      if (field !== 'value') expect(res.json().message).toContain(field.slice('value.'.length));
    }
    const unknown = await put('county', 'procedures.inclusion', village, { code: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('SETTING_UNKNOWN');
    const noRegion = await put('county', 'clues.dueDays', '621124999999', { days: 5 });
    expect(noRegion.statusCode).toBe(404);
    expect(noRegion.json().code).toBe('REGION_UNKNOWN');
    expect((await entry(village, 'assessment.thresholds')).own).toBeNull();
  });

  it('refuses an age range reversed across levels, above or below (SPEC §3)', async () => {
    expect(
      (await put('county', 'assessment.thresholds', township3, { compulsoryEducationAgeFrom: 7 })).statusCode,
    ).toBe(200);
    const reversed = await put('county', 'assessment.thresholds', village3, { compulsoryEducationAgeTo: 6 });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().message).toContain('范围颠倒');
    expect((await put('county', 'assessment.thresholds', village3, { compulsoryEducationAgeTo: 15 })).statusCode).toBe(
      200,
    );
    const breaks = await put('county', 'assessment.thresholds', township3, { compulsoryEducationAgeFrom: 16 });
    expect(breaks.statusCode).toBe(409);
    expect(breaks.json().code).toBe('SETTING_BREAKS_BELOW');
    expect(breaks.json().details.conflicts[0]).toMatchObject({ regionCode: village3 });
    expect((await entry(village3, 'assessment.thresholds')).value).toMatchObject({
      compulsoryEducationAgeFrom: 7,
      compulsoryEducationAgeTo: 15,
    });
  });

  it('lets a lower level tighten a deadline but not loosen it, and keeps levels below consistent (SPEC §3)', async () => {
    expect((await put('county', 'clues.dueDays', township2, { days: 8 })).statusCode).toBe(200);
    const looser = await put('county', 'clues.dueDays', village2, { days: 12 });
    expect(looser.statusCode).toBe(400);
    expect(looser.json()).toMatchObject({ code: 'SETTING_LOOSER_THAN_PARENT', details: { field: 'value.days' } });
    expect(looser.json().message).toMatch(/核实时限（days）12天比上级（.+）设定的8天宽松/);
    const tighter = await put('county', 'clues.dueDays', village2, { days: 5 });
    expect(tighter.statusCode, tighter.body).toBe(200);
    expect(tighter.json()).toMatchObject({
      value: { days: 5 },
      source: { level: 'village' },
      inherited: { days: 8 },
      bounds: { days: { value: 8, regionCode: township2, level: 'township' } },
    });
    // The township may not tighten past the village's value without changing the village first.
    const breaks = await put('county', 'clues.dueDays', township2, { days: 4 });
    expect(breaks.statusCode).toBe(409);
    expect(breaks.json().code).toBe('SETTING_BREAKS_BELOW');
    expect(breaks.json().message).toContain('5天比本级新设的4天宽松');
    // Loosening its own value (nothing set above) is allowed; the village's stricter value stays in force.
    expect((await put('county', 'clues.dueDays', township2, { days: 9 })).statusCode).toBe(200);
    expect((await entry(village2, 'clues.dueDays')).value).toEqual({ days: 5 });
    expect((await t.services.settings.get('clues.dueDays', village2)).value).toEqual({ days: 5 });
  });

  it('lets users set only inside their region, with settings.write (SPEC §3)', async () => {
    const village = villages[3] as string;
    const other = await put('anding', 'clues.dueDays', village, { days: 5 });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('REGION_OUT_OF_SCOPE');
    expect((await list('anding', village)).statusCode).toBe(403);
    const otherHistory = await t.request(await t.login('anding'), {
      method: 'GET',
      url: `/api/settings/clues.dueDays/history?region=${village}`,
    });
    expect(otherHistory.statusCode).toBe(403);
    const township = await put('township', 'clues.dueDays', village, { days: 5 });
    expect(township.statusCode).toBe(403);
    expect(township.json().code).toBe('AUTH_FORBIDDEN');
    expect((await put('supervisor', 'clues.dueDays', village, { days: 5 })).statusCode).toBe(403);
    expect((await list('supervisor', village)).statusCode).toBe(200);
    expect((await list('department', village)).statusCode).toBe(403);
    // Levels above one's own are readable (their values are inherited), not writable.
    expect((await list('county', '62')).statusCode).toBe(200);
    expect((await put('county', 'clues.dueDays', '62', { days: 5 })).json().code).toBe('REGION_OUT_OF_SCOPE');
    expect((await entry(village, 'clues.dueDays')).own).toBeNull();
  });

  it('keeps the history at the region, above and below it, newest first, with who set it', async () => {
    const village = village2;
    const key = 'risk.anomaly';
    for (const [region, months] of [
      [township2, 3],
      [village, 4],
      [village, 5],
    ] as const) {
      const res = await put('county', key, region, { months });
      expect(res.statusCode, res.body).toBe(200);
    }
    const history = async (user: string, region: string) => {
      const res = await t.request(await t.login(user), {
        method: 'GET',
        url: `/api/settings/${key}/history?region=${region}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as {
        regionCode: string;
        value: unknown;
        relation: string;
        setBy: string;
        setAt: string;
      }[];
    };
    const atVillage = await history('county', village);
    expect(atVillage.map((i) => [i.relation, i.value])).toEqual([
      ['self', { months: 5 }],
      ['self', { months: 4 }],
      ['above', { months: 3 }],
    ]);
    expect(atVillage.every((i) => i.setBy === 'county')).toBe(true);
    const times = atVillage.map((i) => Date.parse(i.setAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await history('county', township2)).map((i) => i.relation)).toEqual(['below', 'below', 'self']);
    // A county elsewhere reading its province sees the province's rows, not the rows inside another county.
    expect(await history('anding', '62')).toEqual([]);
    // Old rows stay as they were: the table is append-only.
    await expect(sql`update region_settings set value = '{}'`.execute(t.ctx.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from region_settings`.execute(t.ctx.database.db)).rejects.toThrow(/append-only/);
  });

  it('audits each change with the value before and after (SPEC §17)', async () => {
    const village = villages[4] as string;
    await put('county', 'assistance.tekunAges', village, { elderlyAge: 65 });
    await put('county', 'assistance.tekunAges', village, { elderlyAge: 62, tekunMinorAge: 18 });
    const rows = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'region_code', 'username', 'before', 'after'])
      .where('entity', '=', 'setting')
      .where('region_code', '=', village)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        action: 'setting.set',
        entity: 'setting',
        entity_id: 'assistance.tekunAges',
        region_code: village,
        username: 'county',
        before: null,
        after: { elderlyAge: 65 },
      },
      {
        action: 'setting.set',
        entity: 'setting',
        entity_id: 'assistance.tekunAges',
        region_code: village,
        username: 'county',
        before: { elderlyAge: 65 },
        after: { elderlyAge: 62, tekunMinorAge: 18 },
      },
    ]);
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);

    // The audit page names the setting and its fields in Chinese, from the setting's definition (issue 14 point 5).
    const read = await t.request(await t.login('supervisor'), {
      method: 'GET',
      url: '/api/audit?entity=setting&entityId=assistance.tekunAges',
    });
    expect(read.statusCode, read.body).toBe(200);
    const [newest] = read.json().items;
    expect(newest.labels.object).toBe('特困供养年龄');
    expect(auditFields(newest.after, newest.labels)).toEqual([
      { label: '老年人起始年龄（周岁）', value: '62' },
      { label: '未成年人年龄上限（周岁）', value: '18' },
    ]);
  });

  it('refuses private text in the notice wording, naming the field in Chinese (issue 10)', async () => {
    const res = await put('county', 'notices.wording', '621124', { income: '人均纯收入3000元，低于监测线' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain('收入风险');
    expect(res.json().message).not.toContain('income');
  });

  it('names a coded choice in the audit log by its Chinese name (issue 14 point 5)', async () => {
    const township = township3;
    const set = await put('county', 'publicity.levels', township, { mode: 'template' });
    expect(set.statusCode, set.body).toBe(200);
    const read = await t.request(await t.login('supervisor'), {
      method: 'GET',
      url: '/api/audit?entity=setting&entityId=publicity.levels',
    });
    const [newest] = read.json().items;
    const text = JSON.stringify(auditFields(newest.after, newest.labels));
    expect(text).toContain('公示方式');
    expect(text).toContain('按程序模板规定的各级公示');
    expect(text).not.toMatch(/template|mode/);
  });
});

const run = promisify(execFile);

/** The command line on its own embedded database (the API's rules apply; the system acts). */
describe.skipIf(ENGINE !== 'pglite')('shouxian settings (CLI)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-settings-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SHOUXIAN_DATA_KEY: '', LOG_LEVEL: 'warn' };
  const shouxian = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, [path.resolve('bin/shouxian.js'), ...args], { env, timeout: 120_000 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('sets a value, lists it with its source level, and refuses a bad one naming the field', async () => {
    expect((await shouxian('migrate')).code).toBe(0);
    expect((await shouxian('regions', 'load', '--county', '621124')).code).toBe(0);
    const set = await shouxian(
      'settings',
      'set',
      'assessment.thresholds',
      '--region',
      '621124',
      '--value',
      '{"compulsoryEducationAgeTo":15}',
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('"compulsoryEducationAgeTo":15');
    const listed = await shouxian('settings', 'list', '--region', '621124');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      /assessment\.thresholds\t研判阈值\t.*"compulsoryEducationAgeTo":15.*来源：县级 621124/,
    );
    expect(listed.stdout).toMatch(/clues\.dueDays\t线索核实时限\t\{"days":15\}\t来源：默认/);
    const bad = await shouxian(
      'settings',
      'set',
      'assessment.thresholds',
      '--region',
      '621124',
      '--value',
      '{"compulsoryEducationAgeTo":30}',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('[VALIDATION]');
    expect(bad.stderr).toContain('compulsoryEducationAgeTo');
    const history = await shouxian('settings', 'history', 'assessment.thresholds', '--region', '621124');
    expect(history.stdout.trim().split('\n')).toHaveLength(1);
  }, 400_000); // six cold starts of the CLI on PGlite
});
