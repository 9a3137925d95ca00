import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { exportJobsRepository } from '../src/modules/exports/export-jobs.repository.ts';
import { exportsService } from '../src/modules/exports/exports.service.ts';
import { regionsRepository } from '../src/modules/regions/regions.repository.ts';
import { unknownAuditActions } from './support/audit-actions.ts';
import { householdPayload } from './support/factories.ts';
import { monitoredHouseholdFixture } from './support/monitored-household.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

type Rows = string[][];

async function sheets(body: Buffer | string): Promise<Map<string, Rows>> {
  const wb = new ExcelJS.Workbook();
  if (typeof body === 'string') await wb.xlsx.readFile(body);
  else await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out = new Map<string, Rows>();
  for (const ws of wb.worksheets) {
    const rows: Rows = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    out.set(ws.name, rows);
  }
  return out;
}
const dataOf = (rows: Rows | undefined) => (rows ?? []).slice(4, -1);

/** Ledger exports, background jobs and the hand-over export (SPEC §1, §12, §17; issue 13 points 4 and 7). */
describe(`ledger exports on ${ENGINE}`, () => {
  let t: TestApp;
  let dataDir: string;
  let users: Record<'village' | 'township' | 'county' | 'department', string>;
  let monitored: { id: string; code: string };
  let otherVillage: string;
  let otherMonitored: { id: string; code: string };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-exports-'));
    t = await startTestApp({ now: new Date('2026-11-20T02:00:00Z'), config: { dataDir } });
    users = {
      village: await t.login('village'),
      township: await t.login('township'),
      county: await t.login('county'),
      department: await t.login('department'),
    };
    monitored = await monitoredHouseholdFixture(t, users.county, { riskTypes: ['medical'], includedOn: '2026-10-01' });
    otherVillage = (
      await t.ctx.database.db
        .selectFrom('regions')
        .select('code')
        .where('level', '=', 5)
        .where('code', '<>', t.village)
        .where('code', 'like', `${t.township}%`)
        .executeTakeFirstOrThrow()
    ).code;
    otherMonitored = await monitoredHouseholdFixture(t, users.county, {
      regionCode: otherVillage,
      riskTypes: ['housing'],
      includedOn: '2026-09-01',
    });
    for (const [cookie, hh, channel] of [
      [users.village, monitored.id, 'social'],
      [users.county, otherMonitored.id, 'cadre_screening'],
    ] as const) {
      const res = await t.request(cookie, {
        method: 'POST',
        url: '/api/clues',
        payload: { channel, sourceKind: 'hotline', householdId: hh, finding: `反映生活困难（${channel}）` },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const [s] = (
      await t.request(users.village, { method: 'GET', url: `/api/households/${monitored.id}/plan-suggestion` })
    ).json().measures;
    const m = await t.request(users.village, {
      method: 'POST',
      url: `/api/households/${monitored.id}/measures`,
      payload: {
        subtype: s.subtype,
        startOn: '2026-10-10',
        plannedEndOn: '2026-12-31',
        amount: 800,
        fundSource: '衔接资金',
      },
    });
    expect(m.statusCode, m.body).toBe(201);
  });
  afterAll(async () => {
    await t.services.exports.idle();
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (cookie: string, url: string) => t.request(cookie, { method: 'GET', url });
  const auditRows = (action: string) =>
    t.ctx.database.db
      .selectFrom('audit_log')
      .select(['username', 'after', 'entity_id as entityId'])
      .where('action', '=', action)
      .orderBy('at')
      .execute();

  it('exports the clue ledger with its filters, only inside the user’s village, and audits it (SPEC §6, §12)', async () => {
    const village = await get(users.village, '/api/exports/clues.xlsx?channel=social');
    expect(village.statusCode, village.body.slice(0, 300)).toBe(200);
    expect(village.headers['content-disposition']).toContain(encodeURIComponent('监测预警信息台账.xlsx'));
    const rows = (await sheets(village.rawPayload)).get('线索台账');
    expect(rows?.[0]?.[0]).toBe('监测预警信息台账');
    expect(rows?.[1]?.[0]).toMatch(/^填报单位：/);
    expect(rows?.[1]?.at(-1)).toBe('导出日期：2026-11-20');
    expect(rows?.[2]?.[0]).toBe('筛选条件：渠道 社会信息补充');
    expect(rows?.[3]).toEqual(expect.arrayContaining(['接收日期', '监测渠道', '户编号', '发现的问题', '状态']));
    const data = dataOf(rows);
    // The village sees its own clue, not the other village's (scope).
    expect(data.map((r) => r[3])).toEqual([monitored.code]);
    expect(data[0]?.[2]).toBe('社会信息补充');
    expect(rows?.at(-1)?.[0]).toBe('合计：1条');
    const list = (await get(users.village, '/api/clues?channel=social&pageSize=200')).json();
    expect(list.total).toBe(1);

    const township = dataOf(
      (await sheets((await get(users.township, '/api/exports/clues.xlsx')).rawPayload)).get('线索台账'),
    );
    expect(township.map((r) => r[3]).sort()).toEqual([monitored.code, otherMonitored.code].sort());
    const cadre = await get(users.township, '/api/exports/clues.xlsx?channel=cadre_screening');
    expect(dataOf((await sheets(cadre.rawPayload)).get('线索台账')).map((r) => r[3])).toEqual([otherMonitored.code]);

    const audit = await auditRows('ledger.export');
    expect(audit.find((a) => a.username === 'village')?.after).toMatchObject({
      ledger: 'clues',
      channel: 'social',
      rows: 1,
    });
  });

  it('masks ID numbers unless a revealing role asks, and audits the reveal (SPEC §17)', async () => {
    const masked = await get(users.county, `/api/exports/monitored.xlsx?region=${t.village}`);
    expect(masked.statusCode).toBe(200);
    const rows = dataOf((await sheets(masked.rawPayload)).get('监测对象'));
    const row = rows.find((r) => r[0] === monitored.code);
    expect(row?.[3]).toMatch(/^\d{6}\*+\d[\dX]$/);
    expect(row?.[7]).toBe('医疗');
    expect(rows.map((r) => r[0])).not.toContain(otherMonitored.code);

    expect((await get(users.village, '/api/exports/monitored.xlsx?unmasked=true')).statusCode).toBe(403);
    const shown = await get(users.county, `/api/exports/monitored.xlsx?region=${t.village}&unmasked=true`);
    expect(shown.statusCode).toBe(200);
    const full = dataOf((await sheets(shown.rawPayload)).get('监测对象')).find((r) => r[0] === monitored.code);
    expect(full?.[3]).toMatch(/^\d{17}[\dX]$/);
    const reveals = await auditRows('person.reveal_id');
    expect(reveals.some((r) => (r.after as { ledger?: string }).ledger === 'monitored')).toBe(true);
    // A ledger without ID numbers refuses the flag by name.
    const clues = await t.request(users.county, {
      method: 'POST',
      url: '/api/exports',
      payload: { ledger: 'clues', unmasked: true },
    });
    expect(clues.statusCode).toBe(400);
    expect(clues.json().details.fields[0].field).toBe('unmasked');
  });

  it('refuses a bad ledger or filter with 400 naming the field', async () => {
    const ledger = await t.request(users.county, {
      method: 'POST',
      url: '/api/exports',
      payload: { ledger: 'salaries' },
    });
    expect(ledger.statusCode).toBe(400);
    expect(ledger.json().details.fields.map((f: { field: string }) => f.field)).toContain('ledger');
    const filter = await t.request(users.county, {
      method: 'POST',
      url: '/api/exports',
      payload: { ledger: 'clues', filters: { status: 'rich' } },
    });
    expect(filter.statusCode).toBe(400);
    expect(filter.json().details.fields[0].field).toBe('filters.status');
    const unknown = await t.request(users.county, {
      method: 'POST',
      url: '/api/exports',
      payload: { ledger: 'cases', filters: { colour: 'red' } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('colour');
    // formats are checked, at the route and in the service (jobs, CLI): no id that is not one, no day that is no date
    const auditor = await t.login('auditor');
    const route = await get(auditor, '/api/audit/export.xlsx?householdId=abc');
    expect(route.statusCode, route.body).toBe(400);
    for (const bad of [{ householdId: 'abc' }, { from: '2026-13-45' }]) {
      await expect(t.services.exports.stream(SYSTEM_ACTOR, 'audit', bad)).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: `filters.${Object.keys(bad)[0]}` }] },
      });
    }
    expect((await get(users.county, '/api/exports/cases.xlsx?level=mayor')).statusCode).toBe(400);
    expect((await get(users.county, '/api/exports/handover?region=621124')).statusCode).toBe(400);
    // a department user has no registry reading: the household ledgers refuse, its own clues export
    expect((await get(users.department, '/api/exports/monitored.xlsx')).statusCode).toBe(403);
    expect((await get(users.department, '/api/exports/clues.xlsx')).statusCode).toBe(200);
  });

  async function finished(cookie: string, id: string) {
    for (let i = 0; i < 200; i++) {
      const r = (await get(cookie, `/api/exports/${id}`)).json();
      if (r.status === 'done' || r.status === 'failed') return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('export did not finish');
  }

  it('runs a background export with progress; only the user who asked may see or download it', async () => {
    const start = await t.request(users.village, {
      method: 'POST',
      url: '/api/exports',
      payload: { ledger: 'households', filters: { status: 'monitored' } },
    });
    expect(start.statusCode, start.body).toBe(202);
    const job = start.json();
    expect(job).toMatchObject({ ledger: 'households', fileName: '农户档案.xlsx' });
    const done = await finished(users.village, job.id);
    expect(done).toMatchObject({ status: 'done', percent: 100, rowsWritten: 1, totalEstimate: 1 });
    expect(done.expiresAt).toBeTruthy();

    // Another user — even one whose region contains the village — gets "not found".
    expect((await get(users.township, `/api/exports/${job.id}`)).statusCode).toBe(404);
    expect((await get(users.township, `/api/exports/${job.id}/file`)).statusCode).toBe(404);
    expect((await get(users.county, `/api/exports/${job.id}/file`)).statusCode).toBe(404);

    const file = await get(users.village, `/api/exports/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    const rows = dataOf((await sheets(file.rawPayload)).get('农户档案'));
    expect(rows.map((r) => r[0])).toEqual([monitored.code]);
    expect(fs.readdirSync(path.join(dataDir, 'exports'))).toContain(`${job.id}.xlsx`);

    expect((await auditRows('export.job_create')).map((a) => a.entityId)).toContain(job.id);
    const exported = await auditRows('household.export');
    expect(exported.find((a) => (a.after as { job?: string }).job === job.id)?.after).toMatchObject({
      status: 'monitored',
      rows: 1,
    });
    expect((await auditRows('export.file_read')).map((a) => a.entityId)).toContain(job.id);
    expect((await get(users.village, '/api/exports')).json().items.map((j: { id: string }) => j.id)).toContain(job.id);
  });

  it('takes up a job interrupted by a restart again, and deletes files past their retention', async () => {
    const village = await t.ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'village')
      .executeTakeFirstOrThrow();
    const { id } = await t.ctx.database.db
      .insertInto('export_jobs')
      .values({
        user_id: village.id,
        username: 'village',
        role: 'village',
        region_code: t.village,
        ledger: 'clues',
        filters: JSON.stringify({}),
        reveal: false,
        status: 'running',
        attempts: 1,
        rows_written: 40,
        file_name: '监测预警信息台账.xlsx',
        heartbeat_at: sql<Date>`now() - interval '10 minutes'` as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.services.exports.sweep();
    const resumed = (await get(users.village, `/api/exports/${id}`)).json();
    expect(resumed).toMatchObject({ status: 'done', rowsWritten: 1, attempts: 2 });

    await t.ctx.database.db
      .updateTable('export_jobs')
      .set({ expires_at: new Date('2026-01-01T00:00:00Z') })
      .where('id', '=', id)
      .execute();
    const swept = await t.services.exports.sweep();
    expect(swept.removed).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(path.join(dataDir, 'exports', `${id}.xlsx`))).toBe(false);
    expect((await get(users.village, `/api/exports/${id}`)).json().status).toBe('expired');
    expect((await get(users.village, `/api/exports/${id}/file`)).statusCode).toBe(410);
  });

  it('cancels a queued or running job for its owner: the worker stops between pages and removes the file', async () => {
    const db = t.ctx.database.db;
    const village = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'village')
      .executeTakeFirstOrThrow();
    const queue = async () =>
      (
        await db
          .insertInto('export_jobs')
          .values({
            user_id: village.id,
            username: 'village',
            role: 'village',
            region_code: t.village,
            ledger: 'households',
            filters: JSON.stringify({}),
            reveal: false,
            file_name: '农户档案.xlsx',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const cancel = (cookie: string, id: string) =>
      t.request(cookie, { method: 'POST', url: `/api/exports/${id}/cancel` });

    // A worker held after its first page, as a large export would be between two pages.
    const real = exportJobsRepository(db);
    let reached!: () => void;
    const atFirstPage = new Promise<void>((r) => {
      reached = r;
    });
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const dir = path.join(dataDir, 'exports');
    const worker = exportsService({
      db,
      cipher: t.ctx.cipher,
      settings: t.services.settings,
      audit: t.services.audit,
      regionsRepo: regionsRepository(db),
      jobsRepo: {
        ...real,
        progress: async (id: string, rows: number) => {
          reached();
          await gate;
          return real.progress(id, rows);
        },
      },
      dir,
      now: t.ctx.now,
    });
    const id = await queue();
    const running = worker.sweep();
    await atFirstPage;
    expect((await get(users.village, `/api/exports/${id}`)).json().status).toBe('running');
    // The writer opens its file asynchronously: on a busy machine the open may land just after the first page.
    await expect.poll(() => fs.existsSync(path.join(dir, `${id}.xlsx.part`))).toBe(true);

    // Only the owner may cancel; anyone else is told it does not exist.
    expect((await cancel(users.township, id)).statusCode).toBe(404);
    const cancelled = await cancel(users.village, id);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ id, status: 'cancelled' });
    release();
    await running;
    expect(fs.existsSync(path.join(dir, `${id}.xlsx.part`))).toBe(false);
    expect(fs.existsSync(path.join(dir, `${id}.xlsx`))).toBe(false);
    expect((await get(users.village, `/api/exports/${id}`)).json().status).toBe('cancelled');
    expect((await get(users.village, `/api/exports/${id}/file`)).statusCode).toBe(409);
    const again = await cancel(users.village, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EXPORT_NOT_CANCELLABLE');
    const audited = await auditRows('export.job_cancel');
    expect(audited.find((a) => a.entityId === id)).toMatchObject({
      username: 'village',
      after: { ledger: 'households', status: 'cancelled' },
    });
    // No export happened: no ledger audit row for the job.
    const exported = await auditRows('household.export');
    expect(exported.some((a) => (a.after as { job?: string }).job === id)).toBe(false);

    // A queued job cancelled before any worker takes it never runs.
    const queued = await queue();
    expect((await cancel(users.village, queued)).json().status).toBe('cancelled');
    await t.services.exports.sweep();
    expect((await get(users.village, `/api/exports/${queued}`)).json()).toMatchObject({
      status: 'cancelled',
      rowsWritten: 0,
    });
    expect(fs.existsSync(path.join(dir, `${queued}.xlsx`))).toBe(false);
  });

  it('hands over monitored households, members, risks and measures for a region and month (SPEC §1)', async () => {
    const refused = await get(users.village, `/api/exports/handover?region=${otherVillage}&period=2026-11`);
    expect(refused.statusCode).toBe(403);
    const res = await get(users.county, `/api/exports/handover?region=${t.township}&period=2026-11&unmasked=true`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const book = await sheets(res.rawPayload);
    expect([...book.keys()]).toEqual(['户', '成员', '风险', '措施']);
    const households = dataOf(book.get('户'));
    expect(households.map((r) => r[0]).sort()).toEqual([monitored.code, otherMonitored.code].sort());
    const hh = households.find((r) => r[0] === monitored.code);
    expect(hh?.[1]).toBe(t.village);
    expect(hh?.[6]).toMatch(/^\d{17}[\dX]$/);
    expect(hh?.[12]).toBe('2026-10-01');
    const members = dataOf(book.get('成员')).filter((r) => r[0] === monitored.code);
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((r) => /^\d{17}[\dX]$/.test(r[2] ?? ''))).toBe(true);
    expect(
      dataOf(book.get('风险'))
        .filter((r) => r[0] === monitored.code)
        .map((r) => r[1]),
    ).toEqual(['医疗']);
    const measures = dataOf(book.get('措施'));
    expect(measures.map((r) => r[0])).toEqual([monitored.code]);
    expect(measures[0]?.[9]).toBe('800');

    // A month before the inclusion hands over nothing for that household.
    const before = await get(users.county, `/api/exports/handover?region=${t.village}&period=2026-09`);
    expect(dataOf((await sheets(before.rawPayload)).get('户')).map((r) => r[0])).not.toContain(monitored.code);
    expect((await auditRows('handover.export')).length).toBe(1);
    expect(await unknownAuditActions(t.ctx.database.db)).toEqual([]);
  });

  it('exports every ledger of the web app with its title, headers and rows (issue 13 point 4)', async () => {
    const expected: Record<string, [string, string, string | undefined]> = {
      cases: ['程序事项', '当前步骤', undefined],
      measures: ['帮扶措施', '措施类型', monitored.code],
      gaps: ['风险未落实措施', '未落实措施的风险', otherMonitored.code],
      imports: ['导入记录', '文件名', undefined],
      monitored: ['监测对象', '监测类别', monitored.code],
    };
    for (const [ledger, [sheet, header, code]] of Object.entries(expected)) {
      const res = await get(users.county, `/api/exports/${ledger}.xlsx`);
      expect(res.statusCode, `${ledger}: ${res.body.slice(0, 200)}`).toBe(200);
      const rows = (await sheets(res.rawPayload)).get(sheet);
      expect(rows?.[3], ledger).toContain(header);
      if (code)
        expect(
          dataOf(rows).map((r) => r[0]),
          ledger,
        ).toContain(code);
    }
    // The measure's money and department are written as the offices read them.
    const measures = dataOf(
      (await sheets((await get(users.county, '/api/exports/measures.xlsx?status=planned')).rawPayload)).get('帮扶措施'),
    );
    expect(measures[0]?.[10]).toBe('800');
  });

  it('creates a household through the registry without disturbing the exports (fixture sanity)', async () => {
    const created = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const res = await get(users.village, '/api/exports/households.xlsx?status=none');
    expect(dataOf((await sheets(res.rawPayload)).get('农户档案')).map((r) => r[0])).toContain(created.code);
  });
  it('stops at shutdown without losing the job: the next server takes it up again (decision 0026)', async () => {
    const start = await t.request(users.village, { method: 'POST', url: '/api/exports', payload: { ledger: 'clues' } });
    expect(start.statusCode).toBe(202);
    await t.services.exports.stop();
    const left = (await get(users.village, `/api/exports/${start.json().id}`)).json();
    expect(['queued', 'running', 'done']).toContain(left.status);
    // A new server over the same database and data directory (a restart).
    const restarted = exportsService({
      db: t.ctx.database.db,
      cipher: t.ctx.cipher,
      settings: t.services.settings,
      audit: t.services.audit,
      regionsRepo: regionsRepository(t.ctx.database.db),
      jobsRepo: exportJobsRepository(t.ctx.database.db),
      dir: path.join(dataDir, 'exports'),
      now: t.ctx.now,
    });
    await restarted.sweep({ exclusive: true });
    const done = (await get(users.village, `/api/exports/${start.json().id}`)).json();
    expect(done).toMatchObject({ status: 'done', percent: 100 });
    expect((await get(users.village, `/api/exports/${start.json().id}/file`)).statusCode).toBe(200);
  });
});
