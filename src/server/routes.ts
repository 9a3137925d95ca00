import type { FastifyInstance } from 'fastify';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { regionsRoutes } from '../modules/regions/regions.routes.ts';
import { registryRoutes } from '../modules/registry/registry.routes.ts';
import { settingsRoutes } from '../modules/settings/settings.routes.ts';
import type { Services } from '../services.ts';

/** Each module's routes, one line each (STYLE: no giant wiring file). */
export async function registerRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await authRoutes(app, services);
  await regionsRoutes(app, services);
  await registryRoutes(app, services);
  await settingsRoutes(app, services);
  await auditRoutes(app, services);
}
