import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { chinaDate } from '../../domain/calendar/index.ts';
import { publicityNotice } from '../../domain/procedures/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission, scopeFilter } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { checkCaseFile } from './case-files.ts';
import type { CasesRepository } from './cases.repository.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Case materials, the publicity notice and printable notifications (SPEC §8.1). */
export const caseFilesService = ({
  db,
  casesRepo,
  settings,
  audit,
}: {
  db: Kysely<DB>;
  casesRepo: Pick<CasesRepository, 'find'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
}) => ({
  async upload(actor: Actor, caseId: string, name: string, content: Buffer) {
    requirePermission(actor, 'registry.write');
    const c = await casesRepo.find(actor, caseId);
    if (!c) throw notFound('程序事项');
    const checked = checkCaseFile(name, content);
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('case_files')
        .values({ case_id: caseId, region_code: c.regionCode, ...checked, content, uploaded_by: actor.username })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.append(
        actor,
        {
          action: AuditActions.caseFileUpload,
          entity: 'case',
          entityId: caseId,
          householdId: c.householdId,
          regionCode: c.regionCode,
          after: { fileId: row.id, ...checked },
        },
        trx,
      );
      return { id: row.id, ...checked };
    });
  },

  async download(actor: Actor, caseId: string, fileId: string) {
    requirePermission(actor, 'registry.read');
    const f = await db
      .selectFrom('case_files')
      .select(['name', 'mime', 'content', 'region_code as regionCode'])
      .where('id', '=', fileId)
      .where('case_id', '=', caseId)
      .where(scopeFilter(actor))
      .executeTakeFirst();
    if (!f) throw notFound('材料');
    await audit.append(actor, {
      action: AuditActions.caseFileRead,
      entity: 'case',
      entityId: caseId,
      regionCode: f.regionCode,
      after: { fileId },
    });
    return f;
  },

  /** The notice to post in the village (公示): names, village, category, reason, period, where to object. */
  async publicityNotice(actor: Actor, caseId: string) {
    requirePermission(actor, 'registry.read');
    const c = await casesRepo.find(actor, caseId);
    if (!c) throw notFound('程序事项');
    const period =
      c.state.current.publicity ??
      c.state.completed
        .map((x) => x.progress.publicity)
        .filter(Boolean)
        .pop();
    if (!period) throw new AppError('CASE_NO_PUBLICITY', '本事项尚未开始公示');
    const info = await db
      .selectFrom('households as h')
      .leftJoin('persons as p', 'p.id', 'h.head_person_id')
      .innerJoin('regions as v', 'v.code', 'h.region_code')
      .leftJoin('regions as t', 't.code', 'v.parent_code')
      .leftJoin('regions as k', 'k.code', 't.parent_code')
      .select(['p.name as headName', 'v.name as village', 't.name as township', 'k.name as county'])
      .select((eb) =>
        eb
          .selectFrom('persons as m')
          .whereRef('m.household_id', '=', 'h.id')
          .where('m.status', '=', 'normal')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('persons'),
      )
      .where('h.id', '=', c.householdId)
      .executeTakeFirstOrThrow();
    const contact = (
      await settings.get<{ place?: string; phone?: string; online?: string }>(
        'publicity.objectionContact',
        c.regionCode,
      )
    ).value;
    const assessment = (c.assessment ?? {}) as { reasonText?: string };
    // Before the county decision there is no assessment text yet: the verified clue's finding, else the survey note.
    const clue = c.clueId
      ? await db.selectFrom('clues').select('finding').where('id', '=', c.clueId).executeTakeFirst()
      : undefined;
    const survey = await db
      .selectFrom('household_surveys')
      .select('facts')
      .where('household_id', '=', c.householdId)
      .orderBy('surveyed_on', 'desc')
      .limit(1)
      .executeTakeFirst();
    const surveyNote = (survey?.facts as { note?: string } | undefined)?.note;
    return publicityNotice({
      kind: c.kind,
      county: info.county ?? undefined,
      township: info.township ?? '',
      village: info.village,
      households: [
        {
          headName: info.headName ?? '',
          persons: Number(info.persons),
          category: c.category ?? undefined,
          reason: assessment.reasonText || surveyNote || clue?.finding || '经入户调查和民主评议',
        },
      ],
      period,
      objection: { place: contact.place ?? `${info.village}村民委员会`, phone: contact.phone, online: contact.online },
      issuedOn: period.start ?? chinaDate(new Date().toISOString()),
    });
  },

  async notificationHtml(actor: Actor, id: string) {
    requirePermission(actor, 'registry.read');
    const n = await db
      .selectFrom('notifications')
      .select(['text', 'kind', 'revoked_at as revokedAt', 'region_code as regionCode', 'case_id as caseId'])
      .where('id', '=', id)
      .where(scopeFilter(actor))
      .executeTakeFirst();
    if (!n) throw notFound('告知书');
    const lines = n.text
      .split('\n')
      .map((l) => `<p>${escapeHtml(l) || '&nbsp;'}</p>`)
      .join('');
    const revoked = n.revokedAt ? '<p class="revoked">（本告知已撤回）</p>' : '';
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>告知书</title><style>body{font-family:"SimSun","Songti SC",serif;max-width:40em;margin:3em auto;line-height:1.9}p{margin:0}p:first-child{text-align:center;font-size:1.4em;font-weight:bold;margin-bottom:1em}.revoked{color:#b00}@media print{body{margin:2cm}}</style></head><body>${lines}${revoked}</body></html>`;
  },
});

export type CaseFilesService = ReturnType<typeof caseFilesService>;
