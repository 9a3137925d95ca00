import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import { ROLES } from './auth.service.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;
type Id = { Params: { id: string } };

/** User management over HTTP (issue 11 point 3); the list is GET /api/users in auth.routes.ts. */
export async function usersRoutes(app: FastifyInstance, { auth, users }: Pick<Services, 'auth' | 'users'>) {
  app.post<{
    Body: {
      username: string;
      password?: string;
      role: (typeof ROLES)[number];
      regionCode: string;
      department?: string;
      displayName?: string;
    };
  }>(
    '/api/users',
    {
      config: { permission: 'users.manage' as const },
      schema: {
        tags: ['auth'],
        summary: '新增用户（初始密码，首次登录须修改；不给密码时生成一次性密码，只在此次返回）',
        body: {
          type: 'object',
          required: ['username', 'role', 'regionCode'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 3, maxLength: 32 },
            password: { type: 'string', minLength: 1, maxLength: 256 },
            role: { type: 'string', enum: ROLES },
            regionCode: { type: 'string', minLength: 2, maxLength: 12 },
            department: { type: 'string', maxLength: 40 },
            displayName: { type: 'string', minLength: 1, maxLength: 50 },
          },
        },
      },
    },
    async (request, reply) => {
      const created = await auth.addUser(actorOf(request), request.body);
      reply.code(201);
      return created;
    },
  );

  for (const [path, summary, run] of [
    ['disable', '停用用户（其会话立即失效）', (a, id) => users.setDisabled(a, id, true)],
    ['enable', '启用用户', (a, id) => users.setDisabled(a, id, false)],
    ['unlock', '解锁因登录失败被锁定的用户', (a, id) => users.unlock(a, id)],
  ] as const satisfies readonly (readonly [
    string,
    string,
    (a: ReturnType<typeof actorOf>, id: string) => Promise<unknown>,
  ])[]) {
    app.post<Id>(
      `/api/users/:id/${path}`,
      { config: { permission: 'users.manage' as const }, schema: { tags: ['auth'], summary, params: idParams } },
      async (request) => run(actorOf(request), request.params.id),
    );
  }

  app.post<Id & { Body: { password?: string } | undefined }>(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'users.manage' as const },
      schema: {
        tags: ['auth'],
        summary: '重置密码（新的初始密码，下次登录须修改）；不给密码时生成一次性密码，只在此次返回',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { password: { type: 'string', minLength: 1, maxLength: 256 } },
        },
      },
    },
    async (request) => users.resetPassword(actorOf(request), request.params.id, request.body?.password),
  );

  app.patch<Id & { Body: { role?: (typeof ROLES)[number]; regionCode?: string; department?: string | null } }>(
    '/api/users/:id',
    {
      config: { permission: 'users.manage' as const },
      schema: {
        tags: ['auth'],
        summary: '变更用户角色、管辖区划或部门（其会话立即失效）',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            role: { type: 'string', enum: ROLES },
            regionCode: { type: 'string', minLength: 2, maxLength: 12 },
            department: { type: ['string', 'null'], maxLength: 40 },
          },
        },
      },
    },
    async (request) => users.change(actorOf(request), request.params.id, request.body),
  );
}
