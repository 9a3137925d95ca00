import type { FastifyInstance } from 'fastify';
import type { Role } from '../db/schema.ts';
import { can, forbidden, type Permission, ROLE_LABELS } from '../modules/auth/actor.ts';
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
    /** Every route (but HEAD) with its declaration and schemas, as registered (issue 11 point 5). */
    declaredRoutes: DeclaredRoute[];
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
  public: boolean;
  /** The JSON schemas of the body and query string, for the fuzz test (test/security-input.test.ts). */
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
}

export const isWriteMethod = (method: string) => WRITE_METHODS.has(method);

/**
 * 三员分立 (docs/decisions/0030): the security and the audit administrator reach only the routes of their own job —
 * their session, the region names, and the users or the audit log — whatever a service would let a role read in
 * scope. Checked for every /api route, reads included, so that no monitoring data reaches them by an oversight. The
 * project officer (docs/decisions/0036) is held to its work the same way.
 */
export const SEPARATED_ROLE_ROUTES: Partial<Record<Role, RegExp>> = {
  security_admin: /^\/api\/(auth|regions|users)(\/|$)/,
  audit_admin: /^\/api\/(auth|regions|audit)(\/|$)/,
  // The county project officer (docs/decisions/0036) keeps the fund library: the projects, their assets and asset
  // changes, and the household list only to pick a beneficiary household — no household file, case, clue or report.
  project_officer: /^\/api\/((auth|regions|projects|project-assets|project-asset-changes)(\/|$)|households$)/,
};

/**
 * Records every route as it is registered (for the enumeration test) and enforces `Permission` declarations right
 * after authentication. Install before any route is registered.
 */
export function installRoutePermissions(app: FastifyInstance): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { permission?: RoutePermission; public?: boolean };
    const schema = (route.schema ?? {}) as DeclaredRoute['schema'];
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    for (const method of methods) {
      routes.push({ method, url: route.url, permission: config.permission, public: config.public === true, schema });
    }
  });
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    const actor = request.actor;
    const own = actor && SEPARATED_ROLE_ROUTES[actor.role];
    const url = request.routeOptions.url ?? request.url;
    if (own && url.startsWith('/api/') && !own.test(url)) {
      throw new AppError('AUTH_FORBIDDEN', `您的角色（${ROLE_LABELS[actor.role]}）无权执行此操作`, {
        role: actor.role,
      });
    }
    if (!permission || !actor || permission === 'signed-in' || permission.startsWith('policy:')) return;
    if (!can(actor, permission as Permission)) throw forbidden(actor, permission as Permission);
  });
  return routes;
}
