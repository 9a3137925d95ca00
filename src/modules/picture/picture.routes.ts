import type { FastifyInstance } from 'fastify';
import type { AssessmentMode } from '../../domain/assessment/index.ts';
import { actorOf } from '../../server/authenticate.ts';
import type { HouseholdAssessmentService } from '../assessment/household-assessment.service.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { pictureService } from './picture.service.ts';

/** `GET /api/households/:id/picture?year=Y` — 家庭情况 with provenance and conflicts (SPEC §7.4). */
export async function pictureRoutes(
  app: FastifyInstance,
  deps: { assessments: HouseholdAssessmentService; audit: AuditRepository },
) {
  const pictures = pictureService(deps);
  app.get<{ Params: { id: string }; Querystring: { year: number; mode?: AssessmentMode } }>(
    '/api/households/:id/picture',
    {
      schema: {
        tags: ['assessment'],
        summary: '家庭情况：研判所用的全部事实及其来源、数据冲突和当前研判结果',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
        querystring: {
          type: 'object',
          required: ['year'],
          properties: {
            year: { type: 'integer', minimum: 2013, maximum: 2100 },
            mode: { type: 'string', enum: ['identification', 'elimination'] },
          },
        },
      },
    },
    async (request) =>
      pictures.get(actorOf(request), request.params.id, {
        year: request.query.year,
        ...(request.query.mode ? { mode: request.query.mode } : {}),
      }),
  );
}
