import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { householdPayload } from '../../support/factories.ts';
import type { TestApp } from '../../support/test-app.ts';
import { newContext } from './browser.ts';

/**
 * The staff app's pages, read from the web app's route list (web/src/app/routes.tsx), so a page added there is
 * visited by the layout and plain-Chinese crawls without anyone remembering to list it.
 */
export interface StaffRoute {
  path: string;
  title: string;
  roles?: string[];
  permission?: string;
}

const ROUTES_FILE = fileURLToPath(new URL('../../../web/src/app/routes.tsx', import.meta.url));
const PERMISSIONS_FILE = fileURLToPath(new URL('../../../web/src/domain/permissions.ts', import.meta.url));

export function staffRoutes(): StaffRoute[] {
  const text = fs.readFileSync(ROUTES_FILE, 'utf8');
  const list = text.slice(text.indexOf('export const ROUTES'));
  const routes: StaffRoute[] = [];
  for (const block of list.split(/\n {2}\{\n/).slice(1)) {
    const path = /path: '([^']+)'/.exec(block)?.[1];
    const title = /title: '([^']+)'/.exec(block)?.[1];
    if (!path || !title) continue;
    const roles = /roles: \[([^\]]+)\]/.exec(block)?.[1];
    const permission = /permission: '([^']+)'/.exec(block)?.[1];
    routes.push({
      path,
      title,
      roles: roles ? [...roles.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] as string) : undefined,
      permission,
    });
  }
  if (routes.length < 20) throw new Error(`only ${routes.length} routes read from ${ROUTES_FILE}`);
  return routes;
}

/** The web app's grants per role (web/src/domain/permissions.ts), read the same way. */
function grants(): Record<string, string[]> {
  const text = fs.readFileSync(PERMISSIONS_FILE, 'utf8');
  const body = text.slice(text.indexOf('const GRANTS'));
  const out: Record<string, string[]> = {};
  for (const m of body.matchAll(/^ {2}([a-z_]+): \[([^\]]*)\]/gm)) {
    out[m[1] as string] = [...(m[2] as string).matchAll(/'([a-z.]+)'/g)].map((x) => x[1] as string);
  }
  return out;
}

/** The role of a demo user (src/modules/demo/demo-county.ts): most are named after their role. */
export function roleOf(username: string): string {
  return (
    (
      {
        civil: 'department',
        security: 'security_admin',
        auditor: 'audit_admin',
        project: 'project_officer',
        project2: 'project_officer',
      } as Record<string, string>
    )[username] ?? username
  );
}

/** Mirrors `allowed` of web/src/app/routes.tsx, 三员分立 (docs/decisions/0030) and the project officer (0036) included. */
export function routeAllowed(route: StaffRoute, role: string): boolean {
  if (route.roles && !route.roles.includes(role)) return false;
  if (['security_admin', 'audit_admin'].includes(role) && route.path !== '/' && !route.permission) return false;
  if (role === 'project_officer') return route.path === '/' || !!route.roles?.includes(role);
  return route.permission ? (grants()[role] ?? []).includes(route.permission) : true;
}

/** Records for the pages with an id in their address, made through the API as the users who make them. */
export async function seedRecords(t: TestApp): Promise<Record<string, string>> {
  const village = await t.login('village');
  const county = await t.login('county');
  const officer = await t.login('project');
  const post = async (cookie: string, url: string, payload: object) => {
    const res = await t.request(cookie, { method: 'POST', url, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json() as { id: string };
  };
  const household = await post(village, '/api/households', householdPayload(t.village));
  const kase = await post(village, '/api/cases', { householdId: household.id, kind: 'inclusion' });
  await post(village, '/api/clues', {
    channel: 'social',
    sourceKind: 'hotline',
    householdId: household.id,
    finding: '12317热线反映该户因病支出较大',
    riskTypes: ['medical'],
  });
  const year = new Date().getFullYear();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const campaign = await post(county, '/api/campaigns', {
    name: '大排查专项行动（页面巡检）',
    regionCode: '621124',
    startsOn: today,
    endsOn: `${year}-12-31`,
  });
  const problem = await post(county, '/api/problems', {
    campaignId: campaign.id,
    regionCode: t.village,
    householdId: household.id,
    source: 'self_check',
    description: '帮扶措施未录入系统',
    owner: '村委会',
    deadline: `${year}-12-31`,
  });
  const project = await post(officer, '/api/projects', {
    name: '村道硬化项目（页面巡检）',
    regionCode: t.village,
    year,
    type: '乡村建设',
    funds: [{ level: 'county', source: 'other', amountYuan: 300000 }],
    taskForce: '乡村建设专班',
    manager: '王志刚',
  });
  const review = await post(village, '/api/assistance/reviews', {
    villageCode: t.village,
    year,
    meeting: { date: today, attendees: ['村支书', '驻村工作队长'], minutes: '逐户评议帮扶成效' },
  });
  return {
    '/households/:id': `/households/${household.id}`,
    '/cases/:id': `/cases/${kase.id}`,
    '/campaigns/:id': `/campaigns/${campaign.id}`,
    '/problems/:id': `/problems/${problem.id}`,
    '/projects/:id': `/projects/${project.id}`,
    '/assistance/reviews/:id': `/assistance/reviews/${review.id}`,
    householdId: household.id,
  };
}

/** The address to visit for a route: its own path, or the seeded record's for a path with an id. */
export function addressOf(route: StaffRoute, records: Record<string, string>): string {
  if (!route.path.includes(':')) return route.path;
  const to = records[route.path];
  if (!to) throw new Error(`no record seeded for ${route.path}`);
  return to;
}

export async function logIn(browser: Browser, base: string, username: string, width: number, height: number) {
  const context = await newContext(browser, { viewport: { width, height }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.waitForSelector('.sx-login-card');
  await page.fill('#username', username);
  await page.fill('#password', 'Demo@2026');
  await page.click('button[type=submit]');
  await page.waitForSelector('.sx-header');
  return { context, page };
}

/** Goes to an address inside the app without reloading it (as a menu entry does), then waits for the page's data. */
export async function visit(page: Page, to: string): Promise<void> {
  // Browser code is passed as text: the test code is compiled without the DOM's types.
  await page.evaluate(`(() => {
    window.history.pushState(null, '', ${JSON.stringify(to)});
    window.dispatchEvent(new PopStateEvent('popstate'));
  })()`);
  await settle(page);
}

/** Waits until no spinner, skeleton or loading placeholder is left on the page. */
export async function settle(page: Page): Promise<void> {
  for (let round = 0; round < 2; round++) {
    // Polled with evaluate: the app's CSP forbids the string eval that waitForFunction would need here.
    const busy = `[...document.querySelectorAll('.ant-spin-spinning, .ant-skeleton, .sx-loading')].some(
      (e) => e.offsetParent !== null)`;
    const until = Date.now() + 20_000;
    while ((await page.evaluate(busy)) && Date.now() < until) await page.waitForTimeout(100);
    await page.waitForTimeout(150);
  }
}

/**
 * What sticks out sideways: the document wider than the window, or a visible element whose box passes the window's
 * edge without an ancestor that clips or scrolls it (a tab bar's hidden tabs, a scrolling report table are fine).
 */
export function overflow(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const width = window.innerWidth;
    const found = [];
    if (document.documentElement.scrollWidth > width) {
      found.push(\`document \${document.documentElement.scrollWidth} > \${width}\`);
    }
    const clipped = (e) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible') {
          const r = a.getBoundingClientRect();
          return r.right <= width + 1 && r.left >= -1;
        }
      }
      return false;
    };
    for (const e of document.body.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right <= width + 1 && r.left >= -1) continue;
      if (!e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      if (clipped(e)) continue;
      const cls = typeof e.className === 'string' ? e.className.split(' ').slice(0, 2).join('.') : '';
      const text = (e.textContent ?? '').trim().slice(0, 20);
      found.push(\`\${e.tagName.toLowerCase()}.\${cls} [\${Math.round(r.left)}–\${Math.round(r.right)}] \${text}\`);
      if (found.length >= 6) break;
    }
    return found;
  })()`) as Promise<string[]>;
}
