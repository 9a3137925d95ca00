import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../src/domain/calendar/dates.ts';
import { monitoredHouseholdFixture } from '../support/monitored-household.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { chooseOption, launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * Assistance in the browser (SPEC §9): a village cadre finds a monitored household in the gap lists, opens its 帮扶
 * tab, adopts a suggested measure with money, adds one from the catalogue, assigns the 帮扶责任人, and the household
 * leaves both gap lists. The medical-insurance officer then sees only its department's measure and records its
 * delivery (SPEC §1). Menus follow the server's policies; no request leaves the platform (SPEC §17).
 */

// The server counts deadlines on China's civil date (UTC+8); between 00:00 and 08:00 Beijing time the UTC date is
// still yesterday, so the fixture's dates are taken on the same clock.
const daysAgo = (n: number) => chinaToday(new Date(Date.now() - n * 86_400_000));

describe.skipIf(skipReason !== '')(`assistance in Chromium (SPEC §9)${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let household: { id: string; code: string };

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    // Included 60 days ago: past the default 15-day deadline for a 帮扶责任人, with two risks and no measure yet.
    household = await monitoredHouseholdFixture(t, await t.login('county'), {
      riskTypes: ['income', 'medical'],
      includedOn: daysAgo(60),
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh profile; `foreign` collects every request to a host other than the platform (SPEC §17). */
  async function openContext(): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
    // The server dates "today" in UTC; the browser's date pickers must agree (see the report on time zones).
    const context = await newContext(browser, {
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') foreign.push(r.url());
    });
    return { context, page, foreign };
  }

  async function logIn(page: Page, username: string): Promise<void> {
    await page.goto(`${base}/login`);
    await page.fill('#username', username);
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('.sx-header');
  }

  async function openMenu(page: Page, group: string, entry: string): Promise<void> {
    const item = page.locator('.ant-menu-item', { hasText: entry });
    if (!(await item.isVisible())) await page.click(`.ant-menu-submenu-title:has-text("${group}")`);
    await item.click();
  }

  const menuTexts = (page: Page) => page.locator('.ant-menu').allTextContents();

  /** The household codes listed in one gap table, once it has loaded. */
  async function gapCodes(page: Page, testId: string): Promise<string[]> {
    const table = page.locator(`[data-testid=${testId}]`);
    await table.waitFor();
    // antd puts the data-testid on the inner table; the loading spinner is in the wrapper around it. The list starts
    // loading as the page mounts, so once the spinner is gone the rows are the server's answer.
    const spinner = page.locator(`.ant-table-wrapper:has([data-testid=${testId}]) .ant-spin-spinning`);
    await spinner.first().waitFor({ state: 'detached' });
    return table.locator('.ant-table-row td:first-child').allTextContents();
  }

  it('takes a village cadre from the gap list to a household, records two measures and the responsible person, and the gaps close', async () => {
    const { context, page, foreign } = await openContext();
    await logIn(page, 'village');
    const menu = (await menuTexts(page)).join('');
    expect(menu).toContain('帮扶工作');

    await openMenu(page, '帮扶工作', '帮扶缺口');
    await page.waitForURL(/\/assistance\/gaps$/);
    await expect(gapCodes(page, 'gap-unanswered-risks')).resolves.toContain(household.code);
    const row = page.locator('[data-testid=gap-unanswered-risks] .ant-table-row', { hasText: household.code });
    await expect(row.textContent()).resolves.toMatch(/收入.*医疗/);
    await page.click('.ant-tabs-tab:has-text("逾期未指定帮扶责任人")');
    await expect(gapCodes(page, 'gap-without-responsible')).resolves.toContain(household.code);
    await expect(
      page.locator('[data-testid=gap-without-responsible] .ant-table-row', { hasText: household.code }).textContent(),
    ).resolves.toContain('45 天');
    await expect(page.locator('[data-testid=assistance-rates]').textContent()).resolves.toContain('1户3人');
    await page.screenshot({ path: '/tmp/shouxian-web-assistance-gaps.png', fullPage: true });

    // The code opens the household file on its 帮扶 tab.
    await page.click(`[data-testid=gap-without-responsible] a:has-text("${household.code}")`);
    await page.waitForURL(new RegExp(`/households/${household.id}\\?tab=assistance$`));
    await page.waitForSelector('[data-testid=assistance-tab]');
    await expect(page.locator('[data-testid=assistance-colour]').getAttribute('data-risk-colour')).resolves.toBe('red');
    // The file's summary shows the same colour, with the server's reason on hover (SPEC §16).
    await page.locator('.ant-descriptions [data-risk-colour=red]').waitFor();
    const job = page.locator('[data-testid=plan-suggestion][data-subtype=job_placement]');
    await job.waitFor();
    await expect(job.textContent()).resolves.toContain('理由：收入风险');
    await page.screenshot({ path: '/tmp/shouxian-web-assistance-plan.png', fullPage: true });

    // Adopt the suggested job placement, with money and its source.
    await job.locator('button:has-text("采纳")').click();
    await page.waitForSelector('.ant-modal:has-text("采纳建议：转移就业")');
    await page.fill('.ant-modal #responsiblePerson', '县人社局王某');
    await page.fill('.ant-modal #amount', '1200.5');
    await page.fill('.ant-modal #fundSource', '衔接资金');
    await page.click('.ant-modal button:has-text("保存措施")');
    const jobRow = page.locator('[data-testid=measures-table] .ant-table-row', { hasText: '转移就业' });
    await jobRow.waitFor();
    await expect(jobRow.textContent()).resolves.toContain('采纳建议');
    await expect(jobRow.locator('[data-testid=measure-amount]').textContent()).resolves.toContain('1,200.5 元');
    await page.waitForSelector('.ant-modal-wrap', { state: 'hidden' });

    // Add a measure from the region's catalogue for the medical risk.
    await page.click('[data-testid=assistance-tab] button:has-text("新增措施")');
    await page.waitForSelector('.ant-modal:has-text("新增帮扶措施")');
    // A fresh form: nothing left over from the measure just adopted.
    await expect(page.inputValue('.ant-modal #content')).resolves.toBe('');
    await chooseOption(page, '.ant-modal [data-testid=measure-subtype]', '医疗救助');
    // The pick fills the content from the catalogue; give a loaded CI machine the time Playwright's own waits get
    // (expect.poll's default is one second).
    await expect.poll(() => page.inputValue('.ant-modal #content'), { timeout: 30_000 }).toContain('医疗救助');
    await expect(page.locator('.ant-modal input[type=checkbox][value=medical]').isChecked()).resolves.toBe(true);
    await page.fill('.ant-modal #amount', '2300');
    await page.click('.ant-modal button:has-text("保存措施")');
    await page.locator('[data-testid=measures-table] .ant-table-row', { hasText: '医疗救助' }).waitFor();
    await page.waitForSelector('.ant-modal-wrap', { state: 'hidden' });
    await page.waitForSelector('[data-testid=unanswered-risks]', { state: 'detached' });

    // Assign the 帮扶责任人; the file's summary shows it too.
    await page.click('[data-testid=responsible-card] button:has-text("指定责任人")');
    await page.waitForSelector('.ant-modal:has-text("指定帮扶责任人")');
    await page.fill('.ant-modal #name', '李干部');
    await page.fill('.ant-modal #unit', '县乡村振兴局驻村工作队');
    await page.fill('.ant-modal #phone', '12345');
    await page.click('.ant-modal button:has-text("保存")');
    await page.waitForSelector('.ant-modal .ant-form-item-explain-error:has-text("手机11位")');
    await page.fill('.ant-modal #phone', '138 0000 1234');
    await page.click('.ant-modal button:has-text("保存")');
    await expect(page.locator('[data-testid=responsible-name]').textContent()).resolves.toBe('李干部');
    await page.locator('.ant-descriptions', { hasText: '李干部（13800001234）' }).first().waitFor();
    await expect(page.locator('[data-testid=assistance-colour]').getAttribute('data-risk-colour')).resolves.not.toBe(
      'red',
    );
    await page.waitForSelector('.ant-modal-wrap', { state: 'hidden' });
    await page.screenshot({ path: '/tmp/shouxian-web-assistance-household.png', fullPage: true });

    // Its 明白卡 (SPEC §16): category, risks, both measures, the responsible person with phone and the hotline; the
    // QR code opens the file in the platform. Printed one card per page.
    await page.click('[data-testid=print-card]');
    await page.waitForURL(new RegExp(`/cards\\?household=${household.id}$`));
    const card = page.locator(`[data-testid=household-card][data-household="${household.code}"]`);
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    for (const want of ['转移就业', '医疗救助', '李干部', '13800001234', '12317']) expect(text).toContain(want);
    expect(text).not.toMatch(/\d{6}\*{4,}|\d{17}[\dX]/);
    await card.locator('[data-testid=card-qr] svg').waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/shouxian-web-household-card.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.goBack();

    // Both gaps are closed.
    await openMenu(page, '帮扶工作', '帮扶缺口');
    await page.waitForURL(/\/assistance\/gaps$/);
    await expect(gapCodes(page, 'gap-unanswered-risks')).resolves.not.toContain(household.code);
    await page.click('.ant-tabs-tab:has-text("逾期未指定帮扶责任人")');
    await expect(gapCodes(page, 'gap-without-responsible')).resolves.not.toContain(household.code);
    await context.close();
    expect(foreign).toEqual([]);

    const summary = (
      await t.request(await t.login('village'), { method: 'GET', url: `/api/households/${household.id}/assistance` })
    ).json();
    expect(summary.unansweredRisks).toEqual([]);
    expect(summary.responsible.current).toMatchObject({ name: '李干部', phone: '13800001234' });
    expect(summary.measures.map((m: { subtype: string; amount: number }) => [m.subtype, m.amount])).toEqual([
      ['job_placement', 1200.5],
      ['medical_assistance', 2300],
    ]);
    expect(summary.measures[0]).toMatchObject({ origin: 'accepted', fundSource: '衔接资金' });
  }, 120_000);

  it('shows the medical-insurance officer only its department’s measures and lets it record their delivery (SPEC §1)', async () => {
    const village = await t.login('village');
    const h = await monitoredHouseholdFixture(t, await t.login('county'), {
      riskTypes: ['medical'],
      includedOn: daysAgo(10),
    });
    const added = await t.request(village, {
      method: 'POST',
      url: `/api/households/${h.id}/measures`,
      payload: { subtype: 'medical_assistance', amount: 2300 },
    });
    expect(added.statusCode, added.body).toBe(201);
    const { context, page, foreign } = await openContext();
    await logIn(page, 'department');
    await page.click('.ant-menu-submenu-title:has-text("帮扶工作")');
    const menu = (await menuTexts(page)).join('');
    expect(menu).toContain('部门帮扶措施');
    expect(menu).not.toContain('帮扶缺口');
    expect(menu).not.toContain('兜底保障'); // civil affairs only

    await openMenu(page, '帮扶工作', '部门帮扶措施');
    await page.waitForURL(/\/assistance\/measures/);
    const rows = page.locator('[data-testid=department-measures] .ant-table-row');
    await rows.first().waitFor();
    // Only medical-insurance measures (the job placement of the first test belongs to 人社局).
    for (const text of await rows.allTextContents()) expect(text).toContain('医疗救助');
    const row = rows.filter({ hasText: h.code });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator('a').count()).resolves.toBe(0); // no registry access: the code is not a link

    await row.locator('button:has-text("记录进展")').click();
    await page.waitForSelector('.ant-modal:has-text("记录进展：医疗救助")');
    await page.fill('.ant-modal #note', '一站式结算医疗救助2300元');
    await page.click('.ant-modal label:has-text("已完成")');
    await page.click('.ant-modal button:has-text("保存进展")');
    await page.waitForSelector('.ant-modal .ant-form-item-explain-error:has-text("完成措施须填写帮扶结果")');
    await page.fill('.ant-modal #result', '已落实医疗救助');
    await page.click('.ant-modal button:has-text("保存进展")');
    await page.waitForSelector('.ant-modal-wrap', { state: 'hidden' });
    await row.locator('[data-measure-status=completed]').waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.locator('li', { hasText: '一站式结算医疗救助2300元' }).waitFor();
    await page.screenshot({ path: '/tmp/shouxian-web-assistance-department.png', fullPage: true });
    await context.close();
    expect(foreign).toEqual([]);

    const summary = (await t.request(village, { method: 'GET', url: `/api/households/${h.id}/assistance` })).json();
    const medical = summary.measures.find((m: { subtype: string }) => m.subtype === 'medical_assistance');
    expect(medical).toMatchObject({ status: 'completed', result: '已落实医疗救助' });
    expect(medical.progress).toHaveLength(1);
  }, 90_000);

  it('runs a village effectiveness review that starts the elimination procedure, and prints the village publicity', async () => {
    const village = await t.login('village');
    const h = await monitoredHouseholdFixture(t, await t.login('county'), {
      riskTypes: ['income'],
      includedOn: daysAgo(200),
    });
    // The year's income is recorded: the review opens an elimination only when the elimination rules, on the
    // household picture, find the risk gone (issue 9).
    for (const year of [2025, 2026]) {
      const income = await t.request(village, {
        method: 'POST',
        url: `/api/households/${h.id}/incomes`,
        payload: { year, wage: 36000, transfer: 2000 },
      });
      expect(income.statusCode, income.body).toBe(201);
    }
    for (const [url, payload] of [
      [`/api/households/${h.id}/measures`, { subtype: 'job_placement', amount: 800, fundSource: '衔接资金' }],
      [`/api/households/${h.id}/responsible`, { name: '赵干部', phone: '13900001111', unit: '洮阳镇人民政府' }],
    ] as const) {
      const res = await t.request(village, { method: url.endsWith('responsible') ? 'PUT' : 'POST', url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    const { context, page, foreign } = await openContext();
    await logIn(page, 'village');
    await openMenu(page, '帮扶工作', '成效评议');
    await page.waitForURL(/\/assistance\/reviews$/);
    await page.click('button:has-text("开展评议")');
    await page.waitForSelector('.ant-modal:has-text("开展帮扶成效评议")');
    await page.fill('.ant-modal #attendees', '王书记、李主任、驻村工作队张某');
    await page.fill('.ant-modal #minutes', '逐户评议本年度帮扶成效');
    await page.click('.ant-modal button:has-text("开始评议")');
    await page.waitForURL(/\/assistance\/reviews\/[0-9a-f-]{36}$/);
    const row = page.locator('[data-testid=review-households] .ant-table-row', { hasText: h.code });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('待评议');

    await row.locator('button:has-text("评议")').click();
    await page.waitForSelector('.ant-modal:has-text("评议：")');
    await page.locator('.ant-modal .ant-table-row', { hasText: '转移就业' }).waitFor();
    await page.click('.ant-modal label:has-text("收入风险")');
    await page.fill('.ant-modal #evidence_income', '户主稳定务工8个月');
    for (const item of ['收入是否稳定', '刚性支出是否可控']) {
      await page.click(`.ant-modal .ant-form-item:has-text("${item}") .ant-radio-wrapper:has-text("是")`);
    }
    await page.click('.ant-modal .ant-form-item:has-text("两不愁三保障") .ant-radio-wrapper:has-text("有保障")');
    await page.fill('.ant-modal #perCapitaIncome', '12000');
    await page.fill('.ant-modal #previousPerCapitaIncome', '9000');
    await page.click('.ant-modal button:has-text("保存评议结果")');
    await page.waitForSelector('.ant-modal-wrap', { state: 'hidden' });
    await row.locator('[data-outcome=start_elimination]').waitFor();
    const caseLink = row.locator('a:has-text("查看程序")');
    await expect(caseLink.getAttribute('href')).resolves.toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-testid=review-filter]').textContent()).resolves.toContain('启动风险消除（1户）');
    await page.screenshot({ path: '/tmp/shouxian-web-assistance-review.png', fullPage: true });

    // The village publicity list, and its printable page (names, never ID numbers).
    await openMenu(page, '帮扶工作', '措施公示');
    const listed = page.locator('[data-testid=publicity-list] .ant-table-row', { hasText: '赵干部' });
    await listed.waitFor();
    await expect(listed.textContent()).resolves.toContain('转移就业');
    await expect(listed.textContent()).resolves.toContain('800 元（衔接资金）');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.click('button:has-text("打印公示")')]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(`${base}/api/assistance/publicity.html?village=${t.village}`);
    const printed = (await popup.textContent('body')) ?? '';
    expect(printed).toContain('监测对象帮扶措施公示');
    expect(printed).toContain('赵干部');
    expect(printed).not.toMatch(/\d{17}[\dX]/);
    await page.screenshot({ path: '/tmp/shouxian-web-assistance-publicity.png', fullPage: true });
    await context.close();
    expect(foreign).toEqual([]);

    const cases = (await t.request(village, { method: 'GET', url: `/api/cases?householdId=${h.id}` })).json();
    expect(cases.items).toEqual([expect.objectContaining({ kind: 'elimination' })]);
  }, 120_000);

  it('lets the county disable a catalogue entry with history, and decide a backstop proposal (SPEC §3, §9)', async () => {
    const h = await monitoredHouseholdFixture(t, await t.login('county'), {
      riskTypes: ['income'],
      includedOn: daysAgo(30),
    });
    const proposed = await t.request(await t.login('village'), {
      method: 'POST',
      url: `/api/households/${h.id}/backstop-proposals`,
      payload: { kind: 'dibao', reason: '家庭成员均无劳动能力，无稳定收入来源' },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const { context, page, foreign } = await openContext();
    await logIn(page, 'county');
    await page.click('.ant-menu-submenu-title:has-text("帮扶工作")');
    const menu = (await menuTexts(page)).join('');
    for (const entry of ['帮扶缺口', '部门帮扶措施', '成效评议', '兜底保障', '措施公示', '措施目录']) {
      expect(menu).toContain(entry);
    }

    await openMenu(page, '帮扶工作', '措施目录');
    const entry = page.locator('[data-testid=catalogue-table] .ant-table-row', { hasText: '消费帮扶' });
    await entry.waitFor();
    await entry.locator('button:has-text("停用")').click();
    await page.click('.ant-modal-confirm button:has-text("停用")');
    await entry.locator('.ant-tag:has-text("停用")').waitFor();
    await expect(entry.textContent()).resolves.toContain('临洮县停用');
    await page.locator('[data-testid=catalogue-history] .ant-table-row', { hasText: '消费帮扶' }).waitFor();
    await page.screenshot({ path: '/tmp/shouxian-web-assistance-catalogue.png', fullPage: true });

    await openMenu(page, '帮扶工作', '兜底保障');
    const proposal = page.locator('[data-testid=backstop-proposals] .ant-table-row', { hasText: h.code });
    await proposal.waitFor();
    await proposal.locator('button:has-text("认定")').click();
    await page.waitForSelector('.ant-modal:has-text("兜底保障认定")');
    await page.click('.ant-modal button:has-text("保存认定结果")');
    await page.waitForSelector('.ant-modal-wrap', { state: 'hidden' });
    await proposal.waitFor({ state: 'detached' });
    await page.click('label:has-text("已认定纳入")');
    await page.locator('[data-testid=backstop-proposals] .ant-table-row', { hasText: h.code }).waitFor();
    await context.close();
    expect(foreign).toEqual([]);

    const county = await t.login('county');
    const catalogue = (await t.request(county, { method: 'GET', url: `/api/assistance/catalogue?region=${t.village}` }))
      .json()
      .catalogue.find((e: { code: string }) => e.code === 'consumption_support');
    expect(catalogue).toMatchObject({ enabled: false, disabledBy: '621124' });
    const file = (await t.request(county, { method: 'GET', url: `/api/households/${h.id}` })).json();
    expect(file.backstop).toBe('dibao');
  }, 120_000);
});
