import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * Self-declaration to procedure in the browser (SPEC §6 channel 1, §8.1): a citizen declares hardship from a phone
 * without an account and checks the status with the tracking code; the village cadre finds the clue in the ledger,
 * starts the inclusion procedure from it and works its first step. No request leaves the platform (SPEC §17).
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PHONE = '13800001234';

describe.skipIf(skipReason !== '')(`declaration and procedures in Chromium (SPEC §6, §8)${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let householdId: string;
  let idNumber: string;
  let trackingCode = '';

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    const payload = householdPayload(t.village);
    idNumber = payload.members[1]?.idNumber as string;
    const created = await t.request(await t.login('village'), { method: 'POST', url: '/api/households', payload });
    expect(created.statusCode).toBe(201);
    householdId = created.json().id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh profile; `foreign` collects requests to any host but the platform, `visited` every page address. */
  async function openContext(
    phone: boolean,
  ): Promise<{ context: BrowserContext; page: Page; foreign: string[]; visited: string[] }> {
    const context = await newContext(
      browser,
      phone
        ? {
            viewport: { width: 390, height: 844 },
            deviceScaleFactor: 2,
            isMobile: true,
            hasTouch: true,
            locale: 'zh-CN',
          }
        : { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' },
    );
    const page = await context.newPage();
    const foreign: string[] = [];
    const visited: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') foreign.push(r.url());
    });
    page.on('framenavigated', (f) => f === page.mainFrame() && visited.push(f.url()));
    return { context, page, foreign, visited };
  }

  it('lets a citizen declare on a phone without logging in, then see the status with the tracking code', async () => {
    const { context, page, foreign, visited } = await openContext(true);
    // The village's QR code carries its 12-digit code.
    await page.goto(`${base}/declare?village=${t.village}`);
    await page.waitForSelector('[data-testid=village-chosen]');
    await expect(page.locator('[data-testid=village-chosen]').textContent()).resolves.toContain(t.village);
    await page.fill('#name', '李秀英');
    await page.fill('#idNumber', idNumber);
    await page.fill('#phone', '138 0000 1234');
    await page.click('.sx-hardship >> text=看病就医困难或医疗费用高');
    await page.fill('#description', '丈夫住院，自付医药费四万多元');
    await page.screenshot({ path: '/tmp/shouxian-web-declare-phone.png', fullPage: true });
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=tracking-code]');
    trackingCode = ((await page.locator('[data-testid=tracking-code]').textContent()) ?? '').trim();
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    await page.screenshot({ path: '/tmp/shouxian-web-declare-done.png', fullPage: true });

    await page.click('button:has-text("查询办理进度")');
    await page.waitForURL(/\/declare\/status\?code=/);
    await expect(page.inputValue('#code')).resolves.toBe(trackingCode);
    await page.fill('#phone', PHONE);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=declare-stage]');
    await expect(page.locator('[data-testid=declare-stage]').textContent()).resolves.toContain('已受理');
    await page.screenshot({ path: '/tmp/shouxian-web-declare-status.png', fullPage: true });
    await context.close();
    expect(visited.filter((u) => new URL(u).pathname.startsWith('/login'))).toEqual([]);
    expect(foreign).toEqual([]);
  }, 60_000);

  it('shows the village cadre the clue in the ledger; starting the procedure opens the case with its steps', async () => {
    expect(trackingCode).not.toBe('');
    const { context, page, foreign } = await openContext(false);
    await page.goto(`${base}/login`);
    await page.fill('#username', 'village');
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('.sx-header');

    await page.click('.ant-menu >> text=线索台账');
    const row = page.locator('.ant-table-row', { hasText: '农户自主申报' });
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator('[data-clue-colour]').getAttribute('data-clue-colour')).resolves.toBe('yellow');
    await page.waitForSelector('.ant-spin-blur', { state: 'detached' });
    await page.screenshot({ path: '/tmp/shouxian-web-clues.png', fullPage: true });
    await row.locator('button:has-text("办理")').click();
    await page.waitForSelector('[data-testid=clue-drawer]');
    await expect(page.locator('[data-testid=clue-drawer]').textContent()).resolves.toContain(trackingCode);
    await page.click('[data-testid=clue-drawer] button:has-text("启动识别程序")');
    await page.fill('.ant-modal #note', '入户核实：丈夫住院自付费用高，启动识别程序');
    await page.click('.ant-modal button:has-text("启动程序并销号")');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid=step-timeline]');

    const steps = page.locator('[data-testid=case-step]');
    await expect(steps.count()).resolves.toBe(8);
    await expect(steps.first().getAttribute('data-phase')).resolves.toBe('current');
    const names = await steps.allTextContents();
    expect(names[0]).toBe('风险信息收集');
    expect(names).toContain('村级评议公示');
    await expect(page.locator('a', { hasText: '农户档案' }).getAttribute('href')).resolves.toBe(
      `/households/${householdId}`,
    );

    // The server is the judge: completing without the required record shows its message.
    await page.click('[data-testid=case-actions] button:has-text("完成本步骤")');
    await page.click('.ant-modal button:has-text("确认完成")');
    await page.waitForSelector('[data-testid=action-error]');
    await expect(page.locator('[data-testid=action-error]').textContent()).resolves.toContain('缺少必备资料');

    await page.setInputFiles('[data-record=clue_ledger] input[type=file]', {
      name: '台账.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.locator('[data-record=clue_ledger]', { hasText: '台账.pdf' }).waitFor();
    await page.click('[data-testid=case-actions] button:has-text("完成本步骤")');
    await page.click('.ant-modal button:has-text("确认完成")');
    await page.locator('[data-testid=current-step]', { hasText: '综合分析研判' }).waitFor();
    await expect(steps.first().getAttribute('data-phase')).resolves.toBe('done');
    await page.waitForSelector('.ant-modal-wrap', { state: 'hidden' });
    await page.screenshot({ path: '/tmp/shouxian-web-case.png', fullPage: true });
    await context.close();
    expect(foreign).toEqual([]);

    const clue = await t.request(await t.login('village'), {
      method: 'GET',
      url: `/api/clues?householdId=${householdId}`,
    });
    expect(clue.json().items[0]).toMatchObject({ status: 'closed', result: 'start_identification' });
  }, 60_000);
});
