import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import type { OfflineEditInput } from './offline-edit.service.ts';
import type { PersonInput, PersonPatch } from './person-input.ts';
import {
  householdCreateSchema,
  householdListOut,
  householdListQuerySchema,
  householdOut,
  householdPatchSchema,
  idParams,
  incomeSchema,
  offlineEditSchema,
  offlinePackQuerySchema,
  personInputSchema,
  personPatchSchema,
} from './registry.schema.ts';
import type { HouseholdPatch, IncomeInput, NewHouseholdInput } from './registry.service.ts';

type IdParams = { Params: { id: string } };

/** Registry API (SPEC §4): households, members and incomes. */
export async function registryRoutes(
  app: FastifyInstance,
  { registry, offlineEdits }: Pick<Services, 'registry' | 'offlineEdits'>,
): Promise<void> {
  app.get<{ Querystring: Record<string, never> & { page?: number; pageSize?: number } }>(
    '/api/households',
    {
      schema: {
        tags: ['registry'],
        summary: '农户列表（分页、筛选）',
        querystring: householdListQuerySchema,
        response: { 200: householdListOut },
      },
    },
    async (request) => {
      const q = request.query as Parameters<typeof registry.list>[1];
      return registry.list(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.post<{ Body: NewHouseholdInput }>(
    '/api/households',
    {
      config: { permission: 'registry.write' },
      schema: { tags: ['registry'], summary: '新建农户（一户一档）', body: householdCreateSchema },
    },
    async (request, reply) => reply.status(201).send(await registry.create(actorOf(request), request.body)),
  );

  app.get<IdParams & { Querystring: { unmasked?: boolean } }>(
    '/api/households/:id',
    {
      schema: {
        tags: ['registry'],
        summary: '农户档案（每次查阅记入审计日志）',
        params: idParams,
        querystring: {
          type: 'object',
          properties: { unmasked: { type: 'boolean', description: '显示完整身份证号（县级、管理员；记入审计）' } },
        },
        response: { 200: householdOut },
      },
    },
    async (request) => registry.get(actorOf(request), request.params.id, { reveal: request.query.unmasked === true }),
  );

  app.patch<IdParams & { Body: HouseholdPatch }>(
    '/api/households/:id',
    {
      config: { permission: 'registry.write' },
      schema: { tags: ['registry'], summary: '修改农户信息', params: idParams, body: householdPatchSchema },
    },
    async (request) => registry.update(actorOf(request), request.params.id, request.body),
  );

  app.get<IdParams & { Querystring: { page?: number; pageSize?: number } }>(
    '/api/households/:id/history',
    {
      schema: {
        tags: ['registry'],
        summary: '农户变更历史',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        },
      },
    },
    async (request) =>
      registry.history(actorOf(request), request.params.id, request.query.page, request.query.pageSize),
  );

  app.post<IdParams & { Body: PersonInput }>(
    '/api/households/:id/members',
    {
      config: { permission: 'registry.write' },
      schema: { tags: ['registry'], summary: '新增家庭成员', params: idParams, body: personInputSchema },
    },
    async (request, reply) =>
      reply.status(201).send(await registry.addMember(actorOf(request), request.params.id, request.body)),
  );

  app.patch<IdParams & { Body: PersonPatch }>(
    '/api/persons/:id',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['registry'],
        summary: '修改成员信息（含死亡、服刑、失联、不共同生活等状态）',
        params: idParams,
        body: personPatchSchema,
      },
    },
    async (request) => registry.updateMember(actorOf(request), request.params.id, request.body),
  );

  app.post<IdParams & { Body: IncomeInput }>(
    '/api/households/:id/incomes',
    {
      config: { permission: 'registry.write' },
      schema: { tags: ['registry'], summary: '录入年度收支（按年度、调查批次）', params: idParams, body: incomeSchema },
    },
    async (request, reply) =>
      reply.status(201).send(await registry.recordIncome(actorOf(request), request.params.id, request.body)),
  );

  app.get<{ Querystring: { after?: string; pageSize?: number } }>(
    '/api/households/offline-pack',
    {
      schema: {
        tags: ['registry'],
        summary: '下载本辖区农户供离线走访和离线修改（按户编号分页）',
        querystring: offlinePackQuerySchema,
      },
    },
    async (request) => offlineEdits.pack(actorOf(request), request.query.after, request.query.pageSize ?? 200),
  );

  app.post<IdParams & { Body: OfflineEditInput }>(
    '/api/households/:id/offline-edits',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['registry'],
        summary: '同步离线修改（按修改编号只生效一次；服务器上已被改动的项目返回为冲突）',
        params: idParams,
        body: offlineEditSchema,
      },
    },
    async (request) => offlineEdits.apply(actorOf(request), request.params.id, request.body),
  );
}
