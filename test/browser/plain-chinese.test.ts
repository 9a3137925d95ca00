import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { launchChromium, listen, skipReason } from './support/browser.ts';
import { addressOf, logIn, roleOf, routeAllowed, seedRecords, staffRoutes, visit } from './support/staff-pages.ts';

/**
 * Plain Chinese on every screen (issue 14, STYLE: no code, key or rule id is ever shown to a user): every page each
 * role may open is crawled, and its visible text must hold no machine identifier — snake_case or camelCase names,
 * dotted setting keys, rule codes, template codes, UUIDs, references to the specification.
 */
const ROLES = ['admin', 'security', 'auditor', 'supervisor', 'county', 'township', 'village', 'department', 'civil'];

/** Latin words users do meet in a Chinese interface. */
const ALLOWED = new Set([
  'xlsx',
  'xls',
  'csv',
  'ID',
  'Excel',
  'PDF',
  'QR',
  'CSV',
  'IP',
  'SUV',
  'App',
  'Word',
  'WPS',
  'TOTP',
  'OK',
]);

/** The identifiers in a page's text, or [] when it reads as plain Chinese. */
export function machineText(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) found.add(m[0]);
  for (const m of text.matchAll(/SPEC\s*§/g)) found.add(m[0]);
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9_.:-]*[A-Za-z0-9_]|[A-Za-z]/g)) {
    const word = m[0];
    if (ALLOWED.has(word)) continue;
    if (/\.(xlsx|xls|csv|pdf|docx|zip|json)$/i.test(word)) continue;
    const machine =
      word.includes('_') || // snake_case
      /[a-z][A-Z]/.test(word) || // camelCase
      /[A-Za-z]\.[A-Za-z]/.test(word) || // dotted.keys
      /[A-Za-z]:[A-Za-z]/.test(word) || // feed:RULE
      /^[a-z]{3,}$/.test(word) || // a lowercase code (dibao)
      /^[a-z]+-[a-z]/.test(word) || // a template code (huize-inclusion)
      /^[A-Z]{2,}-[A-Z0-9]/.test(word); // a rule code (MED-OOP-12M)
    if (machine) found.add(word);
  }
  return [...found];
}

describe.skipIf(skipReason !== '')(`plain Chinese on every page for every role${skipReason}`, () => {
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

  it('recognises machine text and lets plain Chinese through', () => {
    expect(machineText('筛查规则（medical_insurance:MED-OOP-12M）')).toEqual(['medical_insurance:MED-OOP-12M']);
    expect(machineText('参数 assessment.thresholds')).toEqual(['assessment.thresholds']);
    expect(machineText('措施 dibao 与 industry_support')).toEqual(['dibao', 'industry_support']);
    expect(machineText('模板 huize-inclusion 第1版；依据 SPEC §10')).toEqual(['SPEC §', 'huize-inclusion']);
    expect(machineText('合计 totalFen，用户 0b5e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b')).toEqual([
      '0b5e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      'totalFen',
    ]);
    expect(machineText('导出Excel、打印PDF，拨打12317，扫描QR码，身份证号ID')).toEqual([]);
  });

  it.each(ROLES)(
    '%s sees no code, key or id on any page',
    async (username) => {
      const role = roleOf(username);
      const { context, page } = await logIn(browser, base, username, 1366, 768);
      const problems: string[] = [];
      for (const route of staffRoutes().filter((r) => routeAllowed(r, role))) {
        const to = addressOf(route, records);
        await visit(page, to);
        // biome-ignore lint/performance/useDomNodeTextContent: the visible text is wanted, as a user reads it
        let text = await page.locator('body').innerText();
        // Login names (the header's, a record's author) are the users' own names for their accounts, not machine text.
        for (const name of ROLES) text = text.replaceAll(name, '');
        const found = machineText(text);
        if (found.length) problems.push(`${to}: ${found.join(', ')}`);
      }
      if (username === 'village') {
        // The clue drawer: what a clue carries, in Chinese.
        await visit(page, '/clues');
        await page.locator('.ant-table-row').first().dblclick();
        await page.locator('[data-testid=clue-drawer]').waitFor();
        // biome-ignore lint/performance/useDomNodeTextContent: the visible text is wanted, as a user reads it
        const found = machineText((await page.locator('.ant-drawer').innerText()).replaceAll('village', ''));
        if (found.length) problems.push(`clue drawer: ${found.join(', ')}`);
      }
      await context.close();
      expect(problems).toEqual([]);
    },
    300_000,
  );
});
