import type { FastifyInstance } from 'fastify';
import type { AssessmentMode } from '../../domain/assessment/index.ts';
import { actorOf } from '../../server/authenticate.ts';
import type { HouseholdAssessmentService } from './household-assessment.service.ts';
import type { SurveyFacts } from './household-facts.ts';
import { surveyFactsSchema } from './household-facts.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;

/** A registry household assessed in place, and the surveys that establish its facts (SPEC §7.3, §8.3). */
export async function householdAssessmentRoutes(
  app: FastifyInstance,
  { assessments }: { assessments: HouseholdAssessmentService },
) {
  app.post<{ Params: { id: string }; Querystring: { mode?: AssessmentMode; year: number } }>(
    '/api/households/:id/assess',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags: ['assessment'],
        summary: '按本地区监测线和阈值研判登记在册的农户',
        params: idParams,
        querystring: {
          type: 'object',
          required: ['year'],
          properties: {
            mode: { type: 'string', enum: ['identification', 'elimination'], default: 'identification' },
            year: { type: 'integer', minimum: 2013, maximum: 2100 },
          },
        },
      },
    },
    async (request) =>
      assessments.assess(actorOf(request), request.params.id, {
        year: request.query.year,
        mode: request.query.mode ?? 'identification',
      }),
  );

  app.post<{
    Params: { id: string };
    Body: { kind: 'identification' | 'elimination'; surveyedOn: string; facts: SurveyFacts };
  }>(
    '/api/households/:id/surveys',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags: ['assessment'],
        summary: '录入入户调查（风险、突发事件、不纳入情形、风险消除评估与农户意见）',
        params: idParams,
        body: {
          type: 'object',
          required: ['kind', 'surveyedOn', 'facts'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['identification', 'elimination'] },
            surveyedOn: { type: 'string', format: 'date' },
            facts: surveyFactsSchema,
          },
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assessments.recordSurvey(actorOf(request), request.params.id, request.body)),
  );
}
