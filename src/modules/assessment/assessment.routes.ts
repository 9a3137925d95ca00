import type { FastifyInstance } from 'fastify';
import type { AssessmentMode, Thresholds } from '../../domain/assessment/assessment.types.ts';
import { type AssessOptions, assessFile } from '../../domain/assessment/index.ts';
import { assessBodySchema, assessQuerySchema, assessResponseSchema } from './assessment.schema.ts';

type Maybe<T> = T | undefined | Promise<T | undefined>;

/** Configuration the wiring may supply (e.g. from the monitoring-line settings, SPEC §4.4); both optional. */
export interface AssessmentRouteDeps {
  resolveMonitoringLine?: (regionCode: string, year: number) => Maybe<number>;
  resolveThresholds?: (regionCode: string | null, year: number) => Maybe<Partial<Thresholds>>;
}

const VILLAGE_CODE = /^\d{12}$/;

/**
 * The engine is synchronous and pure; configuration lookups may be asynchronous. So the distinct region codes of the
 * file are looked up first and the engine gets plain maps.
 */
async function prefetch(
  deps: AssessmentRouteDeps,
  body: { year: number; monitoringLine?: unknown; households: unknown[] },
) {
  const codes = new Set<string>();
  for (const h of body.households) {
    const code = h && typeof h === 'object' ? (h as { regionCode?: unknown }).regionCode : undefined;
    if (typeof code === 'string' && VILLAGE_CODE.test(code)) codes.add(code);
  }
  const lines = new Map<string, number | undefined>();
  if (deps.resolveMonitoringLine && (body.monitoringLine === undefined || body.monitoringLine === null)) {
    for (const code of codes) lines.set(code, await deps.resolveMonitoringLine(code, body.year));
  }
  const thresholds = new Map<string | null, Partial<Thresholds> | undefined>();
  if (deps.resolveThresholds) {
    for (const code of [null, ...codes]) thresholds.set(code, await deps.resolveThresholds(code, body.year));
  }
  const options: AssessOptions = {
    resolveMonitoringLine: (code) => lines.get(code),
    resolveThresholds: (code) => thresholds.get(code),
  };
  return options;
}

/**
 * `POST /api/assess?mode=identification|elimination` (formats/assessment.md): the same engine as `shouxian assess`
 * (SPEC §7.3, §8.3). 200 carries `{ year, results, errors }` — households with invalid fields are listed in
 * `errors` and the others are assessed; a body that is not the format at all is a 400 `VALIDATION`. Authentication is
 * added by the server wiring.
 */
export async function assessmentRoutes(app: FastifyInstance, deps: AssessmentRouteDeps = {}): Promise<void> {
  app.post<{
    Body: { year: number; monitoringLine?: number; households: unknown[] };
    Querystring: { mode?: AssessmentMode };
  }>(
    '/api/assess',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['assessment'],
        summary: '按识别或风险消除规则研判农户（不写入数据库）',
        querystring: assessQuerySchema,
        body: assessBodySchema,
        response: { 200: assessResponseSchema },
      },
    },
    async (request) => {
      const options = await prefetch(deps, request.body);
      return assessFile(request.body, request.query.mode ?? 'identification', options);
    },
  );
}
