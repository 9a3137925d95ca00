-- 0120 background exports (issue 13 point 4): one row per export a user asked to run outside the request. The job
-- keeps who asked (their scope at the time: an export never widens when the user's region changes later), the ledger
-- and its filters, progress for the progress bar, and where the finished file lies under DATA_DIR/exports.
-- A job whose worker stopped (server restart) has an old heartbeat and is taken up again from the start by the next
-- sweep (docs/decisions/0026-background-exports.md).

CREATE TABLE export_jobs (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id        uuid REFERENCES users (id),
  username       text NOT NULL,
  role           text NOT NULL,
  region_code    text NOT NULL,
  department     text,
  ledger         text NOT NULL,
  filters        jsonb NOT NULL,
  reveal         boolean NOT NULL DEFAULT false,
  status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired')),
  rows_written   bigint NOT NULL DEFAULT 0,
  total_estimate bigint,
  attempts       integer NOT NULL DEFAULT 0,
  file_name      text NOT NULL,
  file_path      text,
  file_size      bigint,
  error          text,
  heartbeat_at   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  started_at     timestamptz,
  finished_at    timestamptz,
  expires_at     timestamptz
);
CREATE INDEX export_jobs_user_idx ON export_jobs (username, created_at DESC);
CREATE INDEX export_jobs_open_idx ON export_jobs (status) WHERE status IN ('queued', 'running');
