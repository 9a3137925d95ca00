import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer (等保 2.0 L3 入侵防范; issue 11 point 7), through @fastify/helmet:
 * - a Content-Security-Policy that allows scripts only from this server (no inline script, no eval, nothing from the
 *   internet — SPEC §17 already forbids outside resources). Styles allow 'unsafe-inline' because antd writes its CSS-in-JS
 *   into <style> elements at run time; a style cannot run code.
 * - `frame-ancestors 'none'` and X-Frame-Options DENY (no clickjacking), nosniff, `Referrer-Policy: no-referrer`
 *   (URLs carry household ids); no `upgrade-insecure-requests`, since a county intranet may serve plain HTTP.
 * - `Cache-Control: no-store` on every /api answer: they carry personal data, which no browser or proxy may keep.
 */
/** X-Frame-Options for browsers without CSP frame-ancestors. */
const FRAME_ACTION = 'deny' as const;

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: FRAME_ACTION },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
