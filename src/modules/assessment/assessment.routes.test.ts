import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { file, household, member } from '../../domain/assessment/assessment.fixtures.ts';
import { installErrorHandler } from '../../server/http-errors.ts';
import { type AssessmentRouteDeps, assessmentRoutes } from './assessment.routes.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The same Ajv options and error handler as src/server/app.ts; authentication is the wiring's concern. */
async function build(deps?: AssessmentRouteDeps): Promise<FastifyInstance> {
  app = Fastify({ ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } } });
  installErrorHandler(app, { spaFallback: false });
  await assessmentRoutes(app, deps);
  await app.ready();
  return app;
}

const example = file([
  household({
    liftedOutOfPoverty: true,
    previousIncome: { wage: 20000, businessNet: 3000, property: 0, transfer: 1500 },
  }),
]);

describe('POST /api/assess (formats/assessment.md)', () => {
  it('returns the format Output for the example, reasons and figures intact (SPEC §7.3)', async () => {
    const res = await (await build()).inject({ method: 'POST', url: '/api/assess', payload: example });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      year: 2026,
      results: [
        {
          id: 'H-001',
          members: 1,
          netIncome: 16500,
          perCapitaNetIncome: 16500,
          monitoringLine: 7500,
          decision: 'no_risk',
          category: null,
          riskTypes: [],
          exclusions: [],
          reasons: [
            {
              rule: 'income.at_or_above_line',
              text: '人均纯收入16500元，不低于监测线7500元',
              figures: { perCapitaNetIncome: 16500, monitoringLine: 7500 },
            },
            {
              rule: 'risk.income_drop.below_threshold',
              text: '家庭纯收入同比下降32.7%，未达50%',
              figures: { drop: 0.327 },
            },
          ],
        },
      ],
      errors: [],
    });
  });

  it('runs elimination mode from the query (SPEC §8.3)', async () => {
    const res = await (await build()).inject({ method: 'POST', url: '/api/assess?mode=elimination', payload: example });
    expect(res.json().results[0].decision).toBe('eliminate');
  });

  it('keeps string figures and categories through response serialisation', async () => {
    const h = household({
      income: { wage: 100 },
      members: [member(), member({ relation: 'child', status: 'deceased' })],
    });
    const res = await (await build()).inject({ method: 'POST', url: '/api/assess', payload: file([h]) });
    const result = res.json().results[0];
    expect(result).toMatchObject({ decision: 'include', category: 'marginal', members: 1 });
    expect(result.reasons[0].figures).toEqual({ field: 'households[0].members[1].status', members: 1 });
  });

  it('answers 200 with per-household errors and still assesses the valid households', async () => {
    const bad = household({
      id: 'BAD',
      members: [member({ idNumber: '621124198001010017' })],
      income: { wage: '12000' as never },
    });
    const res = await (await build()).inject({
      method: 'POST',
      url: '/api/assess',
      payload: file([household({ id: 'OK' }), bad, 7]),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.results.map((r: { id: string }) => r.id)).toEqual(['OK']);
    expect(body.errors).toEqual([
      {
        id: 'BAD',
        index: 1,
        errors: [
          expect.objectContaining({ field: 'households[1].members[0].idNumber', code: 'REGISTRY_ID_CHECKSUM' }),
          // not coerced by the request schema: the engine refuses a string amount
          expect.objectContaining({ field: 'households[1].income.wage', code: 'ASSESS_TYPE' }),
        ],
      },
      { id: null, index: 2, errors: [expect.objectContaining({ field: 'households[2]', code: 'ASSESS_TYPE' })] },
    ]);
  });

  it('rejects a body without households with 400 VALIDATION', async () => {
    const res = await (await build()).inject({ method: 'POST', url: '/api/assess', payload: { year: 2026 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
    expect(res.json().message).toContain('households');
  });

  it('rejects an unknown mode with 400', async () => {
    const res = await (await build()).inject({ method: 'POST', url: '/api/assess?mode=audit', payload: example });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });

  it('rejects invalid thresholds as a whole with 400 naming the field', async () => {
    const res = await (await build()).inject({
      method: 'POST',
      url: '/api/assess',
      payload: { ...example, thresholds: { incomeDropShare: 2 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toEqual([expect.objectContaining({ field: 'thresholds.incomeDropShare' })]);
  });

  it('looks up the configured line of each region when the body has none (SPEC §4.4)', async () => {
    const asked: string[] = [];
    const deps: AssessmentRouteDeps = {
      resolveMonitoringLine: async (code, year) => {
        asked.push(`${code}/${year}`);
        return code === '621124100201' ? 17000 : undefined;
      },
    };
    const other = household({ id: 'H-002', regionCode: '621124100202', members: [member()] });
    const res = await (await build(deps)).inject({
      method: 'POST',
      url: '/api/assess',
      payload: { ...example, monitoringLine: undefined, households: [...example.households, other] },
    });
    const body = res.json();
    expect(asked.sort()).toEqual(['621124100201/2026', '621124100202/2026']);
    expect(body.results[0]).toMatchObject({
      id: 'H-001',
      monitoringLine: 17000,
      decision: 'include',
      category: 'unstable',
    });
    expect(body.errors).toEqual([
      { id: 'H-002', index: 1, errors: [expect.objectContaining({ field: 'monitoringLine', code: 'LINE_NOT_SET' })] },
    ]);
  });

  it('gives an error naming monitoringLine when nothing can supply a line', async () => {
    const res = await (await build()).inject({
      method: 'POST',
      url: '/api/assess',
      payload: { ...example, monitoringLine: undefined },
    });
    expect(res.json().errors[0].errors[0].field).toBe('monitoringLine');
  });

  it('applies the region thresholds supplied by the wiring', async () => {
    const h = household({ rigidExpenditure: { medical: 6000 } });
    const res = await (await build({ resolveThresholds: async () => ({ medicalAmount: 5000 }) })).inject({
      method: 'POST',
      url: '/api/assess',
      payload: file([h]),
    });
    expect(res.json().results[0].riskTypes).toEqual(['medical']);
  });
});
