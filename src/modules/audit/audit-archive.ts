import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../auth/actor.ts';
import { AuditActions } from './audit-actions.ts';
import { verifyAuditChain } from './audit-chain.ts';

/**
 * Audit retention with archive (issue 11 point 4; 等保 2.0 L3: audit records kept at least six months, protected
 * from deletion). `shouxian audit archive --before YYYY-MM` moves the oldest links of the hash chain — those of rows
 * from before the first day of that month, no later than the retention (setting `audit.retentionMonths`, at least
 * six months) allows — to a gzip file of JSON lines that carries the chain, then removes them from the live tables
 * through the one path migration 0170 opens, leaving an anchor (the last archived hash) in audit_archives and an
 * `audit.archived` row in the chain. `verifyAuditChain` starts the live chain from the anchor; `verifyAuditArchive`
 * proves a file on its own and against its anchor.
 *
 * File: line 1 a header {format, version, cutoff, fromSeq, toSeq, startPrev}; then one line per link {seq, prev,
 * hash, row} where row holds the columns as the chain hashes them (audit_row_canonical: time as text, JSON as
 * PostgreSQL prints it); last an end line {end: true, rows, lastHash}.
 */

export const ARCHIVE_FORMAT = 'shouxian-audit-archive';
const ZERO = '0'.repeat(64);
const CHAIN_LOCK = 1100504; // the lock audit_chain_link takes (migration 0050): no link commits meanwhile
const BATCH = 5000;

/** One audit row as audit_row_canonical reads it: text forms, nulls as null. */
export interface ArchivedRow {
  id: string;
  at: string;
  userId: string | null;
  username: string;
  role: string;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string;
  householdId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

interface ArchiveLine {
  seq: string;
  prev: string;
  hash: string;
  row: ArchivedRow;
}

/** sha256(prev || canonical text), as audit_chain_link computes it (0050_audit_chain.sql). */
export function linkHash(prevHex: string, r: ArchivedRow): string {
  const NUL = '\x1e';
  const text = [
    r.id,
    r.at,
    r.userId ?? NUL,
    r.username,
    r.role,
    r.action,
    r.entity,
    r.entityId ?? NUL,
    r.regionCode,
    r.householdId ?? NUL,
    r.before ?? NUL,
    r.after ?? NUL,
    r.ip ?? NUL,
  ].join('\x1f');
  return createHash('sha256').update(Buffer.from(prevHex, 'hex')).update(text, 'utf8').digest('hex');
}

/** First day of a 'YYYY-MM' month at 00:00 China time. */
function monthStart(month: string): Date {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new AppError('VALIDATION', `月份格式应为 YYYY-MM：${month}`, { field: 'before' });
  }
  return new Date(`${month}-01T00:00:00+08:00`);
}

/** `now` minus `months` calendar months. */
function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * The retention in force: the longest of the system value and every region's (a region may only lengthen it), never
 * under six months.
 */
export async function retentionMonths(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  const { rows } = await sql<{ months: number | null }>`
    SELECT max((value->>'months')::int) AS months FROM region_settings WHERE key = 'audit.retentionMonths'`.execute(db);
  return Math.max(6, rows[0]?.months ?? 6);
}

export interface ArchiveReport {
  rows: number;
  fromSeq: string | null;
  toSeq: string | null;
  lastHash: string | null;
  file: string | null;
  fileSha256: string | null;
  retentionMonths: number;
}

const fileSha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Archives the links of rows from before `before` (YYYY-MM) to `out` and removes them from the live tables. Refuses a
 * month inside the retention and a live chain that does not verify. Must run as the owner role on PostgreSQL.
 */
export async function archiveAuditLog(
  db: Kysely<DB>,
  opts: { before: string; out: string; now?: Date; actor: Actor },
): Promise<ArchiveReport> {
  const cutoff = monthStart(opts.before);
  const now = opts.now ?? new Date();
  const months = await retentionMonths(db);
  const latest = monthsBefore(now, months);
  if (cutoff.getTime() > latest.getTime()) {
    throw new AppError(
      'AUDIT_RETENTION',
      `审计日志须至少保存${months}个月：--before 最晚为 ${latest.toISOString().slice(0, 7)}（归档该月1日以前的记录）`,
      { field: 'before', retentionMonths: months },
    );
  }
  if (existsSync(opts.out)) {
    throw new AppError('VALIDATION', `归档文件已存在，不会覆盖：${opts.out}`, { field: 'out' });
  }
  const empty: ArchiveReport = {
    rows: 0,
    fromSeq: null,
    toSeq: null,
    lastHash: null,
    file: null,
    fileSha256: null,
    retentionMonths: months,
  };
  let written = false;
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
      const check = await verifyAuditChain(trx, 5);
      if (!check.ok) {
        throw new AppError(
          'AUDIT_CHAIN_BROKEN',
          '审计日志哈希链校验未通过，不能归档：请先运行 shouxian audit verify 查明',
          {
            problems: check.problems,
          },
        );
      }
      const anchor = await lastAnchor(trx);
      const { rows: bound } = await sql<{ to_seq: string | null }>`
        SELECT coalesce(
          (SELECT min(c.seq) - 1 FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id WHERE a.at >= ${cutoff}),
          (SELECT max(seq) FROM audit_chain))::text AS to_seq`.execute(trx);
      const toSeq = bound[0]?.to_seq ?? null;
      if (toSeq === null || BigInt(toSeq) <= BigInt(anchor.toSeq)) return empty;
      // Only the previous archive's own row is old enough: archiving it alone would just write another such row.
      const { rows: range } = await sql<{ n: string; markers: boolean }>`
        SELECT count(*)::text AS n, bool_and(a.action = ${AuditActions.auditArchived}) AS markers
          FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id
         WHERE c.seq > ${anchor.toSeq} AND c.seq <= ${toSeq}`.execute(trx);
      if (range[0]?.n === '1' && range[0].markers) return empty;

      // The file first: every link read back is checked against the hash recomputed here, so that the file can be
      // verified without the database.
      const gzip = createGzip();
      const file = createWriteStream(opts.out, { flags: 'wx', mode: 0o600 });
      written = true;
      const done = pipeline(gzip, file);
      const write = async (value: unknown) => {
        if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
      };
      const fromSeq = (BigInt(anchor.toSeq) + 1n).toString();
      await write({
        format: ARCHIVE_FORMAT,
        version: 1,
        cutoff: cutoff.toISOString(),
        fromSeq,
        toSeq,
        startPrev: anchor.lastHash,
      });
      let prev = anchor.lastHash;
      let count = 0;
      let after = BigInt(anchor.toSeq);
      for (;;) {
        const batch = await archivedLinks(trx, after.toString(), toSeq);
        if (batch.length === 0) break;
        for (const line of batch) {
          if (line.prev !== prev || linkHash(line.prev, line.row) !== line.hash) {
            throw new AppError('AUDIT_CHAIN_BROKEN', `审计日志第${line.seq}条链接校验未通过，不能归档`, {
              seq: line.seq,
            });
          }
          await write(line);
          prev = line.hash;
          count++;
        }
        after = BigInt((batch[batch.length - 1] as ArchiveLine).seq);
      }
      await write({ end: true, rows: count, lastHash: prev });
      gzip.end();
      await done;
      const sha = fileSha256(opts.out);

      await sql`SELECT set_config('shouxian.audit_archive', 'on', true)`.execute(trx);
      await sql`
        INSERT INTO audit_archives (cutoff, from_seq, to_seq, row_count, start_prev, last_hash, file_name, file_sha256, archived_by)
        VALUES (${cutoff}, ${fromSeq}, ${toSeq}, ${count}, decode(${anchor.lastHash}, 'hex'), decode(${prev}, 'hex'),
                ${opts.out.split('/').pop() ?? opts.out}, ${sha}, ${opts.actor.username})`.execute(trx);
      await sql`
        DELETE FROM audit_log WHERE id IN (SELECT audit_id FROM audit_chain WHERE seq >= ${fromSeq} AND seq <= ${toSeq})`.execute(
        trx,
      );
      await sql`DELETE FROM audit_chain WHERE seq >= ${fromSeq} AND seq <= ${toSeq}`.execute(trx);
      await sql`SELECT set_config('shouxian.audit_archive', 'off', true)`.execute(trx);
      // The anchor again inside the chain: the archive itself is an audited, chained event.
      await trx
        .insertInto('audit_log')
        .values({
          user_id: opts.actor.userId,
          username: opts.actor.username,
          role: opts.actor.role,
          action: AuditActions.auditArchived,
          entity: 'audit_log',
          entity_id: toSeq,
          region_code: '',
          after: JSON.stringify({
            cutoff: cutoff.toISOString(),
            fromSeq,
            toSeq,
            rows: count,
            lastHash: prev,
            file: opts.out.split('/').pop(),
            fileSha256: sha,
          }),
        })
        .execute();
      return { rows: count, fromSeq, toSeq, lastHash: prev, file: opts.out, fileSha256: sha, retentionMonths: months };
    });
  } catch (error) {
    if (written) rmSync(opts.out, { force: true });
    throw error;
  }
}

/** The newest anchor, or the chain's start. */
export async function lastAnchor(q: Kysely<DB> | Transaction<DB>): Promise<{ toSeq: string; lastHash: string }> {
  const { rows } = await sql<{ to_seq: string; last_hash: string }>`
    SELECT to_seq::text, encode(last_hash, 'hex') AS last_hash FROM audit_archives ORDER BY to_seq DESC LIMIT 1`.execute(
    q,
  );
  return rows[0] ? { toSeq: rows[0].to_seq, lastHash: rows[0].last_hash } : { toSeq: '0', lastHash: ZERO };
}

async function archivedLinks(trx: Transaction<DB>, after: string, toSeq: string): Promise<ArchiveLine[]> {
  const { rows } = await sql<{
    seq: string;
    prev: string;
    hash: string;
    id: string;
    at: string;
    user_id: string | null;
    username: string;
    role: string;
    action: string;
    entity: string;
    entity_id: string | null;
    region_code: string;
    household_id: string | null;
    before: string | null;
    after: string | null;
    ip: string | null;
  }>`
    SELECT c.seq::text, encode(c.prev, 'hex') AS prev, encode(c.hash, 'hex') AS hash,
           a.id::text, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at,
           a.user_id::text, a.username, a.role, a.action, a.entity, a.entity_id, a.region_code,
           a.household_id::text, a.before::text AS before, a.after::text AS after, a.ip
      FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id
     WHERE c.seq > ${after} AND c.seq <= ${toSeq}
     ORDER BY c.seq
     LIMIT ${BATCH}`.execute(trx);
  return rows.map((r) => ({
    seq: r.seq,
    prev: r.prev,
    hash: r.hash,
    row: {
      id: r.id,
      at: r.at,
      userId: r.user_id,
      username: r.username,
      role: r.role,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      regionCode: r.region_code,
      householdId: r.household_id,
      before: r.before,
      after: r.after,
      ip: r.ip,
    },
  }));
}

export interface ArchiveVerifyReport {
  ok: boolean;
  rows: number;
  fromSeq: string | null;
  toSeq: string | null;
  lastHash: string | null;
  /** Whether the database holds this archive's anchor (same links, same first and last hash, same file). */
  anchored: boolean;
  problems: {
    kind: 'format' | 'changed' | 'broken_link' | 'missing_link' | 'truncated' | 'not_anchored';
    seq?: string;
    detail?: string;
  }[];
}

/**
 * Proves an archive file: every link recomputed from its row and the previous link, the links consecutive from the
 * header's first to its last, the end line's count and hash; and, with a database, that an anchor there names this
 * file's first and last link and hashes (and its file digest) — so the archive joins the live chain.
 */
export async function verifyAuditArchive(path: string, db?: Kysely<DB>): Promise<ArchiveVerifyReport> {
  const problems: ArchiveVerifyReport['problems'] = [];
  const report = (): ArchiveVerifyReport => ({
    ok: problems.length === 0,
    rows,
    fromSeq: header?.fromSeq ?? null,
    toSeq: header?.toSeq ?? null,
    lastHash: prev,
    anchored,
    problems: problems.slice(0, 100),
  });
  let header: { fromSeq: string; toSeq: string; startPrev: string } | undefined;
  let prev: string | null = null;
  let rows = 0;
  let expected = 0n;
  let ended = false;
  let anchored = false;
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  try {
    for await (const text of lines) {
      if (!text) continue;
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(text) as Record<string, unknown>;
      } catch {
        problems.push({ kind: 'format', detail: `line ${rows + 2} is not JSON` });
        return report();
      }
      if (!header) {
        if (value.format !== ARCHIVE_FORMAT || value.version !== 1) {
          problems.push({ kind: 'format', detail: 'not a Shouxian audit archive' });
          return report();
        }
        header = { fromSeq: String(value.fromSeq), toSeq: String(value.toSeq), startPrev: String(value.startPrev) };
        prev = header.startPrev;
        expected = BigInt(header.fromSeq);
        continue;
      }
      if (ended) {
        problems.push({ kind: 'format', detail: 'lines after the end line' });
        break;
      }
      if (value.end === true) {
        ended = true;
        if (Number(value.rows) !== rows || value.lastHash !== prev) {
          problems.push({ kind: 'truncated', detail: 'end line does not match the links' });
        }
        continue;
      }
      const line = value as unknown as ArchiveLine;
      if (BigInt(line.seq) !== expected) {
        problems.push({ kind: 'missing_link', seq: expected.toString() });
        expected = BigInt(line.seq);
      }
      if (line.prev !== prev) problems.push({ kind: 'broken_link', seq: line.seq });
      if (linkHash(line.prev, line.row) !== line.hash) problems.push({ kind: 'changed', seq: line.seq });
      prev = line.hash;
      rows++;
      expected++;
    }
  } catch (error) {
    problems.push({ kind: 'format', detail: (error as Error).message });
    return report();
  }
  if (!header) {
    problems.push({ kind: 'format', detail: 'empty file' });
    return report();
  }
  if (!ended || (expected - 1n).toString() !== header.toSeq) problems.push({ kind: 'truncated' });
  if (db) {
    const { rows: anchors } = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM audit_archives
       WHERE from_seq = ${header.fromSeq} AND to_seq = ${header.toSeq}
         AND encode(start_prev, 'hex') = ${header.startPrev} AND encode(last_hash, 'hex') = ${prev ?? ''}
         AND file_sha256 = ${fileSha256(path)}`.execute(db);
    anchored = Number(anchors[0]?.n ?? 0) > 0;
    if (!anchored) problems.push({ kind: 'not_anchored' });
  }
  return report();
}
