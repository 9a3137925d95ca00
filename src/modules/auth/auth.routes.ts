import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, SESSION_COOKIE } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import { ACCOUNT_POLICY } from './account-policy.ts';
import { PERMISSIONS, permissionsOf, ROLE_LABELS } from './actor.ts';
import { ROLES, SESSION_HOURS } from './auth.service.ts';

const actorSchema = {
  type: 'object',
  properties: {
    username: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    roleLabel: { type: 'string' },
    regionCode: { type: 'string' },
    department: { type: ['string', 'null'] },
    permissions: {
      type: 'array',
      items: { type: 'string', enum: PERMISSIONS },
      description: '本角色的权限（服务端决定；前端据此显示可用的菜单和按钮）',
    },
    pending: {
      type: ['string', 'null'],
      enum: ['second_factor', 'second_factor_setup', 'password_change', null],
      description: '登录后仍须完成的步骤：动态验证码、设置动态验证码、修改密码；为空时可正常使用',
    },
  },
} as const;

const code = { type: 'string', minLength: 6, maxLength: 20 } as const;

export async function authRoutes(app: FastifyInstance, { auth }: Pick<Services, 'auth'>): Promise<void> {
  /** The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS (COOKIE_SECURE=auto) or when configured. */
  const setSession = (request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) => {
    const secure = app.sessionCookieSecure === 'auto' ? request.protocol === 'https' : app.sessionCookieSecure;
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure,
      expires: expiresAt,
      maxAge: SESSION_HOURS * 3600,
    });
  };
  const present = (actor: ReturnType<typeof actorOf>) => ({
    ...actor,
    roleLabel: ROLE_LABELS[actor.role],
    permissions: permissionsOf(actor.role),
    pending: actor.pending ?? null,
  });

  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录',
        description: `连续${ACCOUNT_POLICY.lockoutFailures}次失败锁定${ACCOUNT_POLICY.lockoutMinutes}分钟；会话空闲${ACCOUNT_POLICY.idleMinutes}分钟或满${ACCOUNT_POLICY.absoluteHours}小时失效`,
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
      setSession(request, reply, token, expiresAt);
      return present(actor);
    },
  );

  app.get(
    '/api/auth/mode',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '运行模式：演示模式下登录页提示演示用户和密码',
        response: { 200: { type: 'object', properties: { demo: { type: 'boolean' } } } },
      },
    },
    async () => ({ demo: app.demoMode }),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { allowPending: true, permission: 'signed-in' as const },
      schema: { tags: ['auth'], summary: '退出登录' },
    },
    async (request, reply) => {
      await auth.logout(actorOf(request), request.cookies[SESSION_COOKIE] ?? '');
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { allowPending: true }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: actorSchema } } },
    async (request) => present(actorOf(request)),
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/auth/password',
    {
      config: { allowPending: true, permission: 'signed-in' as const, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '修改本人密码（其他会话全部失效）',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: {
            currentPassword: { type: 'string', minLength: 1, maxLength: 256 },
            newPassword: { type: 'string', minLength: 1, maxLength: 256 },
          },
        },
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await auth.changePassword(
        actorOf(request),
        request.cookies[SESSION_COOKIE] ?? '',
        request.body.currentPassword,
        request.body.newPassword,
      );
      setSession(request, reply, token, expiresAt);
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/second-factor/setup',
    {
      config: { allowPending: true, permission: 'signed-in' as const },
      schema: { tags: ['auth'], summary: '开始设置动态验证码（TOTP）：返回密钥和 otpauth 地址' },
    },
    async (request) => auth.setupSecondFactor(actorOf(request)),
  );

  app.post<{ Body: { code: string } }>(
    '/api/auth/second-factor/enable',
    {
      config: { allowPending: true, permission: 'signed-in' as const, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '以第一个动态验证码确认启用；返回只显示一次的恢复码',
        body: { type: 'object', required: ['code'], additionalProperties: false, properties: { code } },
      },
    },
    async (request) =>
      auth.enableSecondFactor(actorOf(request), request.cookies[SESSION_COOKIE] ?? '', request.body.code),
  );

  app.post<{ Body: { code: string } }>(
    '/api/auth/second-factor/verify',
    {
      config: { allowPending: true, permission: 'signed-in' as const, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录第二步：动态验证码或恢复码',
        body: { type: 'object', required: ['code'], additionalProperties: false, properties: { code } },
      },
    },
    async (request) =>
      auth.verifySecondFactor(actorOf(request), request.cookies[SESSION_COOKIE] ?? '', request.body.code),
  );

  app.get('/api/users', { schema: { tags: ['auth'], summary: '本辖区用户列表（管理员）' } }, async (request) =>
    auth.listUsers(actorOf(request)),
  );
}
