import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  applyPublicityLevels,
  DEFAULT_ELIMINATION_TEMPLATE,
  DEFAULT_INCLUSION_TEMPLATE,
  DEFAULT_TEMPLATES,
  type ProcedureKind,
  type ProcedureTemplate,
  publicityLevelsOf,
  validateTemplate,
} from '../../domain/procedures/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission, requireScope } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';

type Q = Kysely<DB> | Transaction<DB>;

const ancestry = (code: string) => [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
const settingKey = (kind: ProcedureKind) => `procedures.${kind}`;
const defaultCode = (kind: ProcedureKind) =>
  kind === 'inclusion' ? DEFAULT_INCLUSION_TEMPLATE : DEFAULT_ELIMINATION_TEMPLATE;

/**
 * Procedure templates per region (SPEC §8.1): a county picks a shipped template or adapts one; adaptations are
 * versioned rows and the nearest level's newest version is in force. Running cases keep their own snapshot.
 */
export const templatesService = ({
  db,
  settings,
  audit,
}: {
  db: Kysely<DB>;
  settings: RegionSettings;
  audit: Pick<AuditRepository, 'append'>;
}) => {
  async function adapted(code: string, regionCode: string, q: Q): Promise<ProcedureTemplate | undefined> {
    const rows = await q
      .selectFrom('procedure_templates')
      .select(['region_code as regionCode', 'version', 'body'])
      .where('code', '=', code)
      .where('region_code', 'in', ancestry(regionCode).length ? ancestry(regionCode) : [''])
      .execute();
    rows.sort((a, b) => b.regionCode.length - a.regionCode.length || b.version - a.version);
    return rows[0]?.body as ProcedureTemplate | undefined;
  }

  async function byCode(code: string, regionCode: string, q: Q = db): Promise<ProcedureTemplate | undefined> {
    return (await adapted(code, regionCode, q)) ?? DEFAULT_TEMPLATES[code as keyof typeof DEFAULT_TEMPLATES];
  }

  return {
    byCode,

    /**
     * The template in force for a region and kind, under the region's publicity rule (`publicity.levels`, issue 10
     * point 3): with single-level publicity its township and county publicity steps are left out and the village
     * publicity lasts at least the set number of working days. Cases open on this, so the machine, the deadlines
     * and the notices follow the rule.
     */
    async resolve(regionCode: string, kind: ProcedureKind, q: Q = db): Promise<ProcedureTemplate> {
      const chosen =
        (await settings.get<{ code: string }>(settingKey(kind), regionCode, q)).value?.code ?? defaultCode(kind);
      const template = await byCode(chosen, regionCode, q);
      if (!template) throw new AppError('TEMPLATE_UNKNOWN', `程序模板不存在：${chosen}`);
      const rule = publicityLevelsOf((await settings.get('publicity.levels', regionCode, q)).value);
      return applyPublicityLevels(template, rule);
    },

    async list(actor: Actor, regionCode: string) {
      requireScope(actor, regionCode);
      const shipped = Object.values(DEFAULT_TEMPLATES);
      const adaptations = await db
        .selectFrom('procedure_templates')
        .select(['region_code as regionCode', 'code', 'version', 'kind', 'set_by as setBy', 'set_at as setAt'])
        .where('region_code', 'in', ancestry(regionCode))
        .orderBy('set_at', 'desc')
        .execute();
      return {
        inUse: {
          inclusion: await this.resolve(regionCode, 'inclusion'),
          elimination: await this.resolve(regionCode, 'elimination'),
        },
        shipped,
        adaptations,
      };
    },

    /** A county chooses which template its cases use from now on. */
    async choose(actor: Actor, regionCode: string, kind: ProcedureKind, code: string) {
      requirePermission(actor, 'settings.write');
      const template = await byCode(code, regionCode);
      if (!template || template.kind !== kind) {
        throw new AppError(
          'TEMPLATE_UNKNOWN',
          `没有可用于${kind === 'inclusion' ? '识别纳入' : '风险消除'}的程序模板：${code}`,
          { field: 'code' },
        );
      }
      await settings.set(actor, settingKey(kind), regionCode, { code });
      return template;
    },

    /** An adapted template: validated against the one it adapts (a county may tighten, not loosen — SPEC §3). */
    async adapt(actor: Actor, regionCode: string, body: unknown) {
      requirePermission(actor, 'settings.write');
      requireScope(actor, regionCode);
      const code = (body as { code?: unknown })?.code;
      const parent = typeof code === 'string' ? await byCode(code, regionCode) : undefined;
      const v = validateTemplate(body, parent);
      if (!v.ok) {
        throw new AppError('TEMPLATE_INVALID', `程序模板有误：${v.errors.map((e) => e.message).join('；')}`, {
          errors: v.errors,
        });
      }
      const t = v.value;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('procedure_templates')
          .values({
            region_code: regionCode,
            code: t.code,
            version: t.version,
            kind: t.kind,
            body: JSON.stringify(t),
            set_by: actor.username,
          })
          .execute()
          .catch((err: { code?: string }) => {
            if (err.code === '23505')
              throw new AppError('TEMPLATE_VERSION_EXISTS', `模板 ${t.code} 第${t.version}版已存在，请提高版本号`);
            throw err;
          });
        await audit.append(
          actor,
          {
            action: AuditActions.templateAdapt,
            entity: 'procedure_template',
            entityId: `${t.code}@${t.version}`,
            regionCode,
            after: t,
          },
          trx,
        );
      });
      return t;
    },
  };
};

export type TemplatesService = ReturnType<typeof templatesService>;
