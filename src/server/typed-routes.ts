import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';

/**
 * Routes whose request and response types are inferred from their TypeBox schemas (one schema per shape: validation,
 * TypeScript type and OpenAPI from the same object — decision 0009). A module's routes file starts with
 * `const r = typedRoutes(app)` and declares `schema: { body, querystring, params, response }` from its
 * `<area>.schema.ts`.
 */
export function typedRoutes(app: FastifyInstance) {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}
