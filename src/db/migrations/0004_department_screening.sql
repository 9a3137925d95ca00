-- 0004 department data (SPEC §10): feed imports loaded in whole batches, department records matched to persons by
-- the keyed hash of the ID number, screening rules as data with per-region thresholds and history, screening hits and
-- data-quality items; data cleaning problems (SPEC §17); regional risk events and their exposed households (SPEC §11).

-- One upload of one department file. The same file (same SHA-256) for the same department, region and period is the
-- same import: loading it again returns this row, and an interrupted load resumes after its last committed batch.
CREATE TABLE feed_imports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department    text NOT NULL,
  record_kind   text,
  region_code   text NOT NULL REFERENCES regions (code),
  period        text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  file_name     text NOT NULL,
  file_sha256   text NOT NULL,
  status        text NOT NULL DEFAULT 'loading' CHECK (status IN ('loading', 'loaded', 'failed')),
  batch_size    integer NOT NULL CHECK (batch_size > 0),
  batches       integer NOT NULL DEFAULT 0,
  rows_good     integer NOT NULL DEFAULT 0,
  rows_bad      integer NOT NULL DEFAULT 0,
  rows_new      integer NOT NULL DEFAULT 0,
  hits          integer NOT NULL DEFAULT 0,
  clues         integer NOT NULL DEFAULT 0,
  header        jsonb,
  error         text,
  imported_by   text NOT NULL,
  user_id       uuid,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  UNIQUE (department, region_code, period, file_sha256)
);
CREATE INDEX feed_imports_region_idx ON feed_imports (region_code text_pattern_ops, started_at DESC);

-- Bookkeeping of each committed batch, written in the batch's own transaction (a crash leaves whole batches only).
CREATE TABLE feed_import_batches (
  import_id    uuid NOT NULL REFERENCES feed_imports (id),
  batch_no     integer NOT NULL,
  first_row    integer NOT NULL,
  last_row     integer NOT NULL,
  rows_good    integer NOT NULL,
  rows_bad     integer NOT NULL,
  rows_new     integer NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (import_id, batch_no)
);

-- Bad rows with every reason. The row as the file had it may hold an ID number: it is stored encrypted.
CREATE TABLE feed_import_errors (
  import_id    uuid NOT NULL REFERENCES feed_imports (id),
  batch_no     integer NOT NULL,
  row_number   integer NOT NULL,
  errors       jsonb NOT NULL,
  original_enc text NOT NULL,
  PRIMARY KEY (import_id, row_number)
);

-- Department records. Identity: (region, row hash) — the row hash covers department, record kind and every value, so
-- the same row in a later period's file (rolling extracts) is the same fact and is kept once (first import wins).
CREATE TABLE feed_records (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id        uuid NOT NULL REFERENCES feed_imports (id),
  batch_no         integer NOT NULL,
  row_number       integer NOT NULL,
  department       text NOT NULL,
  record_kind      text NOT NULL,
  region_code      text NOT NULL,
  period           text NOT NULL,
  row_hash         bytea NOT NULL,
  id_number_hash   text,
  id_number_masked text,
  id_number_enc    text,
  subject_region   text,
  data             jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX feed_records_identity_idx ON feed_records (region_code, row_hash);
CREATE INDEX feed_records_batch_idx ON feed_records (import_id, batch_no);
CREATE INDEX feed_records_kind_idx ON feed_records (department, record_kind);
CREATE INDEX feed_records_person_idx ON feed_records (id_number_hash) WHERE id_number_hash IS NOT NULL;

-- Screening rules as data (SPEC §10): the condition is a JSON structure of a whitelisted condition kind (no SQL from
-- users); thresholds are named numbers the condition refers to. Regions override thresholds and enablement in
-- screening_rule_settings (rows appended, never updated: the newest row at the nearest level is in force).
CREATE TABLE screening_rules (
  code           text PRIMARY KEY,
  name           text NOT NULL,
  department     text NOT NULL,
  record_kind    text NOT NULL,
  condition_kind text NOT NULL CHECK (condition_kind IN ('record_test', 'household_sum_window', 'household_per_capita', 'period_drop')),
  condition      jsonb NOT NULL,
  thresholds     jsonb NOT NULL DEFAULT '{}',
  signal         text NOT NULL CHECK (signal IN ('risk', 'watch', 'check', 'exclusion', 'social')),
  risk_type      text CHECK (risk_type IN ('income', 'education', 'medical', 'housing', 'water', 'industry_employment', 'other')),
  exclusion_item smallint CHECK (exclusion_item BETWEEN 1 AND 10),
  severity       text NOT NULL CHECK (severity IN ('low', 'normal', 'high')),
  finding        text NOT NULL,
  enabled        boolean NOT NULL DEFAULT true,
  sort_order     integer NOT NULL DEFAULT 0
);

CREATE TABLE screening_rule_settings (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_code   text NOT NULL REFERENCES screening_rules (code),
  region_code text NOT NULL REFERENCES regions (code),
  thresholds  jsonb NOT NULL DEFAULT '{}',
  enabled     boolean NOT NULL DEFAULT true,
  set_by      uuid,
  set_by_name text NOT NULL,
  set_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX screening_rule_settings_lookup_idx ON screening_rule_settings (rule_code, region_code, set_at DESC);

CREATE TABLE screening_runs (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code   text NOT NULL,
  trigger       text NOT NULL CHECK (trigger IN ('manual', 'schedule', 'import')),
  import_id     uuid REFERENCES feed_imports (id),
  as_of         date NOT NULL,
  rules         integer NOT NULL DEFAULT 0,
  hits          integer NOT NULL DEFAULT 0,
  clues_created integer NOT NULL DEFAULT 0,
  clues_merged  integer NOT NULL DEFAULT 0,
  quality_items integer NOT NULL DEFAULT 0,
  started_by    text NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX screening_runs_region_idx ON screening_runs (region_code text_pattern_ops, started_at DESC);

-- Every hit once: (rule, facts) is unique, so screening the same data again finds nothing new. clue_key is the
-- ledger's fact_key of the clue the hit raised or was merged into; NULL when no clue (exclusion signal on a household
-- that is not monitored: kept here as evidence for identification, SPEC §7.2 "never apply an exclusion silently").
CREATE TABLE screening_hits (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_code    text NOT NULL REFERENCES screening_rules (code),
  fact_hash    text NOT NULL,
  run_id       uuid NOT NULL REFERENCES screening_runs (id),
  record_id    bigint REFERENCES feed_records (id),
  household_id uuid REFERENCES households (id),
  person_id    uuid REFERENCES persons (id),
  region_code  text NOT NULL,
  facts        jsonb NOT NULL DEFAULT '{}',
  finding      text NOT NULL,
  clue_key     text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (rule_code, fact_hash)
);
CREATE INDEX screening_hits_household_idx ON screening_hits (household_id) WHERE household_id IS NOT NULL;

-- A hit on a person who is not in the registry (SPEC §10: "becomes a data-quality item, not a lost record").
CREATE TABLE data_quality_items (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('unmatched_person')),
  record_id        bigint NOT NULL REFERENCES feed_records (id),
  rule_code        text NOT NULL REFERENCES screening_rules (code),
  department       text NOT NULL,
  region_code      text NOT NULL,
  name             text,
  id_number_masked text,
  reason           text NOT NULL,
  run_id           uuid NOT NULL REFERENCES screening_runs (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  resolved_at      timestamptz,
  UNIQUE (record_id, kind)
);
CREATE INDEX data_quality_items_region_idx ON data_quality_items (region_code text_pattern_ops, created_at DESC);

-- 数据清洗 (SPEC §17): the problems found by the last cleaning run over a region (a run replaces its region's rows).
CREATE TABLE cleaning_runs (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code text NOT NULL,
  year        smallint NOT NULL,
  problems    integer NOT NULL DEFAULT 0,
  started_by  text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE cleaning_problems (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id       uuid NOT NULL REFERENCES cleaning_runs (id),
  rule_code    text NOT NULL,
  region_code  text NOT NULL,
  household_id uuid REFERENCES households (id),
  person_id    uuid REFERENCES persons (id),
  reason       text NOT NULL,
  details      jsonb NOT NULL DEFAULT '{}',
  found_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cleaning_problems_region_idx ON cleaning_problems (region_code text_pattern_ops, rule_code);

-- 区域性、规模性返贫风险 (SPEC §11): an event for a region (and a product or industry), the households found exposed.
CREATE TABLE regional_risk_events (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code        text NOT NULL REFERENCES regions (code),
  event_type         text NOT NULL CHECK (event_type IN ('natural_disaster', 'epidemic', 'price_fall', 'unemployment',
                                                         'industry_failure', 'relocation_site')),
  title              text NOT NULL,
  description        text NOT NULL DEFAULT '',
  product            text,
  industry           text,
  started_on         date NOT NULL,
  ended_on           date,
  exposure           jsonb NOT NULL DEFAULT '{}',
  risk_types         text[] NOT NULL DEFAULT '{}',
  households_exposed integer NOT NULL DEFAULT 0,
  clues_created      integer NOT NULL DEFAULT 0,
  clues_merged       integer NOT NULL DEFAULT 0,
  recorded_by        text NOT NULL,
  user_id            uuid,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regional_risk_events_region_idx ON regional_risk_events (region_code text_pattern_ops, started_on DESC);

CREATE TABLE regional_risk_households (
  event_id     uuid NOT NULL REFERENCES regional_risk_events (id),
  household_id uuid NOT NULL REFERENCES households (id),
  region_code  text NOT NULL,
  reason       text NOT NULL,
  PRIMARY KEY (event_id, household_id)
);
