-- Roles for a PostgreSQL deployment (issue 11 point 4; docs/security.md "Audit"). Run as the owner role — the role
-- that ran `shouxian migrate` and owns every table — after each migration:
--   psql "$OWNER_URL" -v app_role=shouxian_app -f scripts/postgres-roles.sql
-- The server then connects as the application role (DATABASE_URL), which may read and write the business tables but
-- may only INSERT into the audit log: it cannot UPDATE, DELETE or TRUNCATE it, cannot disable its triggers (only the
-- owner may ALTER TABLE) and cannot write the hash chain (a SECURITY DEFINER trigger of the owner does).
-- Create the role once beforehand: CREATE ROLE shouxian_app LOGIN PASSWORD '…';

GRANT USAGE ON SCHEMA public TO :"app_role";
REVOKE CREATE ON SCHEMA public FROM :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM :"app_role";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain FROM :"app_role";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM :"app_role";
-- Audit archives (migration 0170): only the owner archives (`shouxian audit archive` with the owner's DATABASE_URL).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_archives FROM :"app_role";
