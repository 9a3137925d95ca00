import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AuditActions } from './audit-actions.ts';

/**
 * Verification of the audit log's hash chain (issue 11 point 4; migration 0050). One set-based pass recomputes every
 * link from the stored row and the previous link, and finds: a changed row (its hash no longer matches), a removed or
 * reordered link (prev ≠ the previous hash), a removed row (a link without its row) and a row written with the
 * trigger disabled (a row without a link). A row and its link commit together, so an open transaction shows neither.
 */
export interface AuditChainReport {
  ok: boolean;
  links: number;
  /** The last link: write it down (or send it off the machine) to notice a chain rebuilt from scratch later. */
  head: { seq: string; auditId: string; hash: string } | null;
  problems: {
    kind: 'changed' | 'broken_link' | 'missing_row' | 'unlinked_row' | 'archive_anchor';
    auditId: string;
    seq?: string;
  }[];
  /** The newest archive's anchor (migration 0170), from which the live chain is checked; null before any archive. */
  anchor: { toSeq: string; lastHash: string } | null;
}

const ZERO = '0'.repeat(64);

export async function verifyAuditChain(db: Kysely<DB>, limit = 100): Promise<AuditChainReport> {
  // After an archive (audit-archive.ts) the live chain starts at the link after the anchor's, whose prev is the
  // anchor's hash; the anchor is repeated in the `audit.archived` row written with it, which is itself in the chain.
  const { rows: problems } = await sql<{
    kind: AuditChainReport['problems'][number]['kind'];
    auditId: string;
    seq: string | null;
  }>`
    WITH anchor AS (
      SELECT to_seq, last_hash FROM audit_archives ORDER BY to_seq DESC LIMIT 1
    ),
    links AS (
      SELECT c.seq, c.audit_id, c.prev, c.hash, a.id AS row_id,
             CASE WHEN a.id IS NULL THEN NULL ELSE sha256(c.prev || audit_row_canonical(a)) END AS recomputed,
             lag(c.hash) OVER (ORDER BY c.seq) AS previous
        FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.audit_id
    )
    SELECT 'missing_row' AS kind, audit_id::text AS "auditId", seq::text AS seq FROM links WHERE row_id IS NULL
    UNION ALL
    SELECT 'changed', audit_id::text, seq::text FROM links WHERE row_id IS NOT NULL AND recomputed <> hash
    UNION ALL
    SELECT 'broken_link', audit_id::text, seq::text FROM links
     WHERE prev <> coalesce(previous, (SELECT last_hash FROM anchor), decode(${ZERO}, 'hex'))
    UNION ALL
    SELECT 'broken_link', audit_id::text, seq::text FROM links WHERE seq <= (SELECT to_seq FROM anchor)
    UNION ALL
    SELECT 'archive_anchor', to_seq::text, NULL FROM anchor
     WHERE NOT EXISTS (
       SELECT 1 FROM audit_log a JOIN audit_chain c ON c.audit_id = a.id
        WHERE a.action = ${AuditActions.auditArchived} AND c.seq > anchor.to_seq
          AND a.after->>'toSeq' = anchor.to_seq::text AND a.after->>'lastHash' = encode(anchor.last_hash, 'hex'))
    UNION ALL
    SELECT 'unlinked_row', a.id::text, NULL FROM audit_log a
     WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)
    ORDER BY 3 NULLS LAST, 2
    LIMIT ${limit}`.execute(db);
  const head = await db
    .selectFrom('audit_chain')
    .select(['seq', 'audit_id', sql<string>`encode(hash, 'hex')`.as('hash')])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const count = await db
    .selectFrom('audit_chain')
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const anchor = await sql<{ toSeq: string; lastHash: string }>`
    SELECT to_seq::text AS "toSeq", encode(last_hash, 'hex') AS "lastHash"
      FROM audit_archives ORDER BY to_seq DESC LIMIT 1`.execute(db);
  return {
    anchor: anchor.rows[0] ?? null,
    ok: problems.length === 0,
    links: Number(count.n),
    head: head ? { seq: String(head.seq), auditId: String(head.audit_id), hash: head.hash } : null,
    problems: problems.map((p) => ({ kind: p.kind, auditId: p.auditId, ...(p.seq ? { seq: p.seq } : {}) })),
  };
}
