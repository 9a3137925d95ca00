import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import type { AppContext } from '../../src/app-context.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { type Database, openPglite, openPostgres } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadDemoIfEmpty } from '../../src/modules/demo/load-demo.ts';
import { createPiiCipher } from '../../src/security/pii-cipher.ts';
import { buildApp } from '../../src/server/app.ts';
import { createServices, type Services } from '../../src/services.ts';

/**
 * A real server on a real database (STYLE: never mock): in-memory PGlite by default, or a fresh database on the
 * PostgreSQL server of DATABASE_URL (created for this test file, dropped afterwards). `.ci/run` runs the suite once
 * per engine.
 */
export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openPglite(undefined), drop: async () => {} };
  const name = `sx_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  return {
    database,
    drop: async () => {
      // pg's pool may still be closing its clients: retry a plain DROP before forcing it, so that no live
      // connection is terminated under a test that has already finished.
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 20 ? ' WITH (FORCE)' : ''}`);
            break;
          } catch (err) {
            if (attempt >= 20) throw err;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  services: Services;
  township: string;
  village: string;
  /** Session cookie of a demo user (admin, supervisor, county, township, village, department, civil). */
  login(username: string): Promise<string>;
  /** Sets the services' clock (procedures and deadlines); undefined returns to real time. */
  setNow(date: Date | string | undefined): void;
  request(cookie: string | undefined, opts: InjectOptions): Promise<Awaited<ReturnType<FastifyInstance['inject']>>>;
  close(): Promise<void>;
}

export async function startTestApp(opts: { now?: Date; config?: Partial<Config> } = {}): Promise<TestApp> {
  let clock = opts.now;
  const { database, drop } = await openTestDatabase();
  await migrate(database);
  const config = { ...loadConfig({}), databaseUrl: process.env.DATABASE_URL, ...opts.config };
  const ctx: AppContext = {
    config,
    database,
    cipher: createPiiCipher(crypto.randomBytes(32)),
    logger: pino({ level: 'silent' }),
    now: () => clock ?? new Date(),
    close: async () => {
      await database.close();
      await drop();
    },
  };
  const services = createServices(ctx);
  const demo = await loadDemoIfEmpty(ctx, services);
  if (!demo) throw new Error('demo not loaded');
  const app = await buildApp(ctx, services, { logger: false });
  const cookies = new Map<string, string>();
  return {
    app,
    ctx,
    services,
    township: demo.township,
    village: demo.village,
    async login(username) {
      const cached = cookies.get(username);
      if (cached) return cached;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'Demo@2026' },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((k) => k.name === 'sx_session');
      if (!c) throw new Error('no session cookie');
      const cookie = `sx_session=${c.value}`;
      cookies.set(username, cookie);
      return cookie;
    },
    setNow(date) {
      clock = date === undefined ? undefined : new Date(date);
    },
    request(cookie, o) {
      return app.inject({ ...o, headers: { ...(o.headers ?? {}), ...(cookie ? { cookie } : {}) } });
    },
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}
