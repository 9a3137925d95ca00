-- 0009 region settings are history (SPEC §3): a change appends a row and the newest row of a level is in force; no row
-- is ever changed or removed, so who set what, when, stays answerable. As for audit_log (0001), the database refuses
-- UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION region_settings_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'region_settings is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER region_settings_no_update BEFORE UPDATE OR DELETE ON region_settings
  FOR EACH ROW EXECUTE FUNCTION region_settings_refuse_change();
CREATE TRIGGER region_settings_no_truncate BEFORE TRUNCATE ON region_settings
  FOR EACH STATEMENT EXECUTE FUNCTION region_settings_refuse_change();
