import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../modules/auth/actor.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import { AppError } from '../shared/app-error.ts';

export const SESSION_COOKIE = 'sx_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
  interface FastifyContextConfig {
    /** Route reachable without a session (health, login, citizen self-declaration). */
    public?: boolean;
  }
}

/**
 * Resolves the session cookie into an Actor before every /api route that is not marked public. It runs at `onRequest`,
 * before the body is parsed or validated (issue 11 points 6 and 7): an anonymous caller learns nothing from validation
 * messages and cannot make the server read an upload.
 */
export function installAuthentication(app: FastifyInstance, auth: Pick<AuthService, 'resolveSession'>): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    const actor = await auth.resolveSession(request.cookies[SESSION_COOKIE], request.ip);
    request.actor = actor;
    if (!actor && !request.routeOptions.config.public && request.url.startsWith('/api/')) {
      throw new AppError('AUTH_REQUIRED', '请先登录');
    }
  });
}

/** The authenticated actor of a non-public route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  return request.actor;
}
