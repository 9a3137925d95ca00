-- 0091 双报备 of assistance-fund projects (SPEC §13, issue 15 point 4): before implementation the county files the
-- library entry and the implementation plan for the city's review; after acceptance it files the acceptance report,
-- audit report, payment vouchers, operating contracts and asset-transfer agreements. Each filing is a checklist of
-- required files (project_filing_files) and the city supervisor's decision.

CREATE TABLE project_filing_files (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id   uuid NOT NULL REFERENCES projects (id),
  kind         text NOT NULL CHECK (kind IN ('pre', 'post')),
  item         text NOT NULL,
  region_code  text NOT NULL,
  name         text NOT NULL,
  mime         text NOT NULL,
  size         integer NOT NULL,
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  uploaded_by  text NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_filing_files_project_idx ON project_filing_files (project_id, kind);

CREATE TABLE project_filings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id     uuid NOT NULL REFERENCES projects (id),
  kind           text NOT NULL CHECK (kind IN ('pre', 'post')),
  region_code    text NOT NULL,
  status         text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'returned')),
  note           text NOT NULL DEFAULT '',
  submitted_by   text NOT NULL,
  submitted_at   timestamptz NOT NULL DEFAULT now(),
  decision_note  text,
  reviewed_by    text,
  reviewed_at    timestamptz
);
CREATE INDEX project_filings_project_idx ON project_filings (project_id, kind, submitted_at);
