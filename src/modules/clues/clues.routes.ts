import type { FastifyInstance } from 'fastify';
import type { ClueResult } from '../../db/schema.ts';
import type { VisitFindings } from '../../domain/picture/index.ts';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import { visitFindingsSchema } from '../picture/visit-findings.schema.ts';
import type { NewClue } from './clues.service.ts';

const RISK_TYPES = ['income', 'education', 'medical', 'housing', 'water', 'industry_employment', 'other'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;

/** Clue ledger API (SPEC §6). */
export async function cluesRoutes(app: FastifyInstance, { clues }: Pick<Services, 'clues'>): Promise<void> {
  app.get<{
    Querystring: {
      status?: 'open' | 'verifying' | 'closed' | 'unclosed';
      channel?: string;
      region?: string;
      householdId?: string;
      overdue?: boolean;
      page?: number;
      pageSize?: number;
    };
  }>(
    '/api/clues',
    {
      schema: {
        tags: ['clues'],
        summary: '监测预警信息台账',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['open', 'verifying', 'closed', 'unclosed'] },
            channel: { type: 'string', enum: ['self_declaration', 'cadre_screening', 'department', 'social'] },
            region: { type: 'string', pattern: '^[0-9]{2,12}$' },
            householdId: { type: 'string', format: 'uuid' },
            overdue: { type: 'boolean' },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query;
      return clues.list(actorOf(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.get(
    '/api/clues/overdue-summary',
    { schema: { tags: ['clues'], summary: '逾期未销号线索（按下级区划）' } },
    async (request) => clues.overdueSummary(actorOf(request)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/clues/:id',
    { schema: { tags: ['clues'], summary: '线索详情', params: idParams } },
    async (request) => clues.get(actorOf(request), request.params.id),
  );

  app.post<{ Body: NewClue }>(
    '/api/clues',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['clues'],
        summary: '登记线索（社会信息、信访、热线等）',
        body: {
          type: 'object',
          required: ['channel', 'sourceKind', 'finding'],
          additionalProperties: false,
          properties: {
            channel: { type: 'string', enum: ['cadre_screening', 'department', 'social'] },
            sourceKind: {
              type: 'string',
              enum: ['petition', 'hotline', 'media', 'mailbox', 'person', 'department', 'visit', 'public_opinion'],
            },
            sourceRef: { type: 'string', maxLength: 100 },
            householdId: { type: 'string', format: 'uuid' },
            regionCode: { type: 'string', pattern: '^[0-9]{2,12}$' },
            finding: { type: 'string', minLength: 1, maxLength: 2000 },
            facts: { type: 'object', maxProperties: 50 },
            riskTypes: { type: 'array', items: { type: 'string', enum: RISK_TYPES } },
            severity: { type: 'string', enum: ['low', 'normal', 'high'] },
            receivedOn: { type: 'string', format: 'date' },
            assigneeName: { type: 'string', maxLength: 50 },
          },
        },
      },
    },
    async (request, reply) => reply.status(201).send(await clues.create(actorOf(request), request.body)),
  );

  app.post<{
    Body: {
      householdId: string;
      visitedOn?: string;
      finding: string;
      riskTypes?: string[];
      noRisk?: boolean;
      findings?: VisitFindings;
    };
  }>(
    '/api/clues/visits',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['clues'],
        summary: '记录干部入户排查（作为线索登记；无风险时直接销号）',
        body: {
          type: 'object',
          required: ['householdId', 'finding'],
          additionalProperties: false,
          properties: {
            householdId: { type: 'string', format: 'uuid' },
            visitedOn: { type: 'string', format: 'date' },
            finding: { type: 'string', minLength: 1, maxLength: 2000 },
            riskTypes: { type: 'array', items: { type: 'string', enum: RISK_TYPES } },
            noRisk: { type: 'boolean' },
            // household picture (issue 9): structured findings that enter the picture
            findings: visitFindingsSchema,
          },
        },
      },
    },
    async (request, reply) => reply.status(201).send(await clues.recordVisit(actorOf(request), request.body)),
  );

  app.post<{ Params: { id: string }; Body: { assigneeName: string } }>(
    '/api/clues/:id/assign',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['clues'],
        summary: '分派核实人',
        params: idParams,
        body: {
          type: 'object',
          required: ['assigneeName'],
          additionalProperties: false,
          properties: { assigneeName: { type: 'string', minLength: 1, maxLength: 50 } },
        },
      },
    },
    async (request) => {
      await clues.assign(actorOf(request), request.params.id, request.body.assigneeName);
      return { ok: true };
    },
  );

  app.post<{ Params: { id: string }; Body: { result: ClueResult; note: string } }>(
    '/api/clues/:id/close',
    {
      config: { permission: 'policy:clue-close' },
      schema: {
        tags: ['clues'],
        summary: '销号（必须有处理结果和说明）',
        params: idParams,
        body: {
          type: 'object',
          required: ['result', 'note'],
          additionalProperties: false,
          properties: {
            result: {
              type: 'string',
              enum: ['no_risk', 'start_identification', 'start_elimination', 'household_change'],
            },
            note: { type: 'string', minLength: 1, maxLength: 2000 },
          },
        },
      },
    },
    async (request) => {
      await clues.close(actorOf(request), request.params.id, request.body);
      return { ok: true };
    },
  );
}
