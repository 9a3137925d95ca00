import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Assistance } from './assistance.module.ts';
import {
  catalogueBody,
  idParams,
  measurePatchBody,
  newMeasureBody,
  progressBody,
  regionQuery,
  responsibleBody,
} from './assistance.schema.ts';
import type { MeasureStatus } from './assistance.tables.ts';
import type { CatalogueOverrideInput } from './catalogue.service.ts';
import type { ResponsibleInput } from './household-assistance.service.ts';
import type { MeasurePatch } from './measures.service.ts';
import type { NewMeasureInput } from './plan.service.ts';

type Id = { Params: { id: string } };
/** A UUID as Postgres reads it (lower-case hex, 8-4-4-4-12). */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const tags = ['assistance'];

/** Catalogue, plan suggestion, measures and the 帮扶责任人 (SPEC §9). Thin: validate, call one service, present. */
export async function measuresRoutes(app: FastifyInstance, a: Assistance): Promise<void> {
  app.get<{ Querystring: { region?: string } }>(
    '/api/assistance/catalogue',
    { schema: { tags, summary: '帮扶措施目录（本区划适用，含上级配置）', querystring: regionQuery } },
    async (request) => {
      const actor = actorOf(request);
      return a.catalogue.get(actor, request.query.region ?? actor.regionCode);
    },
  );

  app.get<{ Querystring: { region: string } }>(
    '/api/assistance/catalogue/history',
    {
      schema: {
        tags,
        summary: '本区划帮扶措施目录配置历史',
        querystring: { ...regionQuery, required: ['region'] },
      },
    },
    async (request) => a.catalogue.history(actorOf(request), request.query.region),
  );

  app.put<{ Body: CatalogueOverrideInput & { regionCode: string } }>(
    '/api/assistance/catalogue',
    {
      config: { permission: 'settings.write' },
      schema: { tags, summary: '配置本区划帮扶措施目录（县级、管理员；停用、新增、改名）', body: catalogueBody },
    },
    async (request) => {
      const { regionCode, ...override } = request.body;
      return a.catalogue.set(actorOf(request), regionCode, override);
    },
  );

  app.get<Id & { Querystring: { weakMotivation?: boolean; stableWorkIncome?: boolean } }>(
    '/api/households/:id/plan-suggestion',
    {
      schema: {
        tags,
        summary: '帮扶计划建议（缺什么补什么；每条建议说明理由，不自动落实）',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            weakMotivation: { type: 'boolean', description: '村级研判：家庭成员内生动力不足' },
            stableWorkIncome: { type: 'boolean', description: '村级研判：有稳定务工收入（默认按基础数据推断）' },
          },
        },
      },
    },
    async (request) => a.plan.suggest(actorOf(request), request.params.id, request.query),
  );

  app.get<{ Querystring: { ids: string } }>(
    '/api/households/risk-colours',
    {
      schema: {
        tags,
        summary: '多户三色（列表用）：红黄绿及原因',
        querystring: {
          type: 'object',
          required: ['ids'],
          additionalProperties: false,
          properties: {
            ids: {
              type: 'string',
              maxLength: 200 * 37,
              pattern: `^${UUID}(,${UUID})*$`,
              description: '农户ID，逗号分隔，最多200户',
            },
          },
        },
        response: {
          200: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              required: ['colour', 'reason'],
              properties: { colour: { type: 'string', enum: ['red', 'yellow', 'green'] }, reason: { type: 'string' } },
            },
          },
        },
      },
    },
    async (request) => a.households.colours(actorOf(request), request.query.ids.split(',')),
  );

  app.get<Id>(
    '/api/households/:id/assistance',
    { schema: { tags, summary: '一户帮扶情况：责任人、措施及进展、评议、兜底、三色', params: idParams } },
    async (request) => a.households.summary(actorOf(request), request.params.id),
  );

  app.post<Id & { Body: NewMeasureInput }>(
    '/api/households/:id/measures',
    {
      config: { permission: 'policy:assistance-write' },
      schema: { tags, summary: '落实帮扶措施（采纳、修改建议或新增）', params: idParams, body: newMeasureBody },
    },
    async (request, reply) =>
      reply.status(201).send(await a.plan.addMeasure(actorOf(request), request.params.id, request.body)),
  );

  app.put<Id & { Body: ResponsibleInput }>(
    '/api/households/:id/responsible',
    {
      config: { permission: 'policy:assistance-write' },
      schema: { tags, summary: '指定帮扶责任人', params: idParams, body: responsibleBody },
    },
    async (request) => a.households.assignResponsible(actorOf(request), request.params.id, request.body),
  );

  app.get<{ Querystring: { department?: string; status?: MeasureStatus } }>(
    '/api/measures',
    {
      schema: {
        tags,
        summary: '按责任部门列出帮扶措施（行业部门用户只见本部门）',
        querystring: {
          type: 'object',
          properties: {
            department: { type: 'string' },
            status: { type: 'string', enum: ['planned', 'in_progress', 'completed', 'cancelled'] },
          },
        },
      },
    },
    async (request) => a.measures.list(actorOf(request), request.query),
  );

  app.get<Id>(
    '/api/measures/:id',
    { schema: { tags, summary: '帮扶措施详情及进展', params: idParams } },
    async (request) => a.measures.get(actorOf(request), request.params.id),
  );

  app.patch<Id & { Body: MeasurePatch }>(
    '/api/measures/:id',
    {
      config: { permission: 'policy:measure-access' },
      schema: { tags, summary: '修改帮扶措施、状态和结果', params: idParams, body: measurePatchBody },
    },
    async (request) => a.measures.update(actorOf(request), request.params.id, request.body),
  );

  app.post<Id & { Body: { note: string; notedOn?: string; status?: MeasureStatus; result?: string } }>(
    '/api/measures/:id/progress',
    {
      config: { permission: 'policy:measure-access' },
      schema: { tags, summary: '记录措施进展', params: idParams, body: progressBody },
    },
    async (request, reply) =>
      reply.status(201).send(await a.measures.addProgress(actorOf(request), request.params.id, request.body)),
  );
}
