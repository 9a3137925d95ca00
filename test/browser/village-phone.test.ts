import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdPayload } from '../support/factories.ts';
import { TINY_PNG } from '../support/photos.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, skipReason } from './support/browser.ts';
import { logIn, overflow, settle, visit } from './support/staff-pages.ts';

/**
 * The village cadre's phone (issue 14 points 2, 3) at 390×844: the home lists today's tasks in 户 and 人 with each
 * row one tap from its record; a visit recorded without signal waits on the phone as 待上传 and goes up once, and
 * only once, when the network is back; logging out wipes what the phone kept.
 */
describe.skipIf(skipReason !== '')(`village cadre's phone${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let withClue: { id: string; code: string };
  let offline: { id: string; code: string };
  let withPhotos: { id: string; code: string }[];

  const household = async (members: number) => {
    const payload = householdPayload(t.village);
    const res = await t.request(await t.login('village'), {
      method: 'POST',
      url: '/api/households',
      payload: { ...payload, members: payload.members.slice(0, members) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const cluesOf = async (householdId: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from clues where household_id = ${householdId}::uuid`.execute(
        t.ctx.database.db,
      )
    ).rows[0]?.n;

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    withClue = await household(2);
    const visitRes = await t.request(await t.login('village'), {
      method: 'POST',
      url: '/api/clues/visits',
      payload: { householdId: withClue.id, finding: '户主务工受伤返乡', riskTypes: ['income'] },
    });
    expect(visitRes.statusCode, visitRes.body).toBe(201);
    offline = await household(3);
    withPhotos = [await household(2), await household(2)];
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lands on the home, counts in 户 and 人, and opens a clue with one tap', async () => {
    const { context, page } = await logIn(browser, base, 'village', 390, 844);
    await page.waitForURL(/\/today$/);
    await settle(page);
    const clues = page.locator('[data-testid=today-cluesToVerify]');
    await expect(clues.locator('[data-testid=today-cluesToVerify-count]').textContent()).resolves.toMatch(
      /^[\d,]+户[\d,]+人$/,
    );
    for (const key of ['visitsDue', 'casesWaiting', 'publicityEnding', 'measuresDue', 'withoutResponsible'])
      await page.locator(`[data-testid=today-${key}]`).waitFor();
    expect(await overflow(page)).toEqual([]);
    const row = clues.locator('[data-testid=today-item]', { hasText: withClue.code });
    if ((await row.count()) === 0) await clues.locator('button:has-text("展开")').click();
    await row.first().click();
    await page.waitForURL(/\/clues\?clue=[0-9a-f-]{36}$/);
    await page.locator('.ant-drawer-open').waitFor();
    await context.close();
  });

  it('records a visit offline as 待上传 and uploads it once when back online', async () => {
    const { context, page } = await logIn(browser, base, 'village', 390, 844);
    await page.waitForURL(/\/today$/);
    // The installed app's shell is kept by the service worker.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await visit(page, '/visits/offline');
    await page.click('[data-testid=offline-download]');
    await page.locator('[data-testid=offline-household]').first().waitFor();
    const before = await cluesOf(offline.id);

    await context.setOffline(true);
    await visit(page, '/today');
    await page.locator('[data-testid=offline-queue]').waitFor();
    await visit(page, '/visits/offline');
    await page.fill('[data-testid=offline-search] input', offline.code);
    const row = page.locator('[data-testid=offline-household]', { hasText: offline.code });
    await expect(row.count()).resolves.toBe(1);
    await row.locator('button:has-text("记录走访")').click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('textarea').fill('家中老人慢性病，医疗支出增加');
    await dialog.locator('button:has-text("保存")').click();
    const queued = page.locator('[data-testid=offline-visit]', { hasText: offline.code });
    await queued.waitFor();
    await expect(queued.locator('[data-testid=offline-visit-status]').textContent()).resolves.toBe('待上传');
    expect(await cluesOf(offline.id)).toBe(before);
    expect(await overflow(page)).toEqual([]);

    await context.setOffline(false);
    await expect
      .poll(() => queued.locator('[data-testid=offline-visit-status]').textContent(), { timeout: 20_000 })
      .toBe('已上传');
    expect(await cluesOf(offline.id)).toBe((before ?? 0) + 1);
    // A second sync round (the page opened again) sends nothing twice.
    await page.reload();
    await page.locator('.sx-header').waitFor();
    await visit(page, '/visits/offline');
    await page.locator('[data-testid=offline-visit]').first().waitFor();
    expect(await cluesOf(offline.id)).toBe((before ?? 0) + 1);
    const receipts = await sql<{ n: number }>`select count(*)::int as n from visit_receipts
      where household_id = ${offline.id}::uuid`.execute(t.ctx.database.db);
    expect(receipts.rows[0]?.n).toBe(1);

    // Logging out deletes what the phone kept.
    await page.click('button[aria-label="退出"]');
    await page.waitForURL(/\/login$/);
    await expect
      .poll(() => page.evaluate('indexedDB.databases().then((d) => d.map((x) => x.name))'))
      .not.toContain('shouxian-offline');
    await context.close();
  });

  it('records two visits with a photo offline, with the position, and the county sees them', async () => {
    const { context, page } = await logIn(browser, base, 'village', 390, 844);
    await context.grantPermissions(['geolocation'], { origin: base });
    await context.setGeolocation({ latitude: 25.0389, longitude: 102.7183, accuracy: 15 });
    await page.waitForURL(/\/today$/);
    await visit(page, '/visits/offline');
    await page.click('[data-testid=offline-download]');
    await page.locator('[data-testid=offline-household]').first().waitFor();

    await context.setOffline(true);
    for (const [n, h] of withPhotos.entries()) {
      await page.fill('[data-testid=offline-search] input', h.code);
      const row = page.locator('[data-testid=offline-household]', { hasText: h.code });
      await expect(row.count()).resolves.toBe(1);
      await row.locator('button:has-text("记录走访")').click();
      const dialog = page.locator('.ant-modal');
      await dialog.locator('textarea').fill(`房屋墙体开裂，第${n + 1}户需鉴定`);
      await page.setInputFiles('[data-testid=visit-photos-input]', {
        name: 'roof.png',
        mimeType: 'image/png',
        buffer: TINY_PNG,
      });
      await dialog.locator('.sx-photo-thumb img').waitFor();
      if (n === 0) {
        await dialog.locator('[data-testid=visit-location]').click();
        await dialog.getByText(/已获取位置/).waitFor();
      }
      expect(await overflow(page)).toEqual([]);
      await dialog.locator('button:has-text("保存")').click();
      await dialog.waitFor({ state: 'hidden' });
      const queued = page.locator('[data-testid=offline-visit]', { hasText: h.code });
      await expect(queued.locator('[data-testid=offline-visit-status]').textContent()).resolves.toBe('待上传');
      await expect(queued.textContent()).resolves.toContain('照片1张');
    }
    // The photos wait on the phone sealed (bytes under the device key, never a readable picture).
    const kept = await page.evaluate(`new Promise((resolve) => {
      const req = indexedDB.open('shouxian-offline');
      req.onsuccess = () => {
        const all = req.result.transaction('photos').objectStore('photos').getAll();
        all.onsuccess = () => resolve({
          count: all.result.length,
          sealed: all.result.every((r) => r.sealed && r.sealed.data instanceof ArrayBuffer && !('blob' in r)),
        });
      };
    })`);
    expect(kept).toEqual({ count: 2, sealed: true });
    expect(await overflow(page)).toEqual([]);

    await context.setOffline(false);
    for (const h of withPhotos) {
      const queued = page.locator('[data-testid=offline-visit]', { hasText: h.code });
      await expect
        .poll(() => queued.locator('[data-testid=offline-visit-status]').textContent(), { timeout: 20_000 })
        .toBe('已上传');
    }
    const db = t.ctx.database.db;
    const clues = await Promise.all(
      withPhotos.map(async (h) => {
        const photos = await db
          .selectFrom('visit_photos')
          .select('clue_ids')
          .where('household_id', '=', h.id)
          .execute();
        expect(photos).toHaveLength(1);
        return db
          .selectFrom('clues')
          .select(['id', 'facts'])
          .where('id', '=', photos[0]?.clue_ids[0] as string)
          .executeTakeFirstOrThrow();
      }),
    );
    expect((clues[0]?.facts as { location?: unknown } | undefined)?.location).toEqual({
      latitude: 25.0389,
      longitude: 102.7183,
      accuracy: 15,
    });
    expect((clues[1]?.facts as { location?: unknown } | undefined)?.location).toBeUndefined();
    await context.close();

    // The county opens each clue and sees the photo (and where the first visit was recorded).
    const county = await logIn(browser, base, 'county', 1366, 768);
    for (const [n, clue] of clues.entries()) {
      await county.page.goto(`${base}/clues?clue=${clue.id}`);
      const drawer = county.page.locator('[data-testid=clue-drawer]');
      await drawer.waitFor();
      const img = drawer.locator('[data-testid=clue-photos] img').first();
      await img.waitFor();
      await expect
        .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
      if (n === 0) await drawer.getByText('北纬25.0389°，东经102.7183°（精度约15米）').waitFor();
    }
    await county.context.close();
  }, 180_000);

  it('names people, not login names, in the audit log, and shows a change field by field in Chinese', async () => {
    const { context, page } = await logIn(browser, base, 'auditor', 1366, 768);
    await visit(page, '/audit');
    const row = page.locator('.ant-table-row', { hasText: '村干部（演示）' }).first();
    await row.waitFor();
    expect(await page.locator('.ant-table-row td', { hasText: /^village$/ }).count()).toBe(0);
    await page.locator('.ant-table-row', { hasText: '登记线索' }).first().locator('.ant-table-row-expand-icon').click();
    const fields = page.locator('[data-testid=audit-fields]').first();
    await fields.waitFor();
    const text = (await fields.textContent()) ?? '';
    expect(text).toMatch(/线索来源|风险类型|发现的情况/);
    expect(text).not.toMatch(/[a-z]+[A-Z][a-zA-Z]*/); // no camelCase keys such as riskTypes
    await context.close();
  });
});
