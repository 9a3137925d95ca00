import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditActions } from '../../src/modules/audit/audit-actions.ts';
import { AUDIT_ACTION } from '../../web/src/domain/labels.ts';
import { csv, type KnownHousehold, knownHousehold, multipart } from '../feeds-fixtures.ts';
import { makeIdNumber } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * The department-data pages end to end (SPEC §10, §11, §17): the real server on in-memory PGlite serving web/dist,
 * driven in Debian's Chromium (never a downloaded browser). A department officer downloads a template and uploads a
 * file with one bad row and handles a data-quality item; the county sets a threshold, reads its settings history, runs
 * screening, opens a household's hits from its file, reads the data-quality and cleaning lists and records a regional
 * risk. Nothing is asked of any host but the platform itself (SPEC §17: no internet).
 */

const HEADER = [
  '姓名',
  '身份证号',
  '就诊医院',
  '疾病名称',
  '入院日期',
  '出院日期',
  '医疗总费用',
  '个人自付',
  '结算日期',
];

/** 'YYYY-MM-DD' of day `d` of the month before this one: inside the import page's default period (last month). */
function lastMonthDay(d: number): string {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() - 1, d);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${first.getFullYear()}-${p(first.getMonth() + 1)}-${p(first.getDate())}`;
}

describe.skipIf(skipReason !== '')(`department data pages in Chromium (SPEC §10, §11, §17)${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let hh: KnownHousehold;
  let hh2: KnownHousehold;
  const stranger = { name: '孙不在', idNumber: makeIdNumber('19660606', 'female') };
  const stranger2 = { name: '钱未登', idNumber: makeIdNumber('19580808', 'male') };

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    hh = await knownHousehold(t, t.village, [{ year: new Date().getFullYear() - 1, wage: 30000 }]);
    hh2 = await knownHousehold(t, t.village, [{ year: new Date().getFullYear() - 1, wage: 30000 }]);
    // no income for last year: a problem for data cleaning (SPEC §17 "missing income fields")
    await knownHousehold(t, t.village);

    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openContext(): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
    const context = await newContext(browser, {
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
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
    await page.goto(`${base}/`);
    await page.waitForSelector('.sx-login-card');
    await page.fill('#username', username);
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('.sx-header');
  }

  /** Opens a menu entry inside a sub-menu (group). */
  async function openMenu(page: Page, group: string, entry: string): Promise<void> {
    await page.click(`.ant-menu-submenu-title:has-text("${group}")`);
    await page.click(`.ant-menu-item:has-text("${entry}")`);
  }

  const statistic = (page: Page, id: string) =>
    page.locator(`[data-testid=import-${id}] .ant-statistic-content-value`).textContent();

  it('lets a department officer download a template, upload a file with a bad row and get its error report', async () => {
    const { context, page, foreign } = await openContext();
    await logIn(page, 'department');
    const menu = await page.locator('.ant-menu').textContent();
    expect(menu).toContain('部门数据');
    expect(menu).not.toContain('数据清洗'); // county work and registry pages are not the department's (SPEC §17)
    expect(menu).not.toContain('农户档案');

    await openMenu(page, '部门数据', '数据目录');
    await page.waitForSelector('[data-testid=template-csv-settlement]');
    // only the officer's own department (医疗保障局), no department list to choose from
    await expect(page.locator('[data-testid=feed-departments]').count()).resolves.toBe(0);
    await expect(page.locator('.sx-content').textContent()).resolves.toContain('医疗保障局');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=template-xlsx-settlement]'),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsxBody = fs.readFileSync((await xlsx.path()) as string);
    expect(xlsxBody.subarray(0, 2).toString()).toBe('PK');
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=template-csv-settlement]'),
    ]);
    expect(template.suggestedFilename()).toMatch(/\.csv$/);
    const templateText = fs.readFileSync((await template.path()) as string, 'utf8');
    for (const h of HEADER) expect(templateText).toContain(h);

    await page.click('.ant-menu-item:has-text("数据导入")');
    await page.waitForSelector('input[type=file]', { state: 'attached' });
    await expect(page.locator('.ant-select-disabled').first().textContent()).resolves.toContain('医疗保障局');
    const settled = lastMonthDay(9);
    const file = csv([
      HEADER,
      [hh.head.name, hh.head.idNumber, '县医院', '肺炎', lastMonthDay(1), lastMonthDay(8), '60000', '30000', settled],
      [stranger.name, stranger.idNumber, '省医院', '肿瘤', lastMonthDay(1), lastMonthDay(8), '90000', '25000', settled],
      ['坏行', '621124198001011234', '县医院', '感冒', lastMonthDay(5), lastMonthDay(3), '100', '-5', settled],
    ]);
    await page.setInputFiles('input[type=file]', {
      name: '住院结算.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file, 'utf8'),
    });
    await page.click('button:has-text("上传并导入")');
    await page.waitForSelector('[data-testid=import-result]');
    await expect(statistic(page, 'rows-good')).resolves.toBe('2');
    await expect(statistic(page, 'rows-bad')).resolves.toBe('1');
    await expect(statistic(page, 'rows-new')).resolves.toBe('2');
    await expect(statistic(page, 'clues')).resolves.toBe('1');
    const errorsLink = page.locator('[data-testid=errors-csv]');
    await expect(errorsLink.getAttribute('href')).resolves.toMatch(/^\/api\/feed-imports\/[0-9a-f-]{36}\/errors\.csv$/);
    const [report] = await Promise.all([page.waitForEvent('download'), errorsLink.click()]);
    const reportText = fs.readFileSync((await report.path()) as string, 'utf8');
    expect(reportText).toContain('行号');
    expect(reportText).toMatch(/^4,/m); // the bad row, by its row number in the file
    expect(reportText).toContain('不能为负数');
    await page.screenshot({ path: '/tmp/shouxian-web-feed-import.png', fullPage: true });

    await page.click('.ant-menu-item:has-text("导入记录")');
    const row = page.locator('.ant-table-row', { hasText: '住院结算.csv' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('已完成');
    await expect(row.locator('a:has-text("CSV")').getAttribute('href')).resolves.toMatch(/errors\.csv$/);

    // the officer sees their own department's rules only, and none of the county's tabs
    await openMenu(page, '筛查预警', '筛查规则与运行');
    await page.locator('.ant-table-row', { hasText: '医疗自付费用高' }).waitFor();
    await expect(page.locator('[data-testid=screening-rules] .ant-table-row').count()).resolves.toBe(1);
    await expect(page.locator('.ant-tabs-tab').allTextContents()).resolves.toEqual(['筛查规则']);

    await page.click('.ant-menu-item:has-text("数据质量问题")');
    const item = page.locator('.ant-table-row', { hasText: stranger.name });
    await item.waitFor();
    await expect(page.locator('.sx-content').textContent()).resolves.toContain(
      `${stranger.idNumber.slice(0, 6)}**********${stranger.idNumber.slice(-2)}`,
    );

    // 处理 (SPEC §10): the officer records what was done about their own department's item; a note is required
    await item.locator('button:has-text("处理")').click();
    await page.waitForSelector('.ant-modal #resolution');
    // The dialog's form is created fresh as it opens: a click in that instant can reach the form being replaced, so the
    // empty submit is repeated until its message shows.
    const confirm = page.locator('.ant-modal button:has-text("确认已处理")');
    const required = page.locator('.ant-modal .ant-form-item-explain-error', { hasText: '请填写处理情况' });
    await expect
      .poll(
        async () => {
          await confirm.click();
          return required.isVisible();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.fill('.ant-modal #resolution', '经核实非本县户籍，已告知医保局');
    await page.click('.ant-modal button:has-text("确认已处理")');
    await page.waitForSelector('.ant-modal', { state: 'hidden' });
    await item.waitFor({ state: 'detached' }); // the list shows open items unless asked otherwise
    await page.click('[aria-label=只看未解决]');
    const handled = page.locator('.ant-table-row', { hasText: stranger.name });
    await handled.waitFor();
    const handledText = await handled.textContent();
    expect(handledText).toContain('已解决');
    expect(handledText).toContain('经核实非本县户籍，已告知医保局');
    expect(handledText).toContain('department');
    await expect(handled.locator('button:has-text("处理")').count()).resolves.toBe(0);
    expect(page.url()).toContain('open=false');
    await page.screenshot({ path: '/tmp/shouxian-web-data-quality.png', fullPage: true });
    await context.close();
    expect(foreign).toEqual([]);
  }, 120_000);

  it('lets the county run screening and read the rules, runs, data-quality and cleaning lists', async () => {
    // the county's own upload (over HTTP): one household's high out-of-pocket, one person not in the registry
    const settled = lastMonthDay(12);
    const upload = await t.request(await t.login('county'), {
      method: 'POST',
      url: `/api/feeds/medical_insurance/imports?period=${settled.slice(0, 7)}`,
      ...multipart(
        '县医保结算.csv',
        csv([
          HEADER,
          [
            hh2.head.name,
            hh2.head.idNumber,
            '县医院',
            '胃癌',
            lastMonthDay(2),
            lastMonthDay(10),
            '80000',
            '26000',
            settled,
          ],
          [
            stranger2.name,
            stranger2.idNumber,
            '省医院',
            '肺癌',
            lastMonthDay(2),
            lastMonthDay(10),
            '90000',
            '30000',
            settled,
          ],
        ]),
      ),
    });
    expect(upload.statusCode).toBe(201);

    const { context, page, foreign } = await openContext();
    await logIn(page, 'county');
    await openMenu(page, '筛查预警', '筛查规则与运行');
    await page.locator('.ant-table-row', { hasText: '医疗自付费用高' }).waitFor();
    await expect(page.locator('.ant-table-row', { hasText: '医疗自付费用高' }).textContent()).resolves.toContain(
      '20,000元',
    );

    // the county's own threshold (SPEC §3, §10: thresholds configurable per region, inherited downward)
    await page.locator('.ant-table-row', { hasText: '医疗自付费用高' }).locator('button:has-text("设定")').click();
    await page.waitForSelector('.ant-modal #thresholds_amountYuan');
    await page.fill('#thresholds_amountYuan', '15000');
    await page.click('.ant-modal button:has-text("保存设定")');
    await page.waitForSelector('.ant-modal', { state: 'hidden' });
    const adjusted = page.locator('[data-testid=screening-rules] .ant-table-row', { hasText: '医疗自付费用高' });
    await page.locator('[data-testid=screening-rules] .ant-table-row', { hasText: '15,000元' }).waitFor();
    await expect(adjusted.textContent()).resolves.toContain('已调整');
    // the setting just saved heads the rule's settings history, in force for the county itself
    const saved = page.locator('[data-testid=settings-history] .ant-table-row', { hasText: '15,000元' });
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toMatch(/county.*本区划.*现行.*启用/);

    await page.click('.ant-tabs-tab:has-text("运行筛查")');
    await page.click('button:has-text("立即筛查")');
    await page.waitForSelector('[data-testid=screening-result]');
    const result = await page.locator('[data-testid=screening-result]').textContent();
    expect(result).toContain('医疗自付费用高');
    expect(result).toContain('运行规则');
    await page.screenshot({ path: '/tmp/shouxian-web-screening-run.png', fullPage: true });

    await page.click('.ant-tabs-tab:has-text("运行记录")');
    await page.locator('.ant-table-row', { hasText: '手动运行' }).waitFor();
    await expect(page.locator('.ant-table-row', { hasText: '导入即筛' }).count()).resolves.toBeGreaterThan(0);

    await page.click('.ant-tabs-tab:has-text("农户命中")');
    await page.click('.ant-card .ant-select');
    await page.keyboard.type(hh2.head.name);
    await page.click(`.ant-select-item-option:has-text("${hh2.head.name}")`);
    await page.locator('.ant-table-row', { hasText: '医疗自付费用高' }).waitFor();
    await expect(page.locator('.ant-table-row', { hasText: '医疗自付费用高' }).textContent()).resolves.toContain(
      '已生成线索',
    );

    // from the household file straight to what screening found for it
    await page.goto(`${base}/households/${hh2.id}`);
    await page.click('.ant-btn:has-text("筛查命中")');
    await page.locator('.ant-table-row', { hasText: '医疗自付费用高' }).waitFor();
    expect(page.url()).toContain(`/screening?tab=hits&household=${hh2.id}`);
    await expect(page.locator('.ant-tabs-tab-active').textContent()).resolves.toBe('农户命中');
    await expect(page.locator('.ant-card .ant-select').textContent()).resolves.toContain('已选定的农户'); // not a bare id

    await page.goto(`${base}/data-quality`);
    const item = page.locator('.ant-table-row', { hasText: stranger2.name });
    await item.waitFor();
    // someone else handles the item while the county is writing its note: the county is told, not shown an error
    await item.locator('button:has-text("处理")').click();
    await page.fill('.ant-modal #resolution', '已请医保局核对身份证号');
    const open = await t.request(await t.login('county'), { method: 'GET', url: '/api/data-quality?open=true' });
    const id = (open.json() as { items: { id: number; name: string }[] }).items.find(
      (i) => i.name === stranger2.name,
    )?.id;
    const first = await t.request(await t.login('department'), {
      method: 'POST',
      url: `/api/data-quality/${id}/resolve`,
      payload: { resolution: '部门已更正' },
    });
    expect(first.statusCode).toBe(200);
    await page.click('.ant-modal button:has-text("确认已处理")');
    await page.locator('.ant-message', { hasText: '该数据质量问题已处理' }).waitFor();
    await page.waitForSelector('.ant-modal', { state: 'hidden' });
    await item.waitFor({ state: 'detached' });

    await page.click('.ant-menu-item:has-text("数据清洗")');
    await page.click('button:has-text("运行清洗")');
    await page.waitForSelector('text=最近一次');
    await page.locator('[data-testid=cleaning-rules] >> text=缺少上年度收入记录').click();
    await page.locator('.ant-table-row', { hasText: '缺少' }).first().waitFor();
    expect(page.url()).toContain('rule=INCOME_MISSING');
    await page.screenshot({ path: '/tmp/shouxian-web-cleaning.png', fullPage: true });
    await context.close();
    expect(foreign).toEqual([]);
  }, 120_000);

  it('shows the county and the township the settings history of a rule, not only the audit readers (SPEC §3)', async () => {
    const set = await t.request(await t.login('admin'), {
      method: 'POST',
      url: '/api/screening/rules/PBC-DEPOSIT/settings',
      payload: { regionCode: t.township, thresholds: { perCapitaYuan: 80000 }, enabled: false },
    });
    expect(set.statusCode).toBe(200);
    const { context, page, foreign } = await openContext();
    await logIn(page, 'county');
    await page.goto(`${base}/screening`);
    await page
      .locator('[data-testid=screening-rules] .ant-table-row', { hasText: '人均存款较多' })
      .locator('button:has-text("历史")')
      .click();
    const history = page.locator('[data-testid=settings-history]');
    await expect(history.locator('.ant-select').textContent()).resolves.toContain('人均存款较多');
    const row = history.locator('.ant-table-row', { hasText: '80,000元' });
    await row.waitFor();
    // made for a township below the county: listed, but the county itself still runs on its own or the default
    await expect(row.textContent()).resolves.toMatch(/admin.*下级区划.*停用/);
    await expect(row.textContent()).resolves.not.toContain('现行');
    await page.screenshot({ path: '/tmp/shouxian-web-settings-history.png', fullPage: true });
    await context.close();

    // the township sees the same setting as its own, in force
    const township = await openContext();
    await logIn(township.page, 'township');
    await township.page.goto(`${base}/screening`);
    await township.page
      .locator('[data-testid=screening-rules] .ant-table-row', { hasText: '人均存款较多' })
      .locator('button:has-text("历史")')
      .click();
    const own = township.page.locator('[data-testid=settings-history] .ant-table-row', { hasText: '80,000元' });
    await own.waitFor();
    await expect(own.textContent()).resolves.toMatch(/本区划.*现行.*停用/);
    await township.context.close();
    expect(foreign).toEqual([]);
    expect(township.foreign).toEqual([]);
  }, 120_000);

  it('lets the county record a regional risk event and see the exposed households', async () => {
    const { context, page, foreign } = await openContext();
    await logIn(page, 'county');
    await page.click('.ant-menu-item:has-text("区域性风险")');
    await page.waitForSelector('[data-testid=anomalies]');
    await page.click('button:has-text("登记风险事件")');
    await page.waitForSelector('.ant-modal');
    await page.click('#eventType');
    await page.click('.ant-select-item-option:has-text("自然灾害")');
    await page.fill('#title', '洮阳镇暴雨洪涝');
    await page.fill('#startedOn', lastMonthDay(2));
    await page.press('#startedOn', 'Enter');
    await page.click('.ant-modal button:has-text("登记并排查受影响农户")');
    await page.waitForSelector('.ant-modal', { state: 'hidden' });
    const row = page.locator('.ant-table-row', { hasText: '洮阳镇暴雨洪涝' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('自然灾害');
    await row.locator('button:has-text("受影响农户")').click();
    await page.locator('[data-testid=exposed-households] .ant-table-row').first().waitFor();
    await expect(page.locator('.ant-drawer').textContent()).resolves.toContain('共 3 户');
    await page.waitForTimeout(500); // the drawer's slide-in, for a readable screenshot
    await page.screenshot({ path: '/tmp/shouxian-web-regional-risk.png', fullPage: true });
    await context.close();
    expect(foreign).toEqual([]);
  }, 120_000);
});

describe('audit action labels (SPEC §17)', () => {
  it('names every audit action of the server in Chinese, for the audit log and the household history', () => {
    expect(Object.values(AuditActions).filter((action) => !AUDIT_ACTION[action])).toEqual([]);
  });
});
