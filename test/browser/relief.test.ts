import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { chooseOption, launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * The government relief platform in the browser (SPEC §14): a citizen applies for 临时救助 on a phone without an
 * account, the 民政 user accepts and answers it in the inbox, and the citizen sees each step and rates it. Nothing
 * leaves the platform (SPEC §17).
 */
describe.skipIf(skipReason !== '')(`relief platform in Chromium (SPEC §14)${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let idNumber: string;
  let trackingCode = '';
  const PHONE = '13800001234';

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    const payload = householdPayload(t.village);
    idNumber = payload.members[0]?.idNumber as string;
    const created = await t.request(await t.login('village'), { method: 'POST', url: '/api/households', payload });
    expect(created.statusCode).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openContext(phone: boolean): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
    const context = await newContext(
      browser,
      phone
        ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'UTC' }
        : { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'UTC' },
    );
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') foreign.push(r.url());
    });
    return { context, page, foreign };
  }

  const status = async (page: Page) => {
    await page.goto(`${base}/relief/status?code=${trackingCode}`);
    await page.fill('#phone', PHONE);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=relief-stage]');
  };

  it('lets a citizen apply for 临时救助 on a phone without an account', async () => {
    const { context, page, foreign } = await openContext(true);
    await page.goto(`${base}/relief?village=${t.village}`);
    await page.waitForSelector('[data-testid=village-chosen]');
    await chooseOption(page, '[data-testid=relief-item]', '临时救助');
    await expect(page.locator('.ant-alert', { hasText: '民政局' }).textContent()).resolves.toContain('10个工作日');
    await page.fill('#applicantName', '张建国');
    await page.fill('#idNumber', idNumber);
    await page.fill('#phone', PHONE);
    await page.fill('#description', '妻子住院，家里急需生活费');
    await page.click('[data-testid=relief-submit]');
    await page.waitForSelector('[data-testid=relief-code]');
    trackingCode = ((await page.locator('[data-testid=relief-code]').textContent()) ?? '').trim();
    expect(trackingCode).toMatch(/^JZ[A-Z2-9]{10}$/);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/shouxian-web-relief-phone.png', fullPage: true });
    await status(page);
    await expect(page.locator('[data-testid=relief-stage]').textContent()).resolves.toContain('待受理');
    await context.close();
    expect(foreign).toEqual([]);
  }, 90_000);

  it('lets 民政 accept and answer it; the citizen sees each step and rates the handling', async () => {
    expect(trackingCode).not.toBe('');
    const { context, page, foreign } = await openContext(false);
    await page.goto(`${base}/login`);
    await page.fill('#username', 'civil');
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('.sx-header');
    await page.click('.ant-menu >> text=救助申请');
    await page.waitForURL(/\/relief-requests$/);
    await page.click(`[data-testid=relief-inbox] button:has-text("${trackingCode}")`);
    await page.waitForSelector('[data-testid=relief-detail]');
    await page.click('[data-testid=relief-accept]');
    await page.waitForSelector('[data-testid=relief-reply]');
    await page.click('[data-testid=relief-reply]');
    await page.fill('.ant-modal #text', '经入户核实，发放临时救助金1500元');
    await page.click('.ant-modal button:has-text("确定")');
    await page.locator('[data-testid=relief-detail] .ant-descriptions', { hasText: '已办结' }).waitFor();
    await page.screenshot({ path: '/tmp/shouxian-web-relief-handled.png' });
    await context.close();
    expect(foreign).toEqual([]);

    const phone = await openContext(true);
    await status(phone.page);
    await expect(phone.page.locator('[data-testid=relief-stage]').textContent()).resolves.toContain('已办结');
    const steps = await phone.page.locator('[data-testid=relief-steps]').textContent();
    expect(steps).toContain('申请人本人提交申请');
    expect(steps).toContain('民政局受理');
    expect(steps).toContain('民政局办结答复：经入户核实，发放临时救助金1500元');
    await phone.page.click('button:has-text("提交评价")');
    await phone.page.locator('.ant-message', { hasText: '感谢您的评价' }).waitFor();
    await phone.page.screenshot({ path: '/tmp/shouxian-web-relief-status.png', fullPage: true });
    await phone.context.close();
    expect(phone.foreign).toEqual([]);
  }, 120_000);
});
