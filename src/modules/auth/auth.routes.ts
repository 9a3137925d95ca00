import type { FastifyInstance } from 'fastify';
import { actorOf, SESSION_COOKIE } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import { ROLE_LABELS } from './actor.ts';
import { ROLES, SESSION_HOURS } from './auth.service.ts';

const actorSchema = {
  type: 'object',
  properties: {
    username: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    roleLabel: { type: 'string' },
    regionCode: { type: 'string' },
    department: { type: ['string', 'null'] },
  },
} as const;

export async function authRoutes(app: FastifyInstance, { auth }: Pick<Services, 'auth'>): Promise<void> {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 64 },
            password: { type: 'string', minLength: 1, maxLength: 256 },
          },
        },
        response: { 200: actorSchema },
      },
    },
    async (request, reply) => {
      const { token, actor, expiresAt } = await auth.login(request.body.username, request.body.password, request.ip);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        expires: expiresAt,
        maxAge: SESSION_HOURS * 3600,
      });
      return { ...actor, roleLabel: ROLE_LABELS[actor.role] };
    },
  );

  const logoutOpts = { config: { permission: 'signed-in' as const }, schema: { tags: ['auth'], summary: '退出登录' } };
  app.post('/api/auth/logout', logoutOpts, async (request, reply) => {
    await auth.logout(actorOf(request), request.cookies[SESSION_COOKIE] ?? '');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: actorSchema } } },
    async (request) => {
      const actor = actorOf(request);
      return { ...actor, roleLabel: ROLE_LABELS[actor.role] };
    },
  );

  app.get('/api/users', { schema: { tags: ['auth'], summary: '本辖区用户列表（管理员）' } }, async (request) =>
    auth.listUsers(actorOf(request)),
  );
}
