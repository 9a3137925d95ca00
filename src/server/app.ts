import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import type { AppContext } from '../app-context.ts';
import type { Services } from '../services.ts';
import { AppError } from '../shared/app-error.ts';
import { installAuthentication } from './authenticate.ts';
import { installErrorHandler } from './http-errors.ts';
import { installInputGuard } from './input-guard.ts';
import { installRoutePermissions } from './route-permission.ts';
import { registerRoutes } from './routes.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { serveWebApp } from './web-assets.ts';

/**
 * Builds the HTTP application: JSON-schema validation on every route, OpenAPI at /docs (served from the bundled
 * swagger-ui assets, nothing from the internet), session authentication, one error shape.
 */
export async function buildApp(
  ctx: AppContext,
  services: Services,
  opts: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.logger === false ? undefined : ctx.logger.child({ category: 'http' }),
    logger: opts.logger === false ? false : undefined,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
    bodyLimit: 5 * 1024 * 1024,
    // Request URLs can carry ID numbers or names in query strings (STYLE: never log them): we log the route
    // pattern instead of the URL, in one line per request (see the onResponse hook below).
    logController: new LogController({ disableRequestLogging: true }),
    // X-Forwarded-* only from the configured proxies (TRUSTED_PROXIES), never from any client (issue 11).
    trustProxy: ctx.config.trustedProxies ?? false,
  } as never) as unknown as FastifyInstance;

  await app.register(cookie);
  await installSecurityHeaders(app);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '守线 防止返贫动态监测和帮扶平台 API',
        version: '0.1.0',
        description: '错误格式：{ code, message, details }',
      },
      tags: [
        { name: 'system', description: '系统' },
        { name: 'auth', description: '登录与用户' },
        { name: 'regions', description: '行政区划' },
        { name: 'registry', description: '基础数据库（一户一档）' },
        { name: 'settings', description: '监测线与配置' },
        { name: 'clues', description: '监测预警信息台账' },
        { name: 'cases', description: '识别纳入与风险消除程序' },
        { name: 'declarations', description: '农户自主申报' },
        { name: 'assistance', description: '帮扶：措施、责任人、成效评议、兜底保障' },
        { name: 'audit', description: '审计日志' },
        { name: 'assessment', description: '识别与风险消除研判' },
        { name: 'feeds', description: '部门数据：模板与导入' },
        { name: 'screening', description: '部门筛查预警规则、运行与数据质量' },
        { name: 'cleaning', description: '数据清洗' },
        { name: 'regional-risk', description: '区域性、规模性返贫风险' },
        { name: 'workbench', description: '移动工作台' },
      ],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sx_session' } } },
      security: [{ session: [] }],
    },
  });
  // Outside demo mode the API description is for signed-in users only (issue 11 point 7).
  const docsHooks = ctx.config.demo
    ? {}
    : {
        onRequest: async (request: FastifyRequest) => {
          if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
        },
      };
  await app.register(swaggerUi, { routePrefix: '/docs', uiHooks: docsHooks });

  const spaFallback = await serveWebApp(app);
  installErrorHandler(app, { spaFallback });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(static)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        user: request.actor?.username,
      },
      'request',
    );
  });
  installAuthentication(app, services.auth);
  app.decorate('declaredRoutes', installRoutePermissions(app));
  installInputGuard(app);

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, database: { type: 'string', enum: ['pglite', 'postgres'] } },
          },
        },
      },
    },
    async () => {
      await ctx.database.db.selectFrom('regions').select('code').limit(1).execute();
      return { status: 'ok', database: ctx.database.engine };
    },
  );

  app.decorate('sessionCookieSecure', ctx.config.cookieSecure as never);
  app.decorate('demoMode', ctx.config.demo);
  await registerRoutes(app, services);
  return app;
}
