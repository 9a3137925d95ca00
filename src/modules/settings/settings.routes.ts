import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/authenticate.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../shared/app-error.ts';
import { requireScope } from '../auth/actor.ts';
import { listSettingsSchema, setSettingSchema, settingHistorySchema } from './settings.schema.ts';
import { regionSettingsService } from './settings.service.ts';

/**
 * Monitoring lines (SPEC §4.4): in force for a region and year, history, and setting a new one; and the other
 * per-region settings (SPEC §3): in force for a region, history, and setting one key.
 */
export async function settingsRoutes(
  app: FastifyInstance,
  { lines, settings }: Pick<Services, 'lines' | 'settings'>,
): Promise<void> {
  await regionSettingsRoutes(app, settings);
  app.get<{ Querystring: { region: string; year: number } }>(
    '/api/monitoring-lines/effective',
    {
      schema: {
        tags: ['settings'],
        summary: '某区划某年度适用的监测线',
        querystring: {
          type: 'object',
          required: ['region', 'year'],
          properties: {
            region: { type: 'string', pattern: '^[0-9]{2,12}$' },
            year: { type: 'integer', minimum: 2013, maximum: 2100 },
          },
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { region, year } = request.query;
      if (!region.startsWith(actor.regionCode) && !actor.regionCode.startsWith(region)) requireScope(actor, region);
      const line = await lines.effective(region, year);
      if (!line) throw new AppError('LINE_NOT_SET', `${region} 未设定 ${year} 年监测线`, { region, year });
      return line;
    },
  );

  app.get<{ Querystring: { region: string } }>(
    '/api/monitoring-lines',
    {
      schema: {
        tags: ['settings'],
        summary: '监测线设定历史',
        querystring: {
          type: 'object',
          required: ['region'],
          properties: { region: { type: 'string', pattern: '^[0-9]{2,12}$' } },
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!actor.regionCode.startsWith(request.query.region)) requireScope(actor, request.query.region);
      return lines.history(request.query.region);
    },
  );

  app.post<{ Body: { regionCode: string; year: number; amount: number; basis?: string } }>(
    '/api/monitoring-lines',
    {
      config: { permission: 'lines.write' },
      schema: {
        tags: ['settings'],
        summary: '设定监测线（下级不得低于上级）',
        body: {
          type: 'object',
          required: ['regionCode', 'year', 'amount'],
          additionalProperties: false,
          properties: {
            regionCode: { type: 'string', pattern: '^[0-9]{2,6}$' },
            year: { type: 'integer', minimum: 2020, maximum: 2100 },
            amount: { type: 'number', exclusiveMinimum: 0, maximum: 1000000 },
            basis: { type: 'string', maxLength: 500 },
          },
        },
      },
    },
    async (request, reply) => reply.status(201).send(await lines.set(actorOf(request), request.body)),
  );
}

/** `settings` is the store built in services.ts; its use cases are composed here and in settings.cli.ts. */
async function regionSettingsRoutes(app: FastifyInstance, settings: Services['settings']): Promise<void> {
  const service = regionSettingsService({ store: settings });

  app.get<{ Querystring: { region: string } }>('/api/settings', { schema: listSettingsSchema }, async (request) =>
    service.list(actorOf(request), request.query.region),
  );

  app.get<{ Params: { key: string }; Querystring: { region: string } }>(
    '/api/settings/:key/history',
    { schema: settingHistorySchema },
    async (request) => service.history(actorOf(request), request.params.key, request.query.region),
  );

  app.put<{ Params: { key: string }; Body: { regionCode: string; value: unknown } }>(
    '/api/settings/:key',
    { config: { permission: 'settings.write' }, schema: setSettingSchema },
    async (request) =>
      service.update(actorOf(request), request.params.key, request.body.regionCode, request.body.value),
  );
}
