import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Serves the bundled browser app (web/dist, built by `npm run build:web`) at `/`. Everything is local: the platform
 * loads no script, font or style from outside (SPEC §17). Returns false when the app has not been built.
 */
export async function serveWebApp(app: FastifyInstance): Promise<boolean> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'] });
  return true;
}

/** Browser navigation to a client-side route (not /api, not /docs) gets the app's index.html. */
export function isAppNavigation(method: string, url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  // A missing file (an asset with an extension) is a 404, not the app's page.
  return (
    method === 'GET' &&
    !pathname.startsWith('/api/') &&
    !pathname.startsWith('/docs') &&
    !/\.[a-z0-9]+$/i.test(pathname)
  );
}
