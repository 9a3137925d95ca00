import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../src/domain/calendar/index.ts';
import { addClue, addMeasure, householdOf, writeHistory } from '../support/report-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * The dashboard and a report in Chromium at a phone's and a desktop's width (issue #13, SPEC §12, §16): the cards show
 * the figures' "X户Y人", a card opens the households behind it, the monthly report downloads as Excel and prints
 * without the app's menus.
 */
describe.skipIf(skipReason !== '')(`dashboard and reports in Chromium (SPEC §12)${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const today = chinaToday();
  const month = today.slice(0, 7);
  const firstOfMonth = `${month}-01`;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    const a = await householdOf(t, t.village, 3);
    await writeHistory(t, a, [
      { kind: 'included', on: firstOfMonth, category: 'unstable', risks: ['income', 'medical'] },
    ]);
    const b = await householdOf(t, t.village, 4);
    await writeHistory(t, b, [{ kind: 'included', on: firstOfMonth, category: 'sudden', risks: ['other'] }]);
    await addMeasure(t, a, `${firstOfMonth}T09:00:00+08:00`);
    await addClue(t, {
      householdId: b,
      region: t.village,
      channel: 'department',
      received: firstOfMonth,
      due: firstOfMonth,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(width: number, path: string): Promise<Page> {
    const context = await newContext(browser, {
      viewport: { width, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.waitForSelector('.sx-login-card');
    await page.fill('#username', 'county');
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('.sx-header');
    return page;
  }

  /**
   * Elements of the page reaching past the right edge of the content area (a phone page must not scroll sideways).
   * Measured against the content area, not the window: the side menu and header are the app layout's.
   */
  const overflowing = (page: Page) =>
    page.evaluate(`(() => {
      const right = document.querySelector('.sx-content').getBoundingClientRect().right;
      return [...document.querySelectorAll('.sx-content *')]
        .filter((e) => e.getBoundingClientRect().right > right + 1
          && !e.closest('.sx-report-scroll, .ant-table-content, canvas'))
        .map((e) => e.tagName + '.' + String(e.className).slice(0, 60)).slice(0, 8);
    })()`) as Promise<string[]>;

  for (const width of [390, 1366]) {
    it(`shows the month's X户Y人 from the figures and opens the households behind a card at ${width} px (SPEC §16)`, async () => {
      const page = await open(width, '/');
      const card = page.locator('[data-testid="card-监测对象"]');
      await card.locator('.ant-statistic-content').waitFor();
      await expect(card.textContent()).resolves.toContain('2户7人');
      await page.waitForSelector('[data-testid=trend-chart] canvas');
      await page.waitForSelector('[data-testid=region-grid] button');
      await expect(page.locator('[data-testid=dashboard-text]').textContent()).resolves.toContain(
        '监测对象2户7人，其中脱贫不稳定户1户3人、突发严重困难户1户4人',
      );
      await card.click();
      await page.waitForSelector('[data-testid=figure-households-total]');
      await expect(page.locator('[data-testid=figure-households-total]').textContent()).resolves.toBe('共2户7人');
      // rows at 1366 px, cards at 390 px (ResponsiveTable, issue 14)
      await expect(
        page.locator('.ant-drawer .ant-table-row, .ant-drawer [data-testid=card-row]').count(),
      ).resolves.toBe(2);
      if (width === 390) expect(await overflowing(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('opens the monthly report, downloads it as Excel and prints it without menus (SPEC §12)', async () => {
    const page = await open(1366, `/reports?kind=monthly&period=${month}`);
    const title = page.locator('[data-testid=report-title]');
    await title.waitFor();
    await expect(title.textContent()).resolves.toMatch(/^临洮县\d{4}年\d{1,2}月防止返贫监测帮扶工作月调度表$/);
    await expect(page.locator('.sx-report-table').first().textContent()).resolves.toContain('合计');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=report-xlsx]')]);
    expect(download.suggestedFilename()).toMatch(/月调度表\.xlsx$/);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ant-layout-sider').isVisible()).resolves.toBe(false);
    await expect(page.locator('.sx-no-print').first().isVisible()).resolves.toBe(false);
    await expect(title.isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('lays the report out at 390 px with its tables scrolling inside the page (phone)', async () => {
    const page = await open(
      390,
      `/reports?kind=quarterly&period=${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`,
    );
    await page.locator('[data-testid=bulletin]').waitFor();
    await expect(page.locator('[data-testid=bulletin]').textContent()).resolves.toContain('新纳入监测对象2户7人');
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });
});
