-- 0090 assistance-fund projects (衔接资金项目, SPEC §13, issue 15): the project library with its status history,
-- the monthly milestone plan, monthly progress reports and the households that benefit (联农带农).
-- A project's region_code is where it is built (county, township or village); scope checks are prefix matches on
-- it. The 红黄蓝 colour is computed from plan and progress with the region's rules (setting `projects.rules`), never
-- stored, so a change of rules or a late report shows at once.

CREATE TABLE projects (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number           integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  region_code      text NOT NULL REFERENCES regions (code),
  year             smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  name             text NOT NULL,
  type             text NOT NULL,
  status           text NOT NULL DEFAULT 'proposed'
                   CHECK (status IN ('proposed', 'reviewing', 'approved', 'implementing', 'accepted', 'operating', 'withdrawn')),
  -- [{ level: central|provincial|city|county, source: linkage|other, amountYuan }]
  funds            jsonb NOT NULL,
  linkage_yuan     numeric(14,2) NOT NULL CHECK (linkage_yuan >= 0),
  total_yuan       numeric(14,2) NOT NULL CHECK (total_yuan > 0),
  task_force       text NOT NULL,
  manager          text NOT NULL,
  manager_phone    text,
  key_project      boolean NOT NULL DEFAULT false,
  -- 重点帮包: { city, district, town } responsible persons
  key_responsible  jsonb NOT NULL DEFAULT '{}',
  description      text NOT NULL DEFAULT '',
  publicity_from   date,
  publicity_to     date,
  exit_reason      text,
  import_key       text,
  created_by       text NOT NULL,
  user_id          uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX projects_region_idx ON projects (region_code text_pattern_ops, year);
CREATE UNIQUE INDEX projects_import_key_idx ON projects (import_key) WHERE import_key IS NOT NULL;

-- Every status change, append-only (有进有出: entry, review, approval, implementation, acceptance, exit).
CREATE TABLE project_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id   uuid NOT NULL REFERENCES projects (id),
  from_status  text,
  to_status    text NOT NULL,
  note         text NOT NULL DEFAULT '',
  on_date      date NOT NULL,
  by_username  text NOT NULL,
  user_id      uuid REFERENCES users (id),
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_events_project_idx ON project_events (project_id, id);

-- The monthly plan: milestones due in the month and the cumulative share of funds planned to be paid by its end.
CREATE TABLE project_plan_months (
  project_id     uuid NOT NULL REFERENCES projects (id),
  month          text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  milestones     text[] NOT NULL DEFAULT '{}',
  payment_share  numeric(5,4) NOT NULL CHECK (payment_share BETWEEN 0 AND 1),
  PRIMARY KEY (project_id, month)
);

-- One progress report per project and month (a second report of the month replaces the first; the audit log
-- keeps both): milestones reached in the month, cumulative share of works done and cumulative funds paid.
CREATE TABLE project_progress (
  project_id    uuid NOT NULL REFERENCES projects (id),
  month         text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  milestones    text[] NOT NULL DEFAULT '{}',
  works_share   numeric(5,4) NOT NULL CHECK (works_share BETWEEN 0 AND 1),
  paid_yuan     numeric(14,2) NOT NULL CHECK (paid_yuan >= 0),
  note          text NOT NULL DEFAULT '',
  evidence      text[] NOT NULL DEFAULT '{}',
  reported_by   text NOT NULL,
  user_id       uuid REFERENCES users (id),
  reported_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, month)
);

-- 联农带农: a registry household and how it benefits; region_code is the household's (scope of the reader).
CREATE TABLE project_beneficiaries (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id    uuid NOT NULL REFERENCES projects (id),
  household_id  uuid NOT NULL REFERENCES households (id),
  region_code   text NOT NULL REFERENCES regions (code),
  way           text NOT NULL CHECK (way IN ('job', 'dividend', 'rent', 'land_transfer', 'purchase')),
  amount_yuan   numeric(14,2) NOT NULL CHECK (amount_yuan >= 0),
  note          text NOT NULL DEFAULT '',
  created_by    text NOT NULL,
  user_id       uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, household_id, way)
);
CREATE INDEX project_beneficiaries_household_idx ON project_beneficiaries (household_id);
