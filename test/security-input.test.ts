import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { buildApp } from '../src/server/app.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};

/** Strings that broke the server or the database before (issue 11 point 7), and their kin. */
const NASTY = fc.constantFrom(
  'a\u0000b',
  '\u0000',
  '   ',
  '\t',
  '=HYPERLINK("http://x")',
  "'; DROP TABLE households; --",
  '%_\\',
  '𠮷'.repeat(30),
  '\uD800',
  'x'.repeat(70_000),
);
const DATES = fc.oneof(
  fc.constantFrom('9999-12-31', '0000-01-01', '2026-02-30', '1900-01-01', '2100-12-31', '2026-10-01T00:00:00Z'),
  fc
    .date({ min: new Date('1800-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const deep = (levels: number): unknown => (levels === 0 ? 'x' : { a: deep(levels - 1) });

/** An arbitrary that mostly follows the route's JSON schema, with hostile values mixed in. */
function arb(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const loose = fc.oneof(fc.jsonValue({ maxDepth: 2 }), NASTY, fc.constant(deep(40)));
  if (!schema || typeof schema !== 'object' || depth > 6) return loose;
  let inner: fc.Arbitrary<unknown>;
  if (schema.enum) inner = fc.constantFrom(...schema.enum);
  else if (schema.const !== undefined) inner = fc.constant(schema.const);
  else if (schema.anyOf || schema.oneOf)
    inner = fc.oneof(...(schema.anyOf ?? schema.oneOf ?? []).map((s) => arb(s, depth + 1)));
  else {
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'object': {
        const props = schema.properties ?? {};
        const keys = Object.keys(props);
        inner =
          keys.length === 0
            ? fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })), fc.constant(deep(40)))
            : fc.record(Object.fromEntries(keys.map((k) => [k, arb(props[k], depth + 1)])), {
                requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)),
              });
        break;
      }
      case 'array':
        inner = fc.array(arb(schema.items, depth + 1), { maxLength: 4 });
        break;
      case 'string':
        if (schema.format === 'date' || schema.format === 'date-time') inner = DATES;
        else if (schema.format === 'uuid') inner = fc.uuid();
        else if (schema.pattern) inner = fc.stringMatching(new RegExp(schema.pattern));
        else inner = fc.oneof(fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) }), NASTY);
        break;
      case 'integer':
        inner = fc.oneof(
          fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 }),
          fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER),
        );
        break;
      case 'number':
        inner = fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum, max: schema.maximum }),
          fc.constantFrom(0, -0.01, 1e308, 0.005),
        );
        break;
      case 'boolean':
        inner = fc.boolean();
        break;
      default:
        inner = loose;
    }
  }
  return fc.oneof({ weight: 12, arbitrary: inner }, { weight: 1, arbitrary: loose });
}

/** encodeURIComponent throws on a lone surrogate: such a path segment cannot be sent at all. */
const safeEncode = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return 'x';
  }
};

const pathFor = (url: string, params: Schema | undefined) =>
  fc
    .record(
      Object.fromEntries(
        [...url.matchAll(/:([a-zA-Z]+)/g)].map(([, name]) => [
          name as string,
          arb(params?.properties?.[name as string] ?? { type: 'string', format: 'uuid' }).map((v) => String(v)),
        ]),
      ),
    )
    .map((values) => url.replace(/:([a-zA-Z]+)/g, (_, name: string) => safeEncode(values[name] ?? 'x')));

const queryFor = (schema: Schema | undefined) =>
  arb(schema ?? { type: 'object' }).map((q) =>
    q && typeof q === 'object' && !Array.isArray(q)
      ? new URLSearchParams(
          Object.entries(q as Record<string, unknown>).map(([k, v]): [string, string] => [
            k,
            typeof v === 'string' ? v : JSON.stringify(v),
          ]),
        ).toString()
      : '',
  );

/** Routes whose body is a file or that end the session: not JSON fuzz targets. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/login']);
/** Set-wide runs (screening, cleaning, snapshots) take seconds each: fewer cases. */
const SLOW = /\/(screening\/runs|cleaning\/runs|reports\/snapshots|regional-risks)$/;
const TOTAL = Number(process.env.FUZZ_CASES ?? 10_000);

describe(`headers and input on ${ENGINE} (issue 11 point 7; 等保 2.0 L3 入侵防范)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends CSP without inline scripts, frame-ancestors none, nosniff, Referrer-Policy; no-store on /api', async () => {
    const api = await t.request(await t.login('county'), { method: 'GET', url: '/api/households' });
    expect(api.statusCode).toBe(200);
    const csp = String(api.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain("unsafe-inline' 'unsafe-eval");
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['referrer-policy']).toBe('no-referrer');
    expect(api.headers['x-frame-options']).toBe('DENY');
    expect(api.headers['cache-control']).toBe('no-store');
    // errors carry them too
    const anon = await t.request(undefined, { method: 'GET', url: '/api/households' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-security-policy']).toBe(csp);
    expect(anon.headers['cache-control']).toBe('no-store');
  });

  it('answers 401 before validation: an anonymous caller learns nothing about the schema', async () => {
    const res = await t.request(undefined, { method: 'POST', url: '/api/households', payload: { bogus: 1 } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
    expect(res.body).not.toContain('regionCode');
  });

  it('keeps /docs behind login outside demo mode', async () => {
    const prod = await buildApp({ ...t.ctx, config: { ...t.ctx.config, demo: false } }, t.services, { logger: false });
    try {
      for (const url of ['/docs', '/docs/json']) {
        expect((await prod.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      }
      const login = await prod.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'county', password: 'Demo@2026' },
      });
      const cookie = login.cookies.find((c) => c.name === 'sx_session');
      const res = await prod.inject({
        method: 'GET',
        url: '/docs/json',
        headers: { cookie: `sx_session=${cookie?.value}` },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await prod.close();
    }
  });

  it('answers 400, never 500, to the inputs that crashed it (NUL, year 9999 and 0, nesting, blanks, huge facts)', async () => {
    const county = await t.login('county');
    const household = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(t.village));
    const nulName = householdPayload(t.village);
    (nulName.members[0] as { name: string }).name = '张\u0000三';
    const blankName = householdPayload(t.village);
    (blankName.members[0] as { name: string }).name = '   ';
    const clue = { channel: 'social', sourceKind: 'hotline', householdId: household.id, finding: '热线反映' };
    const cases: [string, Parameters<TestApp['request']>[1]][] = [
      ['NUL in a name', { method: 'POST', url: '/api/households', payload: nulName }],
      ['whitespace-only name', { method: 'POST', url: '/api/households', payload: blankName }],
      ['receivedOn 9999-12-31', { method: 'POST', url: '/api/clues', payload: { ...clue, receivedOn: '9999-12-31' } }],
      ['receivedOn 0000-01-01', { method: 'POST', url: '/api/clues', payload: { ...clue, receivedOn: '0000-01-01' } }],
      ['audit from 0000-01-01', { method: 'GET', url: '/api/audit?from=0000-01-01' }],
      ['dashboard month 0563-09', { method: 'GET', url: '/api/reports/dashboard?month=0563-09' }],
      [
        'deeply nested facts',
        {
          method: 'POST',
          url: '/api/clues',
          headers: { 'content-type': 'application/json' },
          payload: `${JSON.stringify(clue).slice(0, -1)},"facts":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
        },
      ],
      [
        '4.8 MB of facts',
        { method: 'POST', url: '/api/clues', payload: { ...clue, facts: { a: 'x'.repeat(4_800_000) } } },
      ],
      [
        'facts of many small fields',
        {
          method: 'POST',
          url: '/api/clues',
          payload: {
            ...clue,
            facts: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'y'.repeat(1000)])),
          },
        },
      ],
    ];
    const auditor = await t.login('auditor');
    for (const [what, req] of cases) {
      const res = await t.request(what.startsWith('audit') ? auditor : county, req);
      expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(400);
      expect(res.json().code, what).toBe('VALIDATION');
    }
  });

  it(`never answers 500 to generated input over every JSON route schema (${TOTAL} cases)`, async () => {
    const admin = await t.login('admin');
    // 三员分立: each route is fuzzed as the administrator whose job it is, so that it gets past the role check
    const auditor = await t.login('auditor');
    const security = await t.login('security');
    const who = (url: string) =>
      url.startsWith('/api/audit') ? auditor : url.startsWith('/api/users') ? security : admin;
    const routes = t.app.declaredRoutes.filter((r) => r.url.startsWith('/api/') && !SKIP.has(`${r.method} ${r.url}`));
    const weight = (r: (typeof routes)[number]) => (SLOW.test(r.url) ? 0.1 : r.method === 'GET' ? 0.5 : 1);
    const sum = routes.reduce((s, r) => s + weight(r), 0);
    const crashes: string[] = [];
    let cases = 0;
    for (const route of routes) {
      const runs = Math.max(2, Math.round((TOTAL * weight(route)) / sum));
      const request = fc.record({
        path: pathFor(route.url, route.schema.params as Schema),
        query: route.method === 'GET' ? queryFor(route.schema.querystring as Schema) : fc.constant(''),
        body: route.method === 'GET' ? fc.constant(undefined) : arb(route.schema.body as Schema),
      });
      for (const sample of fc.sample(request, { numRuns: runs, seed: 11 })) {
        cases++;
        const url = sample.query ? `${sample.path}?${sample.query}` : sample.path;
        const res = await t.request(who(route.url), {
          method: route.method as 'GET',
          url,
          ...(sample.body === undefined ? {} : { payload: sample.body as object }),
          remoteAddress: `10.0.${cases % 250}.${(cases >> 8) % 250}`,
        });
        if (res.statusCode >= 500) {
          crashes.push(
            `${route.method} ${url.slice(0, 120)} ${JSON.stringify(sample.body)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(TOTAL * 0.9);
    expect(crashes.slice(0, 20)).toEqual([]);
  }, 900_000);
});
