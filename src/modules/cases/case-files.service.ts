import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PublicityPeriod } from '../../domain/calendar/working-days.ts';
import { type CaseState, publicityNotice } from '../../domain/procedures/index.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, requirePermission, scopeFilter } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import { checkCaseFile } from './case-files.ts';
import type { CasesRepository } from './cases.repository.ts';
import { type CaseNoticeFacts, noticeFacts } from './notice-facts.ts';

type PeriodLike = Pick<PublicityPeriod, 'start' | 'end' | 'days' | 'unit' | 'uncertain'>;

/** The publicity of a case: the one running, else the last one completed. */
const publicityOf = (state: CaseState): PeriodLike | undefined =>
  state.current.publicity ??
  state.completed
    .map((x) => x.progress.publicity)
    .filter((p): p is NonNullable<typeof p> => !!p)
    .pop();

function renderPublicity(kind: 'inclusion' | 'elimination', households: CaseNoticeFacts[], period: PeriodLike) {
  const f = households[0] as CaseNoticeFacts;
  return publicityNotice({
    kind,
    county: f.county ?? undefined,
    township: f.township ?? '',
    village: f.villagePlace,
    households: households.map((h) => ({
      headName: h.headName,
      persons: h.persons,
      category: h.category,
      riskTypes: h.riskTypes,
    })),
    period: { ...period, estimated: period.uncertain },
    objection: { ...f.objection, place: f.objection.place ?? f.villageCommittee },
    issuer: f.villageCommittee,
    issuedOn: period.start,
    wording: f.wording,
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Case materials, the publicity notice and printable notifications (SPEC §8.1). */
export const caseFilesService = ({
  db,
  casesRepo,
  settings,
  audit,
  maxFileBytes,
}: {
  db: Kysely<DB>;
  casesRepo: Pick<CasesRepository, 'find'>;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  /** Bytes a file may have (Config.uploads.caseFileBytes). */
  maxFileBytes?: number;
}) => ({
  async upload(actor: Actor, caseId: string, name: string, content: Buffer) {
    requirePermission(actor, 'registry.write');
    const c = await casesRepo.find(actor, caseId);
    if (!c) throw notFound('程序事项');
    const checked = checkCaseFile(name, content, maxFileBytes);
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

  /**
   * The notice of one case (公示), the detail view of the village's list: the same text as `publicityList` with
   * this household only. Built from named fields (notice-facts.ts), never from notes or the rule engine's text.
   */
  async publicityNotice(actor: Actor, caseId: string) {
    requirePermission(actor, 'registry.read');
    const c = await casesRepo.find(actor, caseId);
    if (!c) throw notFound('程序事项');
    const period = publicityOf(c.state);
    if (!period) throw new AppError('CASE_NO_PUBLICITY', '本事项尚未开始公示');
    const facts = await noticeFacts(db, settings, c);
    return renderPublicity(c.kind, [facts], period);
  },

  /**
   * One publicity list per village and round (SPEC §8.1: villages post one list per round with every household of
   * that round): every case of the village and kind whose publicity started on the same day.
   */
  async publicityList(actor: Actor, q: { village: string; kind: 'inclusion' | 'elimination'; start: string }) {
    requirePermission(actor, 'registry.read');
    const rows = await db
      .selectFrom('cases as c')
      .select(['c.id'])
      .where('c.region_code', '=', q.village)
      .where('c.kind', '=', q.kind)
      .where(scopeFilter(actor, 'c.region_code'))
      .where((eb) => eb.or([eb('c.outcome', 'is', null), eb('c.outcome', '=', 'completed')]))
      .orderBy('c.started_on')
      .orderBy('c.id')
      .execute();
    const members: { facts: Awaited<ReturnType<typeof noticeFacts>>; period: PeriodLike }[] = [];
    for (const r of rows) {
      const c = await casesRepo.find(actor, r.id);
      const period = c && publicityOf(c.state);
      if (!c || !period || period.start !== q.start) continue;
      members.push({ facts: await noticeFacts(db, settings, c), period });
    }
    const first = members[0];
    if (!first) throw new AppError('CASE_NO_PUBLICITY', '该村本轮没有正在或已经公示的农户', { field: 'start' });
    const end = members
      .map((m) => m.period.end)
      .sort()
      .at(-1) as string;
    const period = { ...first.period, end, uncertain: members.some((m) => m.period.uncertain) };
    return {
      households: members.length,
      text: renderPublicity(
        q.kind,
        members.map((m) => m.facts),
        period,
      ),
    };
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
