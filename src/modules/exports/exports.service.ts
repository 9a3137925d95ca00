import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB, Role } from '../../db/schema.ts';
import { chinaToday } from '../../domain/calendar/index.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import { describeValidation } from '../../server/validation-messages.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import { AuditActions } from '../audit/audit-actions.ts';
import { type Actor, inScope, requirePermission } from '../auth/actor.ts';
import type { RegionsRepository } from '../regions/regions.repository.ts';
import type { RegionSettings } from '../settings/region-settings.ts';
import type { ExportJob, ExportJobsRepository } from './export-jobs.repository.ts';
import { LEDGER_NAMES, type LedgerDefinition, type LedgerDeps, type LedgerName } from './ledger.ts';
import { type Written, writeLedgerWorkbook } from './ledger-workbook.ts';
import { LEDGERS } from './ledgers/index.ts';

interface Deps {
  db: Kysely<DB>;
  cipher: PiiCipher;
  settings: Pick<RegionSettings, 'get'>;
  audit: Pick<AuditRepository, 'append'>;
  regionsRepo: Pick<RegionsRepository, 'path'>;
  jobsRepo: ExportJobsRepository;
  /** Where finished files lie: DATA_DIR/exports. */
  dir: string;
  now?: () => Date;
  logger?: Pick<Logger, 'warn' | 'error' | 'info'>;
}

/** A running job whose heartbeat is older than this is taken to have lost its worker (server stopped). */
export const STALE_SECONDS = 120;
/** A job interrupted this many times is failed rather than started again. */
export const MAX_ATTEMPTS = 3;

// With the formats, `uuid` and `date` filters are checked, not ignored (a bad one would reach the query as a 500).
// ajv-formats is CommonJS: under Node's ESM its default import is module.exports, whose `default` is the plugin.
const ajv = ajvFormats.default(new Ajv({ allErrors: true, coerceTypes: 'array', removeAdditional: false, strict: false }));
const validators = new Map<LedgerName, ValidateFunction>(
  LEDGER_NAMES.map((name) => [name, ajv.compile(LEDGERS[name].filters)]),
);

/** Thrown into a running export when the server stops (the job is resumed at the next start). */
class ShuttingDown extends Error {}
/** Thrown into a running export whose job was cancelled by its owner (its status already says so). */
class Cancelled extends Error {}

export const isLedgerName = (v: string): v is LedgerName => (LEDGER_NAMES as readonly string[]).includes(v);

/** The ID number a household filter searches for is never stored in clear in a job row (SPEC §17). */
function sealFilters(cipher: PiiCipher, f: Record<string, unknown>): Record<string, unknown> {
  const { idNumber, ...rest } = f;
  return typeof idNumber === 'string' ? { ...rest, idNumberEnc: cipher.encrypt(idNumber) } : rest;
}
function openFilters(cipher: PiiCipher, f: Record<string, unknown>): Record<string, unknown> {
  const { idNumberEnc, ...rest } = f;
  return typeof idNumberEnc === 'string' ? { ...rest, idNumber: cipher.decrypt(idNumberEnc) } : rest;
}
/** What the audit row says about the filters: all of them but an ID number searched for (only that there was one). */
function auditedFilters(f: Record<string, unknown>): Record<string, unknown> {
  const { idNumber, ...rest } = f;
  return idNumber === undefined ? rest : { ...rest, byIdNumber: true };
}

const percentOf = (j: Pick<ExportJob, 'status' | 'rowsWritten' | 'totalEstimate'>) => {
  if (j.status === 'done' || j.status === 'expired') return 100;
  const total = Number(j.totalEstimate ?? 0);
  if (total <= 0) return 0;
  return Math.min(99, Math.floor((Number(j.rowsWritten) / total) * 100));
};

export const fileNameOf = (def: LedgerDefinition<never>, f: Record<string, unknown>) =>
  def.name === 'handover' ? `${def.title}_${f.region}_${f.period}.xlsx` : `${def.title}.xlsx`;

/**
 * Ledger exports (SPEC §12, §17; issue 13 points 4 and 7): the one place that validates a ledger's filters, checks
 * who may export and whether full ID numbers may be written, writes the workbook, audits it (as a reveal when full
 * numbers were written), and runs large exports as background jobs whose files are kept for a retention period.
 */
export const exportsService = ({
  db,
  cipher,
  settings,
  audit,
  regionsRepo,
  jobsRepo,
  dir,
  now = () => new Date(),
  logger,
}: Deps) => {
  const ledgerDeps: LedgerDeps = { db, cipher, settings, now };

  /** Checks the ledger, its filters and the permissions; returns the definition and the coerced filters. */
  function prepare(actor: Actor, ledger: string, raw: unknown, reveal: boolean) {
    if (!isLedgerName(ledger)) {
      throw new AppError('VALIDATION', `字段 ledger 的取值无效，可选：${LEDGER_NAMES.join('、')}`, {
        fields: [{ field: 'ledger', message: '不支持导出该台账' }],
      });
    }
    const def = LEDGERS[ledger];
    const filters = structuredClone((raw ?? {}) as Record<string, unknown>);
    const validate = validators.get(ledger) as ValidateFunction;
    if (!validate(filters)) {
      const v = describeValidation(
        (validate.errors ?? []).map((e) => ({ ...e, message: e.message ?? '' })) as never,
        'filters',
      );
      throw new AppError('VALIDATION', v.message, { fields: v.fields });
    }
    def.authorize(actor, filters as never);
    if (reveal) {
      if (!def.revealable) {
        throw new AppError('VALIDATION', '该台账不含身份证号', {
          fields: [{ field: 'unmasked', message: '该台账不含身份证号' }],
        });
      }
      requirePermission(actor, 'pii.reveal');
    }
    // Built here, before any byte is sent: building checks what only the query can (an ID number searched for must
    // be a valid one), so a refusal is still a JSON error. The pages are generators: nothing is read yet.
    const sheets = def.sheets(ledgerDeps, actor, filters as never, { reveal });
    return { def, filters, sheets };
  }

  async function workbookMeta(actor: Actor, def: LedgerDefinition<never>, filters: Record<string, unknown>) {
    const unit = (await regionsRepo.path(actor.regionCode)).map((r) => r.name).join('') || '全国';
    const named = def.describe(filters as never);
    return { unit, date: chinaToday(now()), filters: named.length ? named.join('；') : '全部' };
  }

  async function auditExport(
    actor: Actor,
    def: LedgerDefinition<never>,
    filters: Record<string, unknown>,
    reveal: boolean,
    written: Written,
    extra: Record<string, unknown> = {},
  ) {
    await audit.append(actor, {
      action: reveal ? AuditActions.personRevealId : def.audit,
      entity: def.entity,
      regionCode: actor.regionCode,
      after: { ledger: def.name, ...auditedFilters(filters), export: true, unmasked: reveal, ...written, ...extra },
    });
  }

  const actorOfJob = (j: ExportJob): Actor => ({
    userId: j.userId,
    username: j.username,
    role: j.role as Role,
    regionCode: j.regionCode,
    department: j.department,
  });

  /** The job as its owner sees it; anyone else gets "not found" (never a refusal that confirms it exists). */
  async function ownJob(actor: Actor, id: string) {
    const j = await jobsRepo.find(id);
    if (!j || j.username !== actor.username || j.userId !== actor.userId || !inScope(actor, j.regionCode)) {
      throw notFound('导出任务');
    }
    return j;
  }

  const present = (j: ExportJob) => ({
    id: j.id,
    ledger: j.ledger,
    status: j.status,
    rowsWritten: Number(j.rowsWritten),
    totalEstimate: j.totalEstimate === null ? null : Number(j.totalEstimate),
    percent: percentOf(j),
    fileName: j.fileName,
    fileSize: j.fileSize === null ? null : Number(j.fileSize),
    error: j.error,
    attempts: j.attempts,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
    expiresAt: j.expiresAt,
  });

  let running: Promise<void> | undefined;
  let again = false;
  let stopping = false;

  /** Runs one claimed job to its end: writes the file beside its final name, then renames it; audits the export. */
  async function runJob(j: ExportJob): Promise<void> {
    const actor = actorOfJob(j);
    const filters = openFilters(cipher, j.filters as Record<string, unknown>);
    const part = path.join(dir, `${j.id}.xlsx.part`);
    const final = path.join(dir, `${j.id}.xlsx`);
    try {
      const { def, sheets } = prepare(actor, j.ledger, filters, j.reveal);
      fs.mkdirSync(dir, { recursive: true });
      const total = await def.estimate(ledgerDeps, actor, filters as never);
      await jobsRepo.update(j.id, { total_estimate: total });
      const out = fs.createWriteStream(part);
      const closed = new Promise<void>((resolve, reject) => {
        out.on('close', resolve);
        out.on('error', reject);
      });
      const written = await writeLedgerWorkbook(out, await workbookMeta(actor, def, filters), sheets, async (rows) => {
        if (stopping) throw new ShuttingDown();
        // Cancelled by its owner (from any server): stop between pages; the partial file is removed below.
        if (!(await jobsRepo.progress(j.id, rows))) throw new Cancelled();
      });
      await closed;
      fs.renameSync(part, final);
      const { value } = await settings.get<{ days: number }>('exports.retentionDays', j.regionCode);
      const finishedAt = now();
      const finished = await db.transaction().execute(async (trx) => {
        const marked = await jobsRepo.finish(
          j.id,
          {
            status: 'done',
            rows_written: written.rows,
            file_path: final,
            file_size: fs.statSync(final).size,
            finished_at: finishedAt,
            expires_at: new Date(finishedAt.getTime() + value.days * 86_400_000),
          },
          trx,
        );
        // Cancelled after its last page: nothing is kept and no export happened.
        if (!marked) return false;
        await audit.append(
          actor,
          {
            action: j.reveal ? AuditActions.personRevealId : def.audit,
            entity: def.entity,
            entityId: j.id,
            regionCode: actor.regionCode,
            after: {
              ledger: def.name,
              ...auditedFilters(filters),
              export: true,
              unmasked: j.reveal,
              ...written,
              job: j.id,
            },
          },
          trx,
        );
        return true;
      });
      if (!finished) fs.rmSync(final, { force: true });
    } catch (err) {
      fs.rmSync(part, { force: true });
      if (err instanceof Cancelled) return;
      if (err instanceof ShuttingDown) {
        // Left running with an old heartbeat: the next start takes it up again at once.
        await jobsRepo.update(j.id, { heartbeat_at: new Date(0) });
        return;
      }
      const message = err instanceof AppError ? err.message : '导出失败，请稍后重试或联系管理员';
      logger?.error({ err, job: j.id, ledger: j.ledger }, 'export job failed');
      await jobsRepo.update(j.id, { status: 'failed', error: message, finished_at: now() });
    }
  }

  /** Works through the pending jobs one at a time (a 2-core county server also serves users). */
  function kick(staleSeconds = STALE_SECONDS): Promise<void> {
    if (stopping) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        for (const id of await jobsRepo.pending(staleSeconds)) {
          if (stopping) return;
          const j = await jobsRepo.claim(id, staleSeconds);
          if (!j) continue;
          if (j.attempts > MAX_ATTEMPTS) {
            await jobsRepo.update(j.id, {
              status: 'failed',
              error: '导出多次中断，请重新发起',
              finished_at: now(),
            });
            continue;
          }
          await runJob(j as ExportJob);
        }
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    /** Direct download of a small export: checked and named first (a refusal is a JSON error), then streamed. */
    async stream(actor: Actor, ledger: string, raw: unknown, opts: { reveal?: boolean } = {}) {
      const reveal = opts.reveal === true;
      const { def, filters, sheets } = prepare(actor, ledger, raw, reveal);
      const meta = await workbookMeta(actor, def, filters);
      return {
        fileName: fileNameOf(def, filters),
        /**
         * The response ends only after the audit row is written: the workbook goes through `inner`, which does not
         * end `out`, so a client that has the whole file can rely on its export being in the audit log.
         */
        write: async (out: Writable) => {
          const inner = new PassThrough();
          inner.pipe(out, { end: false });
          const drained = new Promise<void>((resolve) => inner.on('end', resolve));
          const written = await writeLedgerWorkbook(inner, meta, sheets);
          await drained;
          await auditExport(actor, def, filters, reveal, written);
          out.end();
          return written;
        },
      };
    },

    /** Starts a background export (issue 13 point 4: a 1M-row export runs outside the request). */
    async start(actor: Actor, input: { ledger: string; filters?: unknown; unmasked?: boolean }) {
      const reveal = input.unmasked === true;
      const { def, filters } = prepare(actor, input.ledger, input.filters, reveal);
      const id = await db.transaction().execute(async (trx) => {
        const jobId = await jobsRepo.insert(
          {
            user_id: actor.userId,
            username: actor.username,
            role: actor.role,
            region_code: actor.regionCode,
            department: actor.department,
            ledger: def.name,
            filters: JSON.stringify(sealFilters(cipher, filters)),
            reveal,
            file_name: fileNameOf(def, filters),
          },
          trx,
        );
        await audit.append(
          actor,
          {
            action: AuditActions.exportJobCreate,
            entity: 'export_job',
            entityId: jobId,
            regionCode: actor.regionCode,
            after: { ledger: def.name, ...auditedFilters(filters), unmasked: reveal },
          },
          trx,
        );
        return jobId;
      });
      void kick().catch((err) => logger?.error({ err }, 'export runner failed'));
      return present(await ownJob(actor, id));
    },

    async get(actor: Actor, id: string) {
      return present(await ownJob(actor, id));
    },

    async mine(actor: Actor) {
      return { items: (await jobsRepo.ofUser(actor.username)).filter((j) => j.userId === actor.userId).map(present) };
    },

    /**
     * Cancels a queued or running job, for its owner only (issue 13 point 4): a queued job never starts; a running
     * one stops at its next page and its partial file is removed. Audited. A job that has already ended cannot be
     * cancelled (EXPORT_NOT_CANCELLABLE).
     */
    async cancel(actor: Actor, id: string) {
      const j = await ownJob(actor, id);
      const done = await db.transaction().execute(async (trx) => {
        const was = await jobsRepo.cancel(j.id, trx);
        if (!was) return false;
        await audit.append(
          actor,
          {
            action: AuditActions.exportJobCancel,
            entity: 'export_job',
            entityId: j.id,
            regionCode: actor.regionCode,
            before: { status: was.status, rowsWritten: Number(was.rowsWritten) },
            after: { ledger: j.ledger, status: 'cancelled' },
          },
          trx,
        );
        return true;
      });
      if (!done) {
        throw new AppError('EXPORT_NOT_CANCELLABLE', '导出任务已经结束，不能取消', { status: j.status });
      }
      return present(await ownJob(actor, id));
    },

    /** The finished file, for its owner only; the download is audited. */
    async file(actor: Actor, id: string) {
      const j = await ownJob(actor, id);
      if (j.status === 'expired') throw new AppError('EXPORT_EXPIRED', '导出文件已超过保存期限并被清除，请重新导出');
      if (j.status !== 'done' || !j.filePath || !fs.existsSync(j.filePath)) {
        throw new AppError('EXPORT_NOT_READY', '导出尚未完成');
      }
      await audit.append(actor, {
        action: AuditActions.exportFileRead,
        entity: 'export_job',
        entityId: j.id,
        regionCode: actor.regionCode,
        after: { ledger: j.ledger, rows: Number(j.rowsWritten) },
      });
      return { fileName: j.fileName, stream: fs.createReadStream(j.filePath) };
    },

    /**
     * Start-up and periodic sweep: jobs that lost their worker are started again from the beginning (at most
     * MAX_ATTEMPTS times, then failed), and files past their retention are deleted. `exclusive`: this process is
     * the only one (embedded engine), so every running job is orphaned.
     */
    async sweep(opts: { exclusive?: boolean } = {}) {
      let removed = 0;
      for (const e of await jobsRepo.expired(now())) {
        if (e.filePath) fs.rmSync(e.filePath, { force: true });
        await jobsRepo.update(e.id, { status: 'expired', file_path: null });
        removed++;
      }
      await kick(opts.exclusive ? 0 : STALE_SECONDS);
      return { removed };
    },

    /** Waits for the background runner (tests). */
    idle: () => running ?? Promise.resolve(),

    /**
     * Server shutdown: no new job is taken and the running one stops at its next page, its partial file removed. It
     * and the queued ones are taken up by the next start's sweep (docs/decisions/0026).
     */
    async stop() {
      stopping = true;
      await running;
    },
  };
};

export type ExportsService = ReturnType<typeof exportsService>;
