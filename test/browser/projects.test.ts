import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/auth/actor.ts';
import { householdPayload } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { chooseOption, launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * The project library in Chromium (issue 15, SPEC §13): the county project officer files a project at 1366 px (a key project by its
 * 衔接资金), it is approved into the plan with a monthly plan; at 390 px the month's card is yellow until the
 * progress report of the month is entered, then blue; the bulletin shows the counts at both widths.
 */
describe.skipIf(skipReason !== '')(`assistance-fund projects in Chromium (SPEC §13)${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function login(username: string, width: number, path: string): Promise<Page> {
    const context = await newContext(browser, { viewport: { width, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.waitForSelector('.sx-login-card');
    await page.fill('#username', username);
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('.sx-header');
    return page;
  }

  const overflowing = (page: Page) =>
    page.evaluate(`(() => {
      const right = document.querySelector('.sx-content').getBoundingClientRect().right;
      return [...document.querySelectorAll('.sx-content *')]
        .filter((e) => e.getBoundingClientRect().right > right + 1
          && !e.closest('.ant-table-content, .ant-table-body, .ant-tabs-nav'))
        .map((e) => e.tagName + '.' + String(e.className).slice(0, 60)).slice(0, 8);
    })()`) as Promise<string[]>;

  it('files a project, plans it, and turns its card from yellow to blue with the month’s progress report', async () => {
    const officer = await login('project', 1366, '/projects');
    await officer.click('button:has-text("项目申报")');
    await officer.fill('.ant-modal #name', '洮阳镇高原夏菜冷链仓储项目（浏览器测试）');
    await chooseOption(officer, '.ant-modal [data-testid=project-type]', '产业发展');
    await officer.fill('.ant-modal input[aria-label=金额]', '1200000');
    await officer.fill('.ant-modal #taskForce', '高原夏菜产业项目专班');
    await officer.fill('.ant-modal #manager', '马志强');
    await officer.click('.ant-modal-footer button:has-text("申报")');
    await officer.waitForSelector('.ant-tag:has-text("重点帮包")');
    await officer.waitForSelector('.ant-tag:has-text("申报")');
    const id = officer.url().split('/').pop() as string;
    expect(await overflowing(officer)).toEqual([]);

    // Review, approval with the three responsible persons, a monthly plan due this month, implementation.
    const cookie = await t.login('project');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    let version = 1;
    const move = async (to: string, extra: object = {}) => {
      const res = await t.request(cookie, {
        method: 'POST',
        url: `/api/projects/${id}/status`,
        payload: { to, version, ...extra },
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    };
    await move('reviewing', { publicityFrom: `${month}-01`, publicityTo: `${month}-07` });
    await move('approved', { keyResponsible: { city: '孙立', district: '何平', town: '周强' } });
    const plan = await t.request(cookie, {
      method: 'POST',
      url: `/api/projects/${id}/plan`,
      payload: { months: [{ month, milestones: ['approval'], paymentShare: 0 }] },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    await move('implementing');

    const phone = await login('project', 390, `/projects/${id}`);
    await phone.waitForSelector('[data-testid=project-colour]:has-text("黄牌")');
    await phone.click('.ant-tabs-tab:has-text("月度进度")');
    await phone.click('button:has-text("填报进度")');
    await phone.locator('.ant-modal label:has-text("审批") input[type=checkbox]').check();
    await phone.click('.ant-modal-footer button:has-text("提交")');
    await phone.waitForSelector('.ant-message:has-text("进度已填报")');
    await phone.waitForSelector('[data-testid=project-colour]:has-text("蓝牌")');
    await expect
      .poll(() => phone.locator('[data-testid=progress-table]').textContent(), { timeout: 15_000 })
      .toContain('审批');
    expect(await overflowing(phone)).toEqual([]);
    // 双报备: the checklist shows each required file as missing until uploaded.
    await officer.reload();
    await officer.click('.ant-tabs-tab:has-text("双报备")');
    await officer.waitForSelector('[data-testid=filing-pre]:has-text("项目实施方案")');
    await expect(officer.locator('[data-testid=filing-post]').textContent()).resolves.toContain('资产移交协议');
    expect(await overflowing(officer)).toEqual([]);

    // The bulletin at both widths: one project under warning, blue.
    for (const page of [officer, phone]) {
      await page.goto(`${base}/project-bulletin`);
      await page.waitForSelector('[data-testid=bulletin-projects] .ant-list-item');
      await expect(page.locator('[data-testid=bulletin-counts]').textContent()).resolves.toMatch(
        /项目1蓝牌1黄牌0红牌0/,
      );
      expect(await overflowing(page)).toEqual([]);
    }
    // The list filters by the card.
    await officer.goto(`${base}/projects`);
    await officer.waitForSelector('[data-testid=project-list] .ant-list-item');
    await expect(officer.locator('[data-testid=project-list]').textContent()).resolves.toContain('蓝牌');
  });

  it('registers an accepted project’s asset on a phone and shows it in the asset tab (SPEC §13 item 6)', async () => {
    const cookie = await t.login('project');
    const created = await t.request(cookie, {
      method: 'POST',
      url: '/api/projects',
      payload: {
        name: '村级光伏电站项目（浏览器测试）',
        regionCode: t.village,
        year: 2026,
        type: '产业发展',
        funds: [{ level: 'central', source: 'linkage', amountYuan: 280_000 }],
        taskForce: '光伏项目管理专班',
        manager: '陈刚',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    let version = created.json().version as number;
    for (const [to, extra] of [
      ['reviewing', { publicityFrom: '2026-01-05', publicityTo: '2026-01-14' }],
      ['approved', {}],
      ['implementing', {}],
      ['accepted', {}],
    ] as const) {
      const res = await t.request(cookie, {
        method: 'POST',
        url: `/api/projects/${id}/status`,
        payload: { to, version, ...extra },
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const phone = await login('project', 390, `/projects/${id}`);
    // At 390 px the tabs past the screen's edge are reached through the tab bar's “…” menu, as a user would.
    await phone.click('.ant-tabs-nav-more');
    await phone.click('.ant-tabs-dropdown-menu-item:has-text("资产")');
    await phone.waitForSelector('.ant-tabs-tab-active:has-text("资产")');
    await phone.click('[data-testid=asset-add]');
    await phone.fill('.ant-modal #name', '光伏电站（200千瓦）');
    await phone.fill('.ant-modal #valueYuan', '262000');
    await phone.fill('.ant-modal #location', '村东荒坡');
    await phone.fill('.ant-modal #ownerName', '村股份经济合作社');
    await phone.fill('.ant-modal #caretaker', '村委会主任 王德明');
    await phone.click('.ant-modal-footer button:has-text("登记")');
    await phone.waitForSelector('.ant-message:has-text("资产已登记")');
    // The message shows when the server answered; the figures follow once the tab has reloaded its list.
    await expect
      .poll(() => phone.locator('[data-testid=asset-figures]').textContent(), { timeout: 15_000 })
      .toBe('共1项资产，原值26.2万元');
    await expect(phone.locator('.sx-content').textContent()).resolves.toContain('光伏电站（200千瓦）');
    expect(await overflowing(phone)).toEqual([]);
  });

  it('shows a household’s project benefits in its file (联农带农, SPEC §13 item 5)', async () => {
    const cookie = await t.login('project');
    const { id: householdId } = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const project = (
      await t.request(cookie, {
        method: 'POST',
        url: '/api/projects',
        payload: {
          name: '帮扶车间建设项目（浏览器测试）',
          regionCode: t.village,
          year: 2026,
          type: '产业发展',
          funds: [{ level: 'central', source: 'linkage', amountYuan: 500_000 }],
          taskForce: '帮扶车间项目专班',
          manager: '李红梅',
        },
      })
    ).json();
    const added = await t.request(cookie, {
      method: 'POST',
      url: `/api/projects/${project.id}/beneficiaries`,
      payload: { householdId, way: 'job', amountYuan: 9_600, note: '基地务工8个月' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const page = await login('village', 390, `/households/${householdId}?tab=benefits`);
    await page.waitForSelector('[data-testid=household-benefit-total]');
    await expect(page.locator('[data-testid=household-benefit-total]').textContent()).resolves.toBe(
      '受益于1个衔接资金项目，年受益合计9600元',
    );
    await expect(page.locator('.sx-content').textContent()).resolves.toContain('务工就业');
    expect(await overflowing(page)).toEqual([]);
  });

  it('the project officer lands on the library, links a beneficiary, approves another officer’s asset transfer (issue 15)', async () => {
    const officer = await t.login('project');
    const post = async (cookie: string, url: string, payload: object) => {
      const res = await t.request(cookie, { method: 'POST', url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const project = await post(officer, '/api/projects', {
      name: '村集体光伏电站项目（项目管理员）',
      regionCode: t.village,
      year: 2026,
      type: '产业发展',
      funds: [{ level: 'central', source: 'linkage', amountYuan: 300_000 }],
      taskForce: '光伏项目专班',
      manager: '陈刚',
    });
    let version = project.version as number;
    for (const [to, extra] of [
      ['reviewing', { publicityFrom: '2026-01-05', publicityTo: '2026-01-14' }],
      ['approved', {}],
      ['implementing', {}],
      ['accepted', {}],
    ] as const) {
      version = (await post(officer, `/api/projects/${project.id}/status`, { to, version, ...extra })).version;
    }
    const asset = await post(officer, `/api/projects/${project.id}/assets`, {
      name: '并网计量设备（项目管理员）',
      kind: 'operating',
      valueYuan: 18_000,
      regionCode: t.village,
      location: '电站配电房',
      ownerKind: 'collective',
      ownerName: '村股份经济合作社',
      caretaker: '村电工 李文斌',
      registeredOn: '2026-07-10',
    });
    await post(await t.login('project2'), `/api/project-assets/${asset.id}/changes`, {
      kind: 'transfer',
      reason: '移交乡镇光伏运维中心统一运维',
      newOwnerKind: 'state',
      newOwnerName: '乡镇光伏运维服务中心',
      newCaretaker: '运维中心 技术员 赵鹏',
    });
    const { id: householdId } = await t.services.registry.create(SYSTEM_ACTOR, {
      ...householdPayload(t.village),
      members: householdPayload(t.village).members.map((m, i) => (i === 0 ? { ...m, name: '马项目' } : m)),
    });

    // Signed in at the root, the officer lands on the library; its menu holds the project pages only.
    const page = await login('project', 1366, '/');
    await page.waitForURL(/\/projects$/);
    await page.waitForSelector('button:has-text("项目申报")');
    const menu = (await page.locator('.ant-menu').first().textContent()) ?? '';
    expect(menu).toContain('项目库');
    expect(menu).toContain('项目预警通报');
    for (const other of ['农户档案', '线索台账', '程序办理', '用户管理', '审计日志']) expect(menu).not.toContain(other);

    // 联农带农: the household is found by a member's name and linked; its name opens no household file.
    await page.goto(`${base}/projects/${project.id}?tab=beneficiaries`);
    await page.click('.ant-tabs-tab:has-text("联农带农")');
    await page.click('button:has-text("登记受益户")');
    await page.click('.ant-modal .ant-select-selector, .ant-modal .ant-select');
    await page.keyboard.type('马项目');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await page.fill('.ant-modal input.ant-input-number-input', '9600');
    await page.click('.ant-modal-footer button:has-text("登记")');
    await page.waitForSelector('.ant-message:has-text("受益户已登记")');
    await expect
      .poll(() => page.locator('[data-testid=benefit-figures]').textContent(), { timeout: 15_000 })
      .toContain('带动1户');
    expect(await page.locator(`.sx-content a[href*="/households/${householdId}"]`).count()).toBe(0);

    // The transfer another officer asked for: this one approves it.
    await page.click('.ant-tabs-tab:has-text("资产")');
    await page.click('button:has-text("审批变更")');
    await page.fill('.ant-modal #note', '经县项目领导小组研究同意');
    await page.click('[data-testid=asset-approve]');
    await page.waitForSelector('.ant-message:has-text("审批已完成")');
    await expect
      .poll(() => page.locator('[data-testid=asset-table]').textContent(), { timeout: 15_000 })
      .toContain('乡镇光伏运维服务中心');
    expect(await overflowing(page)).toEqual([]);

    // The county bureau reads the same project and may change nothing in it.
    const county = await login('county', 390, `/projects/${project.id}`);
    await county.waitForSelector('[data-testid=project-colour], .ant-tabs');
    await county.click('.ant-tabs-tab:has-text("联农带农")');
    await expect(county.locator('.sx-content').textContent()).resolves.toContain('马项目');
    expect(await county.locator('button:has-text("登记受益户")').count()).toBe(0);
    await county.goto(`${base}/projects`);
    await county.waitForSelector('[data-testid=project-list] .ant-list-item');
    expect(await county.locator('button:has-text("项目申报")').count()).toBe(0);
  });
});
