import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload } from '../support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, skipReason } from './support/browser.ts';
import { logIn, overflow } from './support/staff-pages.ts';

/**
 * The online 修改农户信息 form against a household changed meanwhile (issue 14 point 3: a change is never lost or
 * overwritten silently). A field only the other person changed is kept; a field both changed is asked, and each of
 * the two answers saves what was chosen.
 */
describe.skipIf(skipReason !== '')(`online edit conflicts on ${ENGINE}${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  const household = async () => {
    const res = await t.request(await t.login('village'), {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(t.village, { address: '测试村一组1号' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const file = async (id: string) =>
    (await t.request(await t.login('county'), { method: 'GET', url: `/api/households/${id}` })).json() as {
      address: string;
      liftedOut: boolean;
      version: number;
    };
  /** The county's change, saved while the cadre's form is open. */
  const countyChanges = async (id: string, patch: Record<string, unknown>) => {
    const res = await t.request(await t.login('county'), {
      method: 'PATCH',
      url: `/api/households/${id}`,
      payload: { ...patch, version: (await file(id)).version },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('keeps the other change, asks where both changed a field, and saves each choice', async () => {
    const one = await household();
    const two = await household();
    const { context, page } = await logIn(browser, base, 'village', 390, 844);
    const openEdit = async (id: string) => {
      await page.goto(`${base}/households/${id}`);
      await page.locator('button:has-text("修改信息")').click();
      const dialog = page.locator('.ant-modal', { hasText: '修改农户信息' });
      await dialog.locator('#address').waitFor();
      return dialog;
    };

    // 1. both change the address; the county also marks the household 脱贫户 — the cadre keeps the server's address
    let dialog = await openEdit(one.id);
    await countyChanges(one.id, { address: '测试村三组30号（县里核实）', liftedOut: true, liftedOutYear: 2018 });
    await dialog.locator('#address').fill('测试村二组20号（村里记）');
    await dialog.locator('button:has-text("保存")').click();
    const conflict = dialog.locator('[data-testid=edit-conflict]');
    await conflict.waitFor();
    const fields = conflict.locator('[data-testid=edit-conflict-field]');
    await expect.poll(() => fields.count()).toBe(1);
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('住址');
    expect(text).toContain('测试村二组20号（村里记）');
    expect(text).toContain('测试村三组30号（县里核实）');
    expect(text).toContain('他人修改的脱贫户、脱贫年度已保留');
    expect(text).not.toMatch(/address|liftedOut|CONFLICT/);
    expect(await overflow(page)).toEqual([]);
    // nothing is chosen for the cadre
    await expect(dialog.locator('.ant-btn-primary').isDisabled()).resolves.toBe(true);
    await fields.first().getByText('保留服务器上的值').click();
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => {
        const f = await file(one.id);
        return [f.address, f.liftedOut];
      })
      .toEqual(['测试村三组30号（县里核实）', true]);

    // 2. the same, and the cadre keeps their own address; the county's 脱贫户 stays
    dialog = await openEdit(two.id);
    await countyChanges(two.id, { address: '测试村四组4号（县里）', liftedOut: true, liftedOutYear: 2019 });
    await dialog.locator('#address').fill('测试村五组5号（村里）');
    await dialog.locator('button:has-text("保存")').click();
    await dialog.locator('[data-testid=edit-conflict-field]').first().getByText('用我的修改').click();
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => {
        const f = await file(two.id);
        return [f.address, f.liftedOut];
      })
      .toEqual(['测试村五组5号（村里）', true]);

    // 3. different fields changed: saved without a question, both changes kept
    dialog = await openEdit(one.id);
    await countyChanges(one.id, { liftedOut: false, liftedOutYear: null });
    await dialog.locator('#address').fill('测试村六组6号');
    await dialog.locator('button:has-text("保存")').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => {
        const f = await file(one.id);
        return [f.address, f.liftedOut];
      })
      .toEqual(['测试村六组6号', false]);
    await context.close();
  }, 180_000);
});
