import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, skipReason } from './support/browser.ts';
import {
  addressOf,
  logIn,
  overflow,
  roleOf,
  routeAllowed,
  seedRecords,
  settle,
  staffRoutes,
  visit,
} from './support/staff-pages.ts';

/**
 * The staff app on a phone (390×844) and a computer (1366×768), issue 14: every page the county and a village cadre
 * may open fits the window's width (nothing scrolls sideways, no element sticks out), the phone's menu is a drawer,
 * lists are cards, and the main action of the key pages can be reached and tapped.
 */
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
];

describe.skipIf(skipReason !== '')(`staff app at phone and computer widths${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let records: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    records = await seedRecords(t);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // 三员分立: the security administrator's 用户管理 and the auditor's 审计日志 too (issue 11 point 3); the project
  // officer's project pages (docs/decisions/0036)
  describe.each(['county', 'village', 'security', 'auditor', 'project'])('as %s', (username) => {
    it.each(VIEWPORTS)(
      'no page is wider than $width px',
      async ({ width, height }) => {
        const { context, page } = await logIn(browser, base, username, width, height);
        const problems: string[] = [];
        for (const route of staffRoutes().filter((r) => routeAllowed(r, roleOf(username)))) {
          const to = addressOf(route, records);
          await visit(page, to);
          const wide = await overflow(page);
          if (wide.length) problems.push(`${to}: ${wide.join(' | ')}`);
        }
        await context.close();
        expect(problems).toEqual([]);
      },
      300_000,
    );
  });

  /** Visible, brought into view, inside the window and not covered by anything else (a trial click). */
  async function reachable(page: Page, selector: string): Promise<void> {
    const target = page.locator(selector).first();
    await target.waitFor({ state: 'visible' });
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    const size = page.viewportSize();
    expect(box, selector).not.toBeNull();
    if (!box || !size) return;
    expect(box.x, selector).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, selector).toBeLessThanOrEqual(size.width);
    expect(box.y, selector).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, selector).toBeLessThanOrEqual(size.height);
    await target.click({ trial: true, timeout: 5000 });
  }

  it.each(VIEWPORTS)('a village cadre reaches the main actions at $width px', async ({ width, height }) => {
    const { context, page } = await logIn(browser, base, 'village', width, height);
    await visit(page, '/households');
    await reachable(page, 'button:has-text("新建农户")');
    await visit(page, records['/households/:id'] as string);
    await reachable(page, 'button:has-text("录入收支")');
    await reachable(page, '.ant-tabs-tab:has-text("收支")');
    await visit(page, '/clues');
    await reachable(page, 'button:has-text("登记社会信息线索")');
    await visit(page, records['/cases/:id'] as string);
    await reachable(page, '[data-testid=case-actions] button:has-text("完成本步骤")');
    await context.close();
  });

  it('on a phone the menu is a drawer and lists are cards with a tap target for the record', async () => {
    const { context, page } = await logIn(browser, base, 'village', 390, 844);
    await visit(page, '/');
    // No side menu takes the page's width: it opens from the header's button and closes on a choice.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await reachable(page, '[data-testid=menu-button]');
    await page.click('[data-testid=menu-button]');
    await page.click('.sx-menu-drawer .ant-menu-item:has-text("农户档案")');
    await page.waitForURL(/\/households$/);
    await page.locator('.sx-menu-drawer .ant-drawer-content').waitFor({ state: 'hidden' });
    await settle(page);
    // The household list is cards: the household's head as the heading, linking to the file.
    const card = page.locator('[data-testid=card-row]').first();
    await card.waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    const link = card.locator('.sx-card-row-title a').first();
    await reachable(page, '[data-testid=card-row] .sx-card-row-title a');
    await link.click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    await settle(page);
    // Dialogs take the whole screen.
    await page.click('button:has-text("录入收支")');
    const dialog = page.locator('.ant-modal .ant-modal-container').first();
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box?.width).toBe(390);
    expect(await overflow(page)).toEqual([]);
    await context.close();
  });
});
