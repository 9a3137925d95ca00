-- 0005 assistance (帮扶, SPEC §9): measures with their progress, the 帮扶责任人 of each household with history, the
-- yearly effectiveness review per village (帮扶成效评议) and the backstop linkage with civil affairs (兜底保障).
-- Every table carries region_code (the household's village code) for scope checks by prefix.

CREATE TABLE measures (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id        uuid NOT NULL REFERENCES households (id),
  region_code         text NOT NULL,
  type                text NOT NULL,           -- one of the ten measure types (博尔塔拉 §六)
  subtype             text NOT NULL,           -- catalogue code (stable)
  name                text NOT NULL,           -- sub-type name in the region's catalogue when assigned
  line_of_defence     text NOT NULL CHECK (line_of_defence IN ('development', 'protective', 'spiritual')),
  answers_risks       text[] NOT NULL DEFAULT '{}',
  content             text NOT NULL,
  department          text NOT NULL,           -- responsible department code
  responsible_person  text,
  start_on            date,
  planned_end_on      date,
  amount              numeric(14, 2) CHECK (amount >= 0),
  fund_source         text,
  status              text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
  result              text,
  finished_on         date,
  -- How the measure came about: a suggestion accepted as is, a suggestion changed, added by staff, or matched
  -- from civil-affairs data / a backstop decision (nothing is applied silently, SPEC §9).
  origin              text NOT NULL CHECK (origin IN ('accepted', 'changed', 'added', 'backstop')),
  suggestion_rule     text,
  suggestion_reason   text,
  version             integer NOT NULL DEFAULT 1,
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_end_on IS NULL OR start_on IS NULL OR planned_end_on >= start_on),
  CHECK (status NOT IN ('completed', 'cancelled') OR length(coalesce(result, '')) > 0)
);
CREATE INDEX measures_household_idx ON measures (household_id);
CREATE INDEX measures_region_idx ON measures (region_code text_pattern_ops, status);
CREATE INDEX measures_department_idx ON measures (department, region_code text_pattern_ops);

CREATE TABLE measure_progress (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  measure_id   uuid NOT NULL REFERENCES measures (id),
  region_code  text NOT NULL,
  noted_on     date NOT NULL,
  note         text NOT NULL CHECK (length(note) > 0),
  status_after text NOT NULL,
  recorded_by  text NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measure_progress_measure_idx ON measure_progress (measure_id, id);

-- 帮扶责任人: rows are appended; the newest row of a household is in force and is copied to households.responsible_*.
CREATE TABLE responsible_assignments (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  household_id uuid NOT NULL REFERENCES households (id),
  region_code  text NOT NULL,
  name         text NOT NULL,
  phone        text NOT NULL,
  unit         text NOT NULL,
  assigned_on  date NOT NULL,
  due_on       date,                       -- inclusion date + the region's assistance.responsibleDays
  assigned_by  text NOT NULL,
  assigned_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX responsible_assignments_household_idx ON responsible_assignments (household_id, id DESC);

-- 帮扶成效评议: one round is one village meeting in a year; each household reviewed in it once.
CREATE TABLE effectiveness_reviews (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code  text NOT NULL REFERENCES regions (code),
  year         smallint NOT NULL,
  meeting_date date NOT NULL,
  attendees    text[] NOT NULL,
  minutes      text NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX effectiveness_reviews_region_idx ON effectiveness_reviews (region_code text_pattern_ops, year);

CREATE TABLE effectiveness_review_households (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id    uuid NOT NULL REFERENCES effectiveness_reviews (id),
  household_id uuid NOT NULL REFERENCES households (id),
  region_code  text NOT NULL,
  judgement    jsonb NOT NULL,              -- what the meeting judged (targeted, effective, risk points, income …)
  outcome      text NOT NULL CHECK (outcome IN ('start_elimination', 'continue_assistance', 'keep_monitoring')),
  reasons      jsonb NOT NULL,
  follow_ups   jsonb NOT NULL,
  findings     jsonb NOT NULL,
  case_id      uuid,                        -- elimination procedure started by the outcome
  clue_id      uuid,                        -- or the ledger entry that hands it over (until procedures are wired)
  reviewed_by  text NOT NULL,
  reviewed_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (review_id, household_id)
);
CREATE INDEX effectiveness_review_households_household_idx ON effectiveness_review_households (household_id);

-- 兜底保障 linkage with civil affairs (SPEC §9, 枣庄 两项机制衔接): proposals and civil affairs' decisions, and
-- recipients found in civil-affairs data (decided_via = 'feed_match').
CREATE TABLE backstop_proposals (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id    uuid NOT NULL REFERENCES households (id),
  region_code     text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('dibao', 'tekun')),
  reason          text NOT NULL CHECK (length(reason) > 0),
  status          text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected')),
  granted_kind    text CHECK (granted_kind IN ('dibao', 'tekun')),
  decided_on      date,
  decision_note   text,
  decided_by_name text,
  decided_via     text CHECK (decided_via IN ('decision', 'feed_match')),
  measure_id      uuid REFERENCES measures (id),
  proposed_by     text NOT NULL,
  proposed_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'proposed') = (decided_on IS NULL)),
  CHECK (status <> 'approved' OR granted_kind IS NOT NULL)
);
CREATE UNIQUE INDEX backstop_proposals_open_idx ON backstop_proposals (household_id) WHERE status = 'proposed';
CREATE INDEX backstop_proposals_region_idx ON backstop_proposals (region_code text_pattern_ops, status);
