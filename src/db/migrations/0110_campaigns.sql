-- 0110 special campaigns and spot checks (专项行动, SPEC §15, issue 17): campaigns with task areas and checklists,
-- the problem list (问题清单) tracked to zero, spot checks and 回头看 with their frozen samples and findings.
-- A campaign's region_code is its root region (scope checks are prefix matches on it); scope_codes are the regions
-- it covers inside that root. Task areas and their checklist items are one JSON document per campaign: they are
-- edited as a whole, and problems and findings refer to them by their stable keys.

CREATE TABLE campaigns (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number       integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  region_code  text NOT NULL REFERENCES regions (code),
  name         text NOT NULL,
  scope_codes  text[] NOT NULL,
  starts_on    date NOT NULL,
  ends_on      date NOT NULL CHECK (ends_on >= starts_on),
  areas        jsonb NOT NULL,
  created_by   text NOT NULL,
  user_id      uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  version      integer NOT NULL DEFAULT 1
);
CREATE INDEX campaigns_region_idx ON campaigns (region_code text_pattern_ops);

CREATE TABLE problems (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number            integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  campaign_id       uuid NOT NULL REFERENCES campaigns (id),
  region_code       text NOT NULL REFERENCES regions (code),
  household_id      uuid REFERENCES households (id),
  project           text,
  area_key          text,
  source            text NOT NULL CHECK (source IN ('self_check', 'inspection', 'spot_check', 'audit', 'public_feedback')),
  description       text NOT NULL,
  severity          text NOT NULL DEFAULT 'normal' CHECK (severity IN ('minor', 'normal', 'serious')),
  owner             text NOT NULL,
  deadline          date NOT NULL,
  measures          text NOT NULL DEFAULT '',
  status            text NOT NULL DEFAULT 'rectifying' CHECK (status IN ('rectifying', 'submitted', 'closed', 'overdue')),
  escalated_to      text,
  escalation_levels smallint NOT NULL DEFAULT 0,
  spot_check_id     uuid,
  created_by        text NOT NULL,
  user_id           uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  closed_on         date,
  version           integer NOT NULL DEFAULT 1
);
CREATE INDEX problems_campaign_idx ON problems (campaign_id, region_code);
CREATE INDEX problems_region_idx ON problems (region_code text_pattern_ops);
CREATE INDEX problems_open_deadline_idx ON problems (deadline) WHERE status IN ('rectifying', 'overdue');

-- Every step of a problem, append-only: who reported rectification, who signed off or sent it back, escalations.
CREATE TABLE problem_actions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  problem_id   uuid NOT NULL REFERENCES problems (id),
  type         text NOT NULL CHECK (type IN ('create', 'submit', 'accept', 'reject', 'extend', 'escalate')),
  from_status  text,
  to_status    text NOT NULL,
  note         text NOT NULL DEFAULT '',
  deadline     date,
  region_code  text NOT NULL,
  by_username  text NOT NULL,
  user_id      uuid REFERENCES users (id),
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX problem_actions_problem_idx ON problem_actions (problem_id, id);

CREATE TABLE problem_files (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  problem_id  uuid NOT NULL REFERENCES problems (id),
  region_code text NOT NULL,
  name        text NOT NULL,
  mime        text NOT NULL,
  size        integer NOT NULL,
  sha256      text NOT NULL,
  content     bytea NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX problem_files_problem_idx ON problem_files (problem_id);

-- A spot check (抽查) or 回头看: the seed and ratio it was drawn with, the minimum in force then, and per township
-- how many units there were and how many were drawn. The same campaign, kind, region, ratio and seed is one draw.
CREATE TABLE spot_checks (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number                 integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  campaign_id            uuid NOT NULL REFERENCES campaigns (id),
  kind                   text NOT NULL CHECK (kind IN ('spot_check', 'recheck_households', 'recheck_problems')),
  region_code            text NOT NULL REFERENCES regions (code),
  ratio                  numeric(5, 4) NOT NULL,
  min_ratio              numeric(5, 4) NOT NULL,
  seed                   text NOT NULL,
  households_per_village integer NOT NULL DEFAULT 0,
  strata                 jsonb NOT NULL,
  created_by             text NOT NULL,
  user_id                uuid REFERENCES users (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, kind, region_code, ratio, seed)
);

-- The drawn units: villages, households within them, or closed problems. Frozen once drawn.
CREATE TABLE spot_check_units (
  spot_check_id uuid NOT NULL REFERENCES spot_checks (id),
  unit_type     text NOT NULL CHECK (unit_type IN ('village', 'household', 'problem')),
  unit_id       text NOT NULL,
  region_code   text NOT NULL,
  stratum       text NOT NULL,
  PRIMARY KEY (spot_check_id, unit_type, unit_id)
);

-- What a checker found on one checklist item in a sampled village (and household); a finding of a problem
-- becomes a problem of the campaign (problem_id).
CREATE TABLE spot_check_findings (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  spot_check_id uuid NOT NULL REFERENCES spot_checks (id),
  region_code   text NOT NULL,
  household_id  uuid REFERENCES households (id),
  unit_id       text NOT NULL,
  area_key      text NOT NULL,
  item_key      text NOT NULL,
  result        text NOT NULL CHECK (result IN ('ok', 'problem')),
  note          text NOT NULL DEFAULT '',
  problem_id    uuid REFERENCES problems (id),
  checked_by    text NOT NULL,
  user_id       uuid REFERENCES users (id),
  checked_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spot_check_findings_check_idx ON spot_check_findings (spot_check_id, region_code);

-- Samples, their units and the problem history are records: the database refuses to change or remove them.
CREATE FUNCTION campaign_records_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER spot_checks_frozen BEFORE UPDATE OR DELETE ON spot_checks
  FOR EACH ROW EXECUTE FUNCTION campaign_records_refuse_change();
CREATE TRIGGER spot_check_units_frozen BEFORE UPDATE OR DELETE ON spot_check_units
  FOR EACH ROW EXECUTE FUNCTION campaign_records_refuse_change();
CREATE TRIGGER problem_actions_append_only BEFORE UPDATE OR DELETE ON problem_actions
  FOR EACH ROW EXECUTE FUNCTION campaign_records_refuse_change();
