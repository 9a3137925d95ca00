-- Audit retention with archive (issue 11 point 4; 等保 2.0 L3 安全审计: keep audit records at least six months).
-- `shouxian audit archive --before YYYY-MM` writes the oldest links of the hash chain and their rows to a file, then
-- removes them here through the one path below; each archive leaves an anchor in audit_archives (the hash of its
-- last link), from which `shouxian audit verify` checks the live chain, and an `audit.archived` audit row that
-- repeats the anchor inside the chain.
--
-- Deleting stays refused for everyone else: audit_log_refuse_change lets a DELETE through only when
--   * the transaction set shouxian.audit_archive = 'on' (the archive command does, SET LOCAL),
--   * the current role is (a member of) the table's owner — the application role is not (scripts/postgres-roles.sql
--     also leaves it no DELETE right on these tables), and
--   * the row lies at or before the last archive's anchor, which the same transaction wrote first.
-- UPDATE and TRUNCATE stay refused for all.

CREATE TABLE audit_archives (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  archived_at timestamptz NOT NULL DEFAULT now(),
  -- rows whose time is before this instant (the first day of the --before month, China time) were archived
  cutoff      timestamptz NOT NULL,
  from_seq    bigint NOT NULL,
  to_seq      bigint NOT NULL,
  row_count   bigint NOT NULL,
  -- prev of the first archived link (zero bytes, or the previous archive's last_hash)
  start_prev  bytea NOT NULL,
  -- hash of link to_seq: the first live link's prev
  last_hash   bytea NOT NULL,
  file_name   text NOT NULL,
  file_sha256 text NOT NULL,
  archived_by text NOT NULL,
  CHECK (to_seq >= from_seq)
);

CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  upto bigint;
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME IN ('audit_log', 'audit_chain')
     AND current_setting('shouxian.audit_archive', true) = 'on'
     AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
    SELECT max(to_seq) INTO upto FROM audit_archives;
    IF upto IS NOT NULL THEN
      IF TG_TABLE_NAME = 'audit_chain' THEN
        IF OLD.seq <= upto THEN
          RETURN OLD;
        END IF;
      ELSIF EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = OLD.id AND c.seq <= upto) THEN
        RETURN OLD;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_archives_no_update BEFORE UPDATE OR DELETE ON audit_archives
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_archives_no_truncate BEFORE TRUNCATE ON audit_archives
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- After an archive the live chain may be empty (every link archived): the next link then continues from the newest
-- anchor, not from zero bytes.
CREATE OR REPLACE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  last bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(1100504);
  SELECT hash INTO last FROM audit_chain ORDER BY seq DESC LIMIT 1;
  IF last IS NULL THEN
    SELECT last_hash INTO last FROM audit_archives ORDER BY to_seq DESC LIMIT 1;
  END IF;
  last := coalesce(last, decode(repeat('00', 32), 'hex'));
  INSERT INTO audit_chain (audit_id, prev, hash) VALUES (NEW.id, last, sha256(last || audit_row_canonical(NEW)));
  RETURN NULL;
END;
$$;
