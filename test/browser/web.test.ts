import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * The browser app end to end: the real server on in-memory PGlite serving web/dist, driven in Debian's Chromium
 * (never a downloaded browser). Checks the masking of ID numbers on screen and the audited reveal (SPEC §17), and
 * that the page asks nothing of any host but the platform itself (SPEC §17: no internet).
 */

const MASKED = /^\d{6}\*{10}\d[\dX]$/;

describe.skipIf(skipReason !== '')(`web app in Chromium (SPEC §17)${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let householdId: string;
  let idNumbers: string[];

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);

    const payload = householdPayload(t.village);
    idNumbers = payload.members.map((m) => m.idNumber);
    const created = await t.request(await t.login('village'), { method: 'POST', url: '/api/households', payload });
    expect(created.statusCode).toBe(201);
    householdId = created.json().id;

    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh browser profile; `foreign` collects every request to a host other than the platform (SPEC §17). */
  async function openContext(): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
    const context = await newContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') foreign.push(r.url());
    });
    return { context, page, foreign };
  }

  async function logIn(page: Page, username: string): Promise<void> {
    await page.waitForSelector('.sx-login-card');
    await page.fill('#username', username);
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('.sx-header');
  }

  const memberIds = (page: Page) => page.locator('[data-testid=member-id-number]').allTextContents();

  it('shows a village cadre the household list and the file with masked ID numbers, without a reveal button', async () => {
    const { context, page, foreign } = await openContext();
    await page.goto(`${base}/`);
    await logIn(page, 'village');
    await expect(page.locator('.sx-header').textContent()).resolves.toContain('村级');

    await page.click('.ant-menu >> text=农户档案');
    await page.waitForSelector('.ant-table-row');
    const row = page.locator('.ant-table-row', { hasText: '张建国' });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toMatch(/\d{6}\*{10}\d[\dX]/);
    // Its 三色 comes from the server (SPEC §16): an unmonitored household without clues is green.
    await row.locator('[data-risk-colour=green]').waitFor();

    // The list exports to Excel with its filters (SPEC §12): a real download, read back.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=households-export]'),
    ]);
    expect(download.suggestedFilename()).toBe('农户档案.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((r) => {
      cells.push(...(r.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    expect(cells).toContain('户编号');
    expect(cells).toContain('张建国');
    expect(cells.join(' ')).not.toMatch(/\d{17}[\dX]/);

    await row.locator('text=查看档案').click();
    await page.waitForSelector('[data-testid=member-id-number]');
    expect(page.url()).toBe(`${base}/households/${householdId}`);
    const shown = await memberIds(page);
    expect(shown).toHaveLength(3);
    for (const id of shown) expect(id).toMatch(MASKED);
    expect(shown.sort()).toEqual(idNumbers.map((id) => `${id.slice(0, 6)}**********${id.slice(-2)}`).sort());
    await expect(page.locator('button', { hasText: '显示完整身份证号' }).count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/shouxian-web-village-file.png', fullPage: true });
    await context.close();
    expect(foreign).toEqual([]);
  }, 90_000);

  it('lets the county reveal full ID numbers after a warning, and the reveal is audited', async () => {
    const { context, page, foreign } = await openContext();
    // A deep link while logged out goes through the login and comes back (the server's SPA fallback).
    await page.goto(`${base}/households/${householdId}`);
    await logIn(page, 'county');
    await page.waitForSelector('[data-testid=member-id-number]');
    for (const id of await memberIds(page)) expect(id).toMatch(MASKED);

    await page.click('button:has-text("显示完整身份证号")');
    await page.waitForSelector('.ant-modal-confirm');
    await expect(page.locator('.ant-modal-confirm').textContent()).resolves.toContain('审计日志');
    await page.click('.ant-modal-confirm button:has-text("确认显示")');
    await page.waitForSelector('text=正在显示完整身份证号');
    await page.waitForSelector('.ant-modal-confirm', { state: 'hidden' });
    const shown = await memberIds(page);
    expect(shown.sort()).toEqual([...idNumbers].sort());
    await page.screenshot({ path: '/tmp/shouxian-web-county-revealed.png', fullPage: true });
    await context.close();
    expect(foreign).toEqual([]);

    const audit = await t.request(await t.login('auditor'), {
      method: 'GET',
      url: `/api/audit?householdId=${householdId}&action=person.reveal_id`,
    });
    expect(audit.json()).toMatchObject({ total: 1, items: [{ username: 'county' }] });
  }, 90_000);
});
