import type { Kysely } from 'kysely';
import type { TSchema } from 'typebox';
import type { DB } from '../../db/schema.ts';
import type { PiiCipher } from '../../security/pii-cipher.ts';
import type { AuditAction } from '../audit/audit-actions.ts';
import type { Actor } from '../auth/actor.ts';
import type { RegionSettings } from '../settings/region-settings.ts';

/** The ledgers the web app shows that export to Excel (SPEC §12; issue 13 points 4 and 7). */
export const LEDGER_NAMES = [
  'households',
  'monitored',
  'clues',
  'cases',
  'measures',
  'gaps',
  'imports',
  'handover',
  'audit',
] as const;
export type LedgerName = (typeof LEDGER_NAMES)[number];

/** A cell is text or a number: nothing a spreadsheet would run as a formula. */
export type Cell = string | number;

export interface ExportColumn<R> {
  /** Chinese header as the offices write it. */
  header: string;
  width: number;
  value: (r: R) => Cell | null | undefined;
}

/** One worksheet: its title row, its columns and its rows a page at a time (keyset paging, constant memory). */
export interface LedgerSheet<R> {
  name: string;
  title: string;
  columns: readonly ExportColumn<R>[];
  pages: AsyncIterable<R[]>;
  /** Persons of a row when rows are households: the 合计 row then reads "X户Y人" (SPEC §12). */
  persons?: (r: R) => number;
}

/** What a ledger's queries may use: the database, the cipher for a reveal, the clock and region settings. */
export interface LedgerDeps {
  db: Kysely<DB>;
  cipher: PiiCipher;
  settings: Pick<RegionSettings, 'get'>;
  now: () => Date;
}

export interface ExportOptions {
  /** Full ID numbers (only with the reveal permission; the export is then audited as a reveal). */
  reveal: boolean;
}

/**
 * A ledger export: the filters the page shows (a JSON schema, so the direct route and a background job validate the
 * same way), who may export it, how the filters read in the workbook, a row estimate for the progress bar, and its
 * sheets. The writing, the audit, the masking rule and the jobs are shared (`exports.service.ts`).
 */
export interface LedgerDefinition<F extends object = Record<string, unknown>> {
  name: LedgerName;
  /** Workbook title and file name. */
  title: string;
  filters: TSchema;
  /** Whether the ledger writes ID numbers (then `unmasked` is allowed). */
  revealable: boolean;
  audit: AuditAction;
  entity: string;
  /** Throws AppError when the actor may not export it with these filters (first line: permission). */
  authorize(actor: Actor, f: F): void;
  /** The filters in Chinese, for the 筛选条件 row. */
  describe(f: F): string[];
  estimate(deps: LedgerDeps, actor: Actor, f: F): Promise<number>;
  // biome-ignore lint/suspicious/noExplicitAny: each sheet has its own row type; the writer only calls its columns
  sheets(deps: LedgerDeps, actor: Actor, f: F, opts: ExportOptions): LedgerSheet<any>[];
}

/** Declares a sheet with its row type inferred from its pages, so the columns are checked against the query. */
export const defineSheet = <R>(s: LedgerSheet<R>): LedgerSheet<R> => s;

/** Declares a ledger with its filter type checked against its own functions. */
export const defineLedger = <F extends object>(d: LedgerDefinition<F>): LedgerDefinition<F> => d;

/**
 * Keyset paging (never OFFSET: page 500 of a million rows would read 1M rows): `fetch` gets the last row of the
 * previous page (undefined at first) and returns at most `size` rows in a stable order.
 */
export async function* keysetPages<R extends K, K>(
  fetch: (after: K | undefined, size: number) => Promise<R[]>,
  size = 2000,
): AsyncGenerator<R[]> {
  let after: K | undefined;
  for (;;) {
    const rows = await fetch(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1];
  }
}

/** An ID number as the actor may see it: the stored mask, or the decrypted number for a reveal. */
export const idNumberFor = (deps: LedgerDeps, opts: ExportOptions, masked: string | null, enc: string | null) =>
  opts.reveal && enc ? deps.cipher.decrypt(enc) : (masked ?? '');
