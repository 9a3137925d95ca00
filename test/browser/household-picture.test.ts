import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedCsv, knownHousehold, multipart } from '../feeds-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * Early warning inside the procedure (issue 9 point 5; SPEC §7.4): after a 公安 vehicle import, the village cadre
 * opening the household's inclusion case sees from its first step that the household does not qualify, and why,
 * naming 公安 and the record — at phone and desktop widths.
 */
describe.skipIf(skipReason !== '')(`household picture in Chromium (SPEC §7.4)${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let caseId: string;
  let headName: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    const village = await t.login('village');
    const county = await t.login('county');
    const h = await knownHousehold(t, t.village, [{ year: 2026, wage: 6000 }]);
    headName = h.head.name;
    const row = {
      name: h.head.name,
      idNumber: h.head.idNumber,
      vehicleType: '小型普通客车',
      purchaseDate: '2026-06-10',
    };
    const imported = await t.request(county, {
      method: 'POST',
      url: '/api/feeds/public_security/imports?period=2026-10&kind=vehicle&region=621124',
      ...multipart('vehicle.csv', feedCsv('public_security', 'vehicle', [row], t.village)),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const started = await t.request(village, {
      method: 'POST',
      url: '/api/cases',
      payload: { householdId: h.id, kind: 'inclusion' },
    });
    expect(started.statusCode, started.body).toBe(201);
    caseId = started.json().id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ])('warns on the first step that the household does not qualify ($width px)', async (viewport) => {
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.fill('#username', 'village');
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('.sx-header');
    await page.goto(`${base}/cases/${caseId}`);
    const warning = page.locator('[data-testid=case-early-warning]');
    await warning.waitFor();
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain('该户目前不符合纳入条件');
    expect(text).toContain(`公安局2026年10月车辆登记：成员${headName.slice(0, 1)}某购买小型普通客车（2026-06-10）`);
    expect(text).not.toMatch(/exclude|consumer_car/);
    const box = await warning.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: `/tmp/shouxian-picture-${viewport.width}.png`, fullPage: true });
    await context.close();
  });
});
