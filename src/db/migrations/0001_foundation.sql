-- 0001 foundation: regions, users and sessions, registry (households, persons, income), monitoring lines,
-- per-region settings with history, and the append-only audit log (SPEC §3, §4, §17).
-- Every table holding monitoring data carries region_code (the village code for registry rows) so that it can be
-- partitioned or distributed by county later; scope checks are prefix matches on it.

CREATE TABLE regions (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 5), -- 1 province … 5 village
  parent_code text REFERENCES regions (code),
  loaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regions_parent_idx ON regions (parent_code);

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('village', 'township', 'county', 'department', 'supervisor', 'admin')),
  region_code   text NOT NULL REFERENCES regions (code),
  department    text,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'department') = (department IS NOT NULL))
);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE households (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code         text NOT NULL REFERENCES regions (code),
  code                text NOT NULL UNIQUE,
  address             text NOT NULL DEFAULT '',
  head_person_id      uuid,
  lifted_out          boolean NOT NULL DEFAULT false,
  lifted_out_year     smallint,
  monitoring_status   text NOT NULL DEFAULT 'none' CHECK (monitoring_status IN ('none', 'monitored', 'eliminated')),
  category            text CHECK (category IN ('unstable', 'marginal', 'sudden')),
  risk_types          text[] NOT NULL DEFAULT '{}',
  included_on         date,
  eliminated_on       date,
  responsible_person  text,
  responsible_phone   text,
  labor_summary       text CHECK (labor_summary IN ('has', 'partial', 'none')),
  backstop            text CHECK (backstop IN ('dibao', 'tekun')),
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((monitoring_status = 'monitored') = (category IS NOT NULL) OR monitoring_status = 'eliminated')
);
CREATE INDEX households_region_idx ON households (region_code text_pattern_ops);
CREATE INDEX households_status_idx ON households (monitoring_status) WHERE monitoring_status <> 'none';

CREATE TABLE persons (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id        uuid NOT NULL REFERENCES households (id),
  region_code         text NOT NULL,
  name                text NOT NULL,
  -- ID number: AES-256-GCM ciphertext (base64 iv|tag|data), keyed HMAC-SHA-256 for exact matching, and the
  -- masked form for display (SPEC §17). The plain number is never stored.
  id_number_enc       text NOT NULL,
  id_number_hash      text NOT NULL UNIQUE,
  id_number_masked    text NOT NULL,
  birth_date          date NOT NULL,
  sex                 text NOT NULL CHECK (sex IN ('male', 'female')),
  relation            text NOT NULL CHECK (relation IN ('head', 'spouse', 'child', 'child_in_law', 'grandchild', 'parent',
                                                       'grandparent', 'sibling', 'other')),
  status              text NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'deceased', 'imprisoned', 'missing', 'not_sharing')),
  health              text NOT NULL DEFAULT 'healthy' CHECK (health IN ('healthy', 'chronic', 'serious', 'disabled')),
  disability_category text,
  disability_level    smallint CHECK (disability_level BETWEEN 1 AND 4),
  labor               text NOT NULL DEFAULT 'full' CHECK (labor IN ('full', 'partial', 'none', 'not_working_age')),
  education           text CHECK (education IN ('preschool', 'compulsory', 'high_school', 'vocational', 'university', 'dropout')),
  employment          text CHECK (employment IN ('local', 'outside', 'public_welfare', 'none')),
  employment_months   smallint CHECK (employment_months BETWEEN 0 AND 12),
  insured_medical     boolean NOT NULL DEFAULT true,
  insured_pension     boolean NOT NULL DEFAULT false,
  public_servant      boolean NOT NULL DEFAULT false,
  paid_village_cadre  boolean NOT NULL DEFAULT false,
  phone               text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((health = 'disabled') = (disability_level IS NOT NULL))
);
CREATE INDEX persons_household_idx ON persons (household_id);
CREATE INDEX persons_region_idx ON persons (region_code text_pattern_ops);
CREATE INDEX persons_name_idx ON persons (name);

ALTER TABLE households ADD CONSTRAINT households_head_fk FOREIGN KEY (head_person_id) REFERENCES persons (id)
  DEFERRABLE INITIALLY DEFERRED;

-- 收入支出: yuan with two decimals, one row per household, year and survey (SPEC §4.3); figures of every survey kept.
CREATE TABLE household_incomes (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id      uuid NOT NULL REFERENCES households (id),
  region_code       text NOT NULL,
  year              smallint NOT NULL,
  survey            text NOT NULL DEFAULT 'annual',
  surveyed_on       date,
  wage              numeric(14, 2) NOT NULL DEFAULT 0 CHECK (wage >= 0),
  business_gross    numeric(14, 2) NOT NULL DEFAULT 0 CHECK (business_gross >= 0),
  business_cost     numeric(14, 2) NOT NULL DEFAULT 0 CHECK (business_cost >= 0),
  property          numeric(14, 2) NOT NULL DEFAULT 0 CHECK (property >= 0),
  transfer          numeric(14, 2) NOT NULL DEFAULT 0 CHECK (transfer >= 0),
  medical_expense   numeric(14, 2) NOT NULL DEFAULT 0 CHECK (medical_expense >= 0),
  education_expense numeric(14, 2) NOT NULL DEFAULT 0 CHECK (education_expense >= 0),
  disaster_loss     numeric(14, 2) NOT NULL DEFAULT 0 CHECK (disaster_loss >= 0),
  accident_expense  numeric(14, 2) NOT NULL DEFAULT 0 CHECK (accident_expense >= 0),
  member_count      smallint NOT NULL CHECK (member_count >= 0),
  recorded_by       uuid,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (household_id, year, survey)
);
CREATE INDEX household_incomes_region_year_idx ON household_incomes (region_code text_pattern_ops, year);

-- 监测线 per region and year; rows are never updated: the newest row for (region, year) is in force (SPEC §4.4).
CREATE TABLE monitoring_lines (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL REFERENCES regions (code),
  year        smallint NOT NULL,
  amount      numeric(10, 2) NOT NULL CHECK (amount > 0),
  basis       text NOT NULL DEFAULT '',
  set_by      uuid,
  set_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_lines_lookup_idx ON monitoring_lines (region_code, year, set_at DESC);

-- Per-region configuration with history (thresholds, deadlines, templates): newest row in force (SPEC §3).
CREATE TABLE region_settings (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL REFERENCES regions (code),
  key         text NOT NULL,
  value       jsonb NOT NULL,
  set_by      uuid,
  set_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_settings_lookup_idx ON region_settings (key, region_code, set_at DESC);

-- Append-only audit log (SPEC §17). The triggers below refuse UPDATE and DELETE for every role.
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  user_id      uuid,
  username     text NOT NULL,
  role         text NOT NULL,
  action       text NOT NULL,
  entity       text NOT NULL,
  entity_id    text,
  region_code  text NOT NULL,
  household_id uuid,
  before       jsonb,
  after        jsonb,
  ip           text
);
CREATE INDEX audit_log_region_idx ON audit_log (region_code text_pattern_ops, at DESC);
CREATE INDEX audit_log_household_idx ON audit_log (household_id, at DESC) WHERE household_id IS NOT NULL;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
