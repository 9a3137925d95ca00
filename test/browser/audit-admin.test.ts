import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditActions } from '../../src/modules/audit/audit-actions.ts';
import { archiveAuditLog } from '../../src/modules/audit/audit-archive.ts';
import { SYSTEM_ACTOR } from '../../src/modules/auth/actor.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, newContext, skipReason } from './support/browser.ts';

/**
 * The audit administrator on the 审计日志 page (issue 11 point 4, 三员分立): exports the log with the page's filters,
 * verifies the hash chain and an archive file, in Chinese, at 390 and 1366 px; each use lands in the log itself.
 * A supervisor, who reads the log in scope, gets none of these tools.
 */
describe.skipIf(skipReason !== '')(`audit administrator in Chromium (issue 11 point 4)${skipReason}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-audit-web-'));
    t = await startTestApp({ config: { dataDir } });
    // an archive of today's rows, as the console writes it (the retention passed: the clock fourteen months on)
    const out = path.join(dataDir, 'audit-archive', 'audit-before-web.jsonl.gz');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const next = new Date();
    next.setUTCMonth(next.getUTCMonth() + 1);
    const later = new Date();
    later.setUTCMonth(later.getUTCMonth() + 14);
    await archiveAuditLog(t.ctx.database.db, {
      before: next.toISOString().slice(0, 7),
      out,
      now: later,
      actor: { ...SYSTEM_ACTOR, username: 'cli' },
    });
    base = await listen(t);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = async (width: number, username: string) => {
    const context = await newContext(browser, {
      viewport: { width, height: 860 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.waitForSelector('.sx-login-card');
    await page.fill('#username', username);
    await page.fill('#password', 'Demo@2026');
    await page.click('button[type=submit]');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${base}/audit`);
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    return { context, page };
  };
  const actions = async (action: string) =>
    (
      await t.ctx.database.db
        .selectFrom('audit_log')
        .select('username')
        .where('action', '=', action)
        .where('username', '=', 'auditor')
        .execute()
    ).length;

  for (const width of [390, 1366]) {
    it(`exports the log and verifies the chain and an archive (${width} px)`, async () => {
      const before = {
        export: await actions(AuditActions.auditExport),
        verify: await actions(AuditActions.auditVerify),
      };
      const { context, page } = await signIn(width, 'auditor');
      // the archive listing
      const archives = page.getByTestId('audit-archives');
      await archives.getByText('文件在服务器上').waitFor();
      await expect(archives.textContent()).resolves.toContain('audit-before-web.jsonl.gz');

      // export: a real Excel file with Chinese headers
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
      expect(download.suggestedFilename()).toBe('审计日志.xlsx');
      const file = path.join(dataDir, `download-${width}.xlsx`);
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet('审计日志');
      const headers: string[] = [];
      ws?.eachRow((row) => {
        const v = (row.values as unknown[]).slice(1).map((x) => String(x ?? ''));
        if (v[0] === '时间') headers.push(...v);
      });
      expect(headers.slice(0, 5)).toEqual(['时间', '用户', '登录名', '角色', '操作']);

      // verify the chain: the result in Chinese
      await page.getByTestId('audit-verify').click();
      const result = page.locator('.ant-modal').getByTestId('audit-verify-result');
      await result.waitFor();
      await expect(result.textContent()).resolves.toMatch(/哈希链完整：在线日志共 [\d,]+ 条记录/);
      if (width === 390) {
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      }
      await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
      await result.waitFor({ state: 'detached' });

      // verify the archive file kept on the server
      await archives.getByRole('button', { name: '校验文件' }).click();
      const archived = page.locator('.ant-modal').getByTestId('audit-verify-result');
      await archived.waitFor();
      await expect(archived.textContent()).resolves.toContain('归档文件完整');
      if (width === 390) {
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      }
      await context.close();

      // each use is in the log, and the log shows them in Chinese
      expect(await actions(AuditActions.auditExport)).toBe(before.export + 1);
      expect(await actions(AuditActions.auditVerify)).toBe(before.verify + 2);
      expect(await actions(AuditActions.auditArchivesRead)).toBeGreaterThan(0);
    }, 120_000);
  }

  it('shows the supervisor the log without the administrator’s tools', async () => {
    const { context, page } = await signIn(1366, 'supervisor');
    await page.locator('.ant-table-row, [data-testid=card-row]').first().waitFor();
    expect(await page.getByTestId('audit-verify').count()).toBe(0);
    expect(await page.getByTestId('audit-export').count()).toBe(0);
    expect(await page.getByTestId('audit-archives').count()).toBe(0);
    await context.close();
  }, 120_000);
});
