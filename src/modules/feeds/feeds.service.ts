import type { Writable } from 'node:stream';
import { FEEDS } from '../../domain/feeds/index.ts';
import { notFound } from '../../shared/app-error.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import { reportLayout, writeErrorReportCsv, writeErrorReportXlsx } from './error-report.ts';
import type { BadFeedRow } from './feed-parser.ts';
import { buildFeedTemplateCsv, buildFeedTemplateXlsx, templateFileName } from './feed-template.ts';
import { mayReadOriginalRows } from './feeds.policy.ts';
import type { ImportFilter } from './feeds.repository.ts';
import { type ImportDeps, type ImportInput, importFeedFile } from './import-feed-file.ts';

/**
 * Department feeds (SPEC §10): the published definitions and templates, imports, and the bad-row report of an
 * import. The import itself is import-feed-file.ts.
 */
export const feedsService = (deps: ImportDeps) => {
  const { feedsRepo, cipher, audit } = deps;
  return {
    /** Every department's record kinds with their columns (what a template holds). */
    list() {
      return Object.values(FEEDS).map((f) => ({
        department: f.department,
        name: f.name,
        source: f.source,
        records: f.records.map((r) => ({
          kind: r.kind,
          name: r.name,
          matchBy: r.matchBy,
          signal: r.signal,
          columns: r.columns.map((c) => ({
            key: c.key,
            header: c.header,
            type: c.type,
            required: c.required,
            description: c.description,
            ...(c.enum ? { options: [...new Set(Object.keys(c.enum))] } : {}),
          })),
        })),
      }));
    },

    async template(department: string, kind: string, format: 'xlsx' | 'csv') {
      const fileName = templateFileName(department, kind, format);
      const body =
        format === 'xlsx' ? await buildFeedTemplateXlsx(department, kind) : buildFeedTemplateCsv(department, kind);
      return { fileName, body };
    },

    import(actor: Actor, input: ImportInput) {
      return importFeedFile(deps, actor, input);
    },

    async imports(actor: Actor, filter: ImportFilter) {
      const r = await feedsRepo.list(actor, filter);
      return { ...r, page: filter.page, pageSize: filter.pageSize };
    },

    async get(actor: Actor, id: string) {
      const imp = await feedsRepo.find(actor, id);
      if (!imp) throw notFound('导入批次');
      return imp;
    },

    /**
     * Streams the bad-row report (SPEC §10) of an import the actor may see. The rows as the file had them (ID numbers,
     * diagnoses) are personal data: they are decrypted only for a role with the reveal permission or for the
     * department that sent the file (it must correct its own rows); everyone else gets row, column and reason only.
     * Every download is audited, with whether the originals were included (issue 11 point 5).
     */
    async writeErrors(actor: Actor, id: string, format: 'csv' | 'xlsx', out: Writable) {
      const imp = await this.get(actor, id);
      const originals = mayReadOriginalRows(actor, imp.department);
      await audit.append(actor, {
        action: AuditActions.feedErrorsRead,
        entity: 'feed_import',
        entityId: id,
        regionCode: imp.regionCode,
        after: { format, originals },
      });
      async function* rows(): AsyncGenerator<BadFeedRow> {
        for await (const r of feedsRepo.errors(id)) {
          yield {
            ok: false,
            sheetNo: r.sheet_no,
            rowNumber: r.row_number,
            errors: r.errors as BadFeedRow['errors'],
            original: originals ? (JSON.parse(cipher.decrypt(r.original_enc)) as Record<string, string>) : {},
          };
        }
      }
      const write = format === 'csv' ? writeErrorReportCsv : writeErrorReportXlsx;
      const layout = reportLayout(imp.header);
      return write(rows(), out, originals ? layout : { ...layout, sourceHeaders: [] });
    },

    /** '医疗保障局-住院结算-2026-10-错误报告.csv' */
    errorsFileName(imp: { department: string; period: string }, format: 'csv' | 'xlsx') {
      const name = FEEDS[imp.department as keyof typeof FEEDS]?.name ?? imp.department;
      return `${name}-${imp.period}-错误报告.${format}`;
    },
  };
};

export type FeedsService = ReturnType<typeof feedsService>;
