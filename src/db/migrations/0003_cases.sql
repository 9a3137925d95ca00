-- 0003 procedures (SPEC §7, §8): household surveys (facts for the assessment), adapted procedure templates,
-- official holiday calendars, cases with their append-only actions, case files and the three notifications.

-- Facts established at a household visit or from department data (risks, sudden event, exclusion facts, consent),
-- and the 风险销号评估认定表 for elimination (kind = 'elimination'). Newest row of a kind is in force.
CREATE TABLE household_surveys (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id  uuid NOT NULL REFERENCES households (id),
  region_code   text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('identification', 'elimination')),
  surveyed_on   date NOT NULL,
  facts         jsonb NOT NULL,
  recorded_by   text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_surveys_household_idx ON household_surveys (household_id, kind, surveyed_on DESC);

-- A county's adaptation of a shipped template (SPEC §8.1): versioned, never updated; running cases keep a snapshot.
CREATE TABLE procedure_templates (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL REFERENCES regions (code),
  code        text NOT NULL,
  version     integer NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('inclusion', 'elimination')),
  body        jsonb NOT NULL,
  set_by      text NOT NULL,
  set_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, code, version)
);

-- Official calendars loaded by an admin when the State Council publishes next year's holidays (SPEC §8.1).
CREATE TABLE official_calendars (
  year       smallint PRIMARY KEY,
  body       jsonb NOT NULL,
  loaded_by  text NOT NULL,
  loaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cases (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code      text NOT NULL,
  household_id     uuid NOT NULL REFERENCES households (id),
  kind             text NOT NULL CHECK (kind IN ('inclusion', 'elimination')),
  template_code    text NOT NULL,
  template_version integer NOT NULL,
  state            jsonb NOT NULL,
  status           text NOT NULL,
  current_step     text,
  current_level    text,
  current_due      date,
  round_month      text,
  started_on       date NOT NULL,
  finished_on      date,
  outcome          text CHECK (outcome IN ('completed', 'rejected', 'closed')),
  clue_id          uuid REFERENCES clues (id),
  assessment       jsonb,
  category         text CHECK (category IN ('unstable', 'marginal', 'sudden')),
  category_reason  text,
  risk_types       text[] NOT NULL DEFAULT '{}',
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
-- One running procedure per household at a time.
CREATE UNIQUE INDEX cases_one_open_idx ON cases (household_id) WHERE outcome IS NULL;
CREATE INDEX cases_region_idx ON cases (region_code text_pattern_ops, outcome, current_due);

CREATE TABLE case_actions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id),
  region_code text NOT NULL,
  seq         integer NOT NULL,
  type        text NOT NULL,
  step_code   text NOT NULL,
  user_id     uuid,
  username    text NOT NULL,
  role        text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  decision    text,
  note        text,
  attachments jsonb NOT NULL DEFAULT '[]',
  meeting     jsonb,
  UNIQUE (case_id, seq)
);
CREATE TRIGGER case_actions_no_update BEFORE UPDATE OR DELETE ON case_actions
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TABLE case_files (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id     uuid NOT NULL REFERENCES cases (id),
  region_code text NOT NULL,
  name        text NOT NULL,
  mime        text NOT NULL,
  size        integer NOT NULL,
  sha256      text NOT NULL,
  content     bytea NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_files_case_idx ON case_files (case_id);

-- 三告知 (SPEC §8.1): acceptance, identification (identified or not, and why), exit.
CREATE TABLE notifications (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id      uuid NOT NULL REFERENCES cases (id),
  household_id uuid NOT NULL REFERENCES households (id),
  region_code  text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('acceptance', 'identification', 'exit')),
  outcome      text NOT NULL,
  text         text NOT NULL,
  issued_on    date NOT NULL,
  revoked_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_case_idx ON notifications (case_id);
CREATE INDEX notifications_household_idx ON notifications (household_id);
