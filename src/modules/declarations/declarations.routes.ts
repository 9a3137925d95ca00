import type { FastifyInstance } from 'fastify';
import type { DeclarationInput, DeclarationsService } from './declarations.service.ts';

const RISK_TYPES = ['income', 'education', 'medical', 'housing', 'water', 'industry_employment', 'other'];

/** Public self-declaration (no account) and its status page, rate-limited (SPEC §6 channel 1). */
export async function declarationsRoutes(
  app: FastifyInstance,
  { declarations }: { declarations: DeclarationsService },
) {
  app.post<{ Body: DeclarationInput }>(
    '/api/declarations',
    {
      // Anonymous citizens are limited per address; a signed-in cadre declaring for farmers per session.
      config: {
        public: true,
        rateLimit: {
          max: (request) => (request.cookies.sx_session ? 60 : 10),
          timeWindow: '1 minute',
          keyGenerator: (request) =>
            request.cookies.sx_session ? `s:${request.cookies.sx_session}` : `ip:${request.ip}`,
        },
      },
      schema: {
        tags: ['declarations'],
        summary: '农户自主申报（无需账号；村干部登录后可代为申报）',
        body: {
          type: 'object',
          required: ['name', 'idNumber', 'phone', 'villageCode', 'hardship', 'description'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 30 },
            idNumber: { type: 'string', minLength: 1, maxLength: 40 },
            phone: { type: 'string', minLength: 1, maxLength: 20 },
            villageCode: { type: 'string', pattern: '^[0-9]{12}$' },
            hardship: { type: 'array', minItems: 1, items: { type: 'string', enum: RISK_TYPES } },
            description: { type: 'string', minLength: 1, maxLength: 2000 },
            signatureConfirmed: { type: 'boolean' },
          },
        },
      },
    },
    async (request, reply) => {
      const onBehalf = request.actor && request.actor.role === 'village' ? request.actor : undefined;
      return reply.status(201).send(await declarations.declare(request.body, onBehalf));
    },
  );

  app.get<{ Querystring: { code: string; phone: string } }>(
    '/api/declarations/status',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['declarations'],
        summary: '申报办理进度和告知书（凭查询码和手机号）',
        querystring: {
          type: 'object',
          required: ['code', 'phone'],
          properties: {
            code: { type: 'string', minLength: 4, maxLength: 20 },
            phone: { type: 'string', minLength: 1, maxLength: 20 },
          },
        },
      },
    },
    async (request) => declarations.status(request.query.code, request.query.phone),
  );
}
