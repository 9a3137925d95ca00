-- Audit log that cannot be rewritten unseen (issue 11 point 4; 等保 2.0 L3 安全审计 c: protect audit records from
-- unexpected deletion, modification or overwriting). Every audit_log row gets a link in audit_chain:
--   hash = sha256(prev_hash || canonical text of the row), prev_hash of the first link = 32 zero bytes.
-- The link is written at commit (a deferred constraint trigger) under a transaction-scoped advisory lock, so links
-- follow commit order and one long transaction does not hold the chain while it works. Changing, deleting or
-- inserting a row behind the application's back breaks the chain from that row on; `shouxian audit verify` finds it.
-- The trigger function runs as its owner (SECURITY DEFINER): the application role needs no right on audit_chain
-- beyond SELECT (docs/security.md, scripts/postgres-roles.sql).

CREATE TABLE audit_chain (
  seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  audit_id bigint NOT NULL UNIQUE,
  prev     bytea NOT NULL,
  hash     bytea NOT NULL
);

CREATE FUNCTION audit_row_canonical(r audit_log) RETURNS bytea LANGUAGE sql STABLE AS $$
  SELECT convert_to(concat_ws(E'\x1f',
    r.id::text,
    to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(r.user_id::text, E'\x1e'),
    r.username, r.role, r.action, r.entity,
    coalesce(r.entity_id, E'\x1e'),
    r.region_code,
    coalesce(r.household_id::text, E'\x1e'),
    coalesce(r.before::text, E'\x1e'),
    coalesce(r.after::text, E'\x1e'),
    coalesce(r.ip, E'\x1e')), 'UTF8')
$$;

CREATE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  last bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(1100504);
  SELECT hash INTO last FROM audit_chain ORDER BY seq DESC LIMIT 1;
  last := coalesce(last, decode(repeat('00', 32), 'hex'));
  INSERT INTO audit_chain (audit_id, prev, hash) VALUES (NEW.id, last, sha256(last || audit_row_canonical(NEW)));
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER audit_log_chain AFTER INSERT ON audit_log
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_link();

CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Rows written before this migration: linked now, in id order.
DO $$
DECLARE
  r audit_log;
  last bytea := decode(repeat('00', 32), 'hex');
  next bytea;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    next := sha256(last || audit_row_canonical(r));
    INSERT INTO audit_chain (audit_id, prev, hash) VALUES (r.id, last, next);
    last := next;
  END LOOP;
END;
$$;
