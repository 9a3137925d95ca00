import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * A ledger exported through the web button (SPEC §12; issue 13 point 4): the clue ledger's 导出Excel starts a
 * background job, shows its progress bar and downloads the workbook, which is read back here.
 */
describe.skipIf(skipReason !== '')(`ledger export in Chromium${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let dataDir: string;
  let householdCode: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-exports-web-'));
    t = await startTestApp({ config: { dataDir } });
    base = await listen(t);
    const village = await t.login('village');
    const created = await t.request(village, {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(t.village),
    });
    expect(created.statusCode).toBe(201);
    householdCode = created.json().code;
    const clue = await t.request(village, {
      method: 'POST',
      url: '/api/clues',
      payload: {
        channel: 'social',
        sourceKind: 'hotline',
        householdId: created.json().id,
        finding: '12317热线反映该户因病支出大',
      },
    });
    expect(clue.statusCode, clue.body).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.services.exports.idle();
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('exports the clue ledger with its filters from the button, with a progress bar, and the file reads back', async () => {
    const context = await newContext(browser, {
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') foreign.push(r.url());
    });
    await page.goto(`${base}/clues?status=&channel=social`);
    await page.waitForSelector('.sx-login-card');
    await page.fill('#username', 'village');
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=clues-export]');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=clues-export]')]);
    await page.locator('[data-testid=export-progress]').waitFor();
    expect(download.suggestedFilename()).toBe('监测预警信息台账.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const sheet = workbook.getWorksheet('线索台账');
    const rows: string[][] = [];
    sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]?.[0]).toBe('监测预警信息台账');
    expect(rows[2]?.[0]).toBe('筛选条件：渠道 社会信息补充');
    expect(rows[3]).toEqual(expect.arrayContaining(['接收日期', '监测渠道', '户编号', '发现的问题']));
    const data = rows.slice(4, -1);
    expect(data.map((r) => r[3])).toEqual([householdCode]);
    expect(data[0]).toContain('12317热线反映该户因病支出大');
    await expect(page.locator('.ant-modal').textContent()).resolves.toContain('已导出 1 行');
    await page.screenshot({ path: '/tmp/shouxian-web-export-progress.png' });

    // The export and the download are in the audit log.
    const actions = await t.ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('username', '=', 'village')
      .where('action', 'in', ['export.job_create', 'ledger.export', 'export.file_read'])
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['export.job_create', 'ledger.export', 'export.file_read']),
    );
    await context.close();
    expect(foreign).toEqual([]);
  }, 90_000);

  it('lists the user’s exports on 导出记录 at 390 px with status, size and download, and cancels a queued one', async () => {
    const db = t.ctx.database.db;
    const village = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'village')
      .executeTakeFirstOrThrow();
    const context = await newContext(browser, { viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/clues?status=&channel=social`);
    await page.waitForSelector('.sx-login-card');
    await page.fill('#username', 'village');
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=clues-export]');
    // From the export dialog to the records page.
    await page.click('[data-testid=clues-export]');
    await page.locator('[data-testid=export-records-link]').click();
    await page.waitForURL(/\/exports$/);
    await page.getByText('导出记录', { exact: true }).first().waitFor();

    const body = page.locator('main, .ant-layout-content').first();
    await expect.poll(() => body.textContent(), { timeout: 15_000 }).toContain('已完成');
    // A job waiting for a worker (no sweep runs in the test server, and the runner has finished the export above):
    // it can be cancelled from the page.
    const { id: queued } = await db
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
      .executeTakeFirstOrThrow();
    await page.click('[data-testid=exports-refresh]');
    await expect.poll(() => body.textContent(), { timeout: 15_000 }).toContain('排队中');
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('监测预警信息台账');
    expect(text).toContain('排队中');
    expect(text).toMatch(/\d+ KB/);
    expect(await page.locator('[data-testid=export-download]').count()).toBeGreaterThanOrEqual(1);
    const href = await page.locator('[data-testid=export-download]').first().getAttribute('href');
    expect(href).toMatch(/^\/api\/exports\/[0-9a-f-]+\/file$/);
    // Nothing wider than the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/shouxian-web-export-records.png' });

    await page.locator('[data-testid=export-cancel]').first().click();
    await page.getByRole('button', { name: '取消导出' }).click();
    await expect.poll(() => body.textContent(), { timeout: 15_000 }).toContain('已取消');
    const row = await db.selectFrom('export_jobs').select('status').where('id', '=', queued).executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
    const audited = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'export.job_cancel')
      .where('username', '=', 'village')
      .execute();
    expect(audited.map((a) => a.entity_id)).toContain(queued);
    expect(await page.locator('[data-testid=export-cancel]').count()).toBe(0);
    await context.close();
  }, 90_000);
});
