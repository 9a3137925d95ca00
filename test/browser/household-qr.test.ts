import type { Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, newContext, skipReason } from './support/browser.ts';
import { logIn, settle } from './support/staff-pages.ts';

/**
 * The 明白卡's QR code (issue 14, SPEC §16): it holds the household file's address; scanned on a phone it opens the
 * file for a logged-in user in scope, sends a user who is not logged in to the login and back to the household, and
 * tells a user outside the household's region so in plain Chinese.
 */
describe.skipIf(skipReason !== '')(`明白卡 QR code on a phone${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let mine: { id: string; code: string };
  let elsewhere: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    const village = await t.login('village');
    const county = await t.login('county');
    const created = await t.request(village, {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(t.village),
    });
    expect(created.statusCode, created.body).toBe(201);
    mine = created.json();
    // A household of another village of the county: outside the village cadre's region.
    const other = await t.ctx.database.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 5)
      .where('code', 'like', '621124%')
      .where('code', '!=', t.village)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const far = await t.request(county, {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(other.code),
    });
    expect(far.statusCode, far.body).toBe(201);
    elsewhere = far.json();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('prints the household file’s address in the card’s QR code', async () => {
    const { context, page } = await logIn(browser, base, 'village', 1366, 768);
    await page.goto(`${base}/cards?household=${mine.id}`);
    const qr = page.locator('[data-testid=card-qr]');
    await qr.locator('svg').waitFor();
    const expected = await QRCode.toString(`${base}/households/${mine.id}`, { type: 'svg', margin: 0, width: 96 });
    // The same modules as the library draws for the address (the browser may serialise the SVG's tags differently).
    const paths = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
    expect(paths(expected).length).toBeGreaterThan(0);
    expect(paths(await qr.innerHTML())).toEqual(paths(expected));
    await context.close();
  });

  it('sends a phone that is not logged in to the login, then back to the household', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/households/${mine.id}`);
    await page.waitForSelector('.sx-login-card');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/households/${mine.id}`);
    await page.fill('#username', 'village');
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/households/${mine.id}`);
    await settle(page);
    await page.locator(`.sx-page-head:has-text("${mine.code}")`).waitFor();
    // The file fits the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await context.close();
  });

  it('tells a user outside the household’s region in plain Chinese', async () => {
    const { context, page } = await logIn(browser, base, 'village', 390, 844);
    await page.goto(`${base}/households/${elsewhere.id}`);
    const notice = page.locator('[data-testid=household-unavailable]');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('不在您的管辖范围内');
    expect(text).toContain('扫码查看农户档案仅限本辖区的工作人员');
    await context.close();
    // The county, whose region holds it, opens it.
    const county = await logIn(browser, base, 'county', 390, 844);
    await county.page.goto(`${base}/households/${elsewhere.id}`);
    await county.page.locator('.sx-page-head:has-text("农户档案")').waitFor();
    await county.context.close();
  });
});
