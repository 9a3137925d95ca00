import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Assistance } from './assistance.module.ts';
import { decisionBody, householdReviewBody, idParams, proposalBody, reviewRoundBody } from './assistance.schema.ts';
import type { BackstopKind, ProposalStatus } from './assistance.tables.ts';
import type { BackstopDecisionInput } from './backstop.service.ts';
import type { HouseholdJudgement, ReviewRoundInput } from './reviews.service.ts';

type Id = { Params: { id: string } };
const tags = ['assistance'];

/** 帮扶成效评议 rounds and results, and the backstop linkage with civil affairs (SPEC §9, §8.3). */
export async function reviewsRoutes(app: FastifyInstance, a: Assistance): Promise<void> {
  app.post<{ Body: ReviewRoundInput }>(
    '/api/assistance/reviews',
    {
      config: { permission: 'policy:assistance-write' },
      schema: { tags, summary: '开展村级帮扶成效评议（评议会）', body: reviewRoundBody },
    },
    async (request, reply) => reply.status(201).send(await a.reviews.createRound(actorOf(request), request.body)),
  );

  app.get<{ Querystring: { village?: string; year?: number } }>(
    '/api/assistance/reviews',
    {
      schema: {
        tags,
        summary: '成效评议列表',
        querystring: {
          type: 'object',
          properties: { village: { type: 'string', pattern: '^[0-9]{2,12}$' }, year: { type: 'integer' } },
        },
      },
    },
    async (request) => a.reviews.list(actorOf(request), request.query),
  );

  app.get<Id>(
    '/api/assistance/reviews/:id',
    { schema: { tags, summary: '成效评议：会议记录及各户评议结果', params: idParams } },
    async (request) => a.reviews.get(actorOf(request), request.params.id),
  );

  app.post<{ Params: { id: string; householdId: string }; Body: HouseholdJudgement }>(
    '/api/assistance/reviews/:id/households/:householdId',
    {
      config: { permission: 'policy:assistance-write' },
      schema: {
        tags,
        summary: '评议一户：措施是否精准有效、风险点是否消除、收入是否稳定；结论可启动风险消除',
        params: {
          type: 'object',
          required: ['id', 'householdId'],
          properties: { id: { type: 'string', format: 'uuid' }, householdId: { type: 'string', format: 'uuid' } },
        },
        body: householdReviewBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await a.reviews.reviewHousehold(
            actorOf(request),
            request.params.id,
            request.params.householdId,
            request.body,
          ),
        ),
  );

  app.post<Id & { Body: { kind: BackstopKind; reason: string } }>(
    '/api/households/:id/backstop-proposals',
    {
      config: { permission: 'policy:assistance-write' },
      schema: { tags, summary: '提请民政部门纳入低保或特困供养', params: idParams, body: proposalBody },
    },
    async (request, reply) =>
      reply.status(201).send(await a.backstop.propose(actorOf(request), request.params.id, request.body)),
  );

  app.get<{ Querystring: { region?: string; status?: ProposalStatus } }>(
    '/api/backstop-proposals',
    {
      schema: {
        tags,
        summary: '兜底保障提请及认定结果',
        querystring: {
          type: 'object',
          properties: {
            region: { type: 'string', pattern: '^[0-9]{2,12}$' },
            status: { type: 'string', enum: ['proposed', 'approved', 'rejected'] },
          },
        },
      },
    },
    async (request) => a.backstop.list(actorOf(request), request.query),
  );

  app.post<Id & { Body: BackstopDecisionInput }>(
    '/api/backstop-proposals/:id/decision',
    {
      config: { permission: 'policy:backstop-decision' },
      schema: { tags, summary: '记录民政部门认定结果（县级或民政部门用户）', params: idParams, body: decisionBody },
    },
    async (request) => a.backstop.decide(actorOf(request), request.params.id, request.body),
  );
}
