import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, AuthStep } from '../modules/auth/actor.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import { AppError } from '../shared/app-error.ts';

export const SESSION_COOKIE = 'sx_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
  interface FastifyInstance {
    /** COOKIE_SECURE: `auto` marks the session cookie Secure when the request came over HTTPS. */
    sessionCookieSecure: boolean | 'auto';
    /** Demo mode (issue 11 point 9), told to the login page. */
    demoMode: boolean;
  }
  interface FastifyContextConfig {
    /** Route reachable without a session (health, login, citizen self-declaration). */
    public?: boolean;
    /** Route a session may use while a login step is pending (second factor, password change; issue 11). */
    allowPending?: boolean;
  }
}

const STEP_MESSAGES: Record<AuthStep, string> = {
  second_factor: '请先输入动态验证码完成登录',
  second_factor_setup: '您的角色须启用动态验证码（第二因素），请先完成设置',
  password_change: '请先修改初始密码或已过期的密码',
};

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
    if (actor?.pending && !request.routeOptions.config.allowPending && request.url.startsWith('/api/')) {
      throw new AppError('AUTH_STEP_REQUIRED', STEP_MESSAGES[actor.pending], { step: actor.pending });
    }
  });
}

/** The authenticated actor of a non-public route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  return request.actor;
}
