import type { FastifyInstance, RouteOptions } from 'fastify';
import { can, type Permission, ROLE_LABELS } from '../modules/auth/actor.ts';
import { AppError } from '../shared/app-error.ts';

/**
 * What a route that changes data requires (等保 2.0 L3 访问控制; issue 11 point 5). Every POST/PUT/PATCH/DELETE route
 * declares one in `config.permission` (or is `config.public`), and `test/route-permissions.test.ts` enumerates the
 * routes and fails on any that does not:
 * - a `Permission` is checked here, at `onRequest` — before the body is read or validated, so a role without it gets
 *   403 without its upload being streamed; the service checks it again (and the scope) as its first line;
 * - `signed-in`: any session (log out, the pure assessment calculator that writes nothing);
 * - `policy:<name>`: the rule depends on the role and the record (which step of a procedure, which department's
 *   measure), so the service's named policy decides; the declaration says where to look.
 */
export type RoutePermission = Permission | 'signed-in' | `policy:${string}`;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyInstance {
    /** Every write route with its declaration, as registered (issue 11 point 5). */
    declaredRoutes: DeclaredRoute[];
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
  public: boolean;
}

/** Write methods of a route (a route may list several). */
export const writeMethods = (method: RouteOptions['method']) =>
  (Array.isArray(method) ? method : [method]).filter((m) => WRITE_METHODS.has(m));

/**
 * Records every route as it is registered (for the enumeration test) and enforces `Permission` declarations right
 * after authentication. Install before any route is registered.
 */
export function installRoutePermissions(app: FastifyInstance): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { permission?: RoutePermission; public?: boolean };
    for (const method of writeMethods(route.method)) {
      routes.push({ method, url: route.url, permission: config.permission, public: config.public === true });
    }
  });
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    const actor = request.actor;
    if (!permission || !actor || permission === 'signed-in' || permission.startsWith('policy:')) return;
    if (!can(actor, permission as Permission)) {
      throw new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）无权执行此操作`, { permission });
    }
  });
  return routes;
}
