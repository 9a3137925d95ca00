-- 0190 cancelling a background export (issue 13 point 4): the user who started a job may cancel it while it is
-- queued or running; the worker stops at its next page and removes the partial file. 'cancelled' is a final status
-- like 'done' and 'failed' (docs/decisions/0034-single-level-publicity-link-at-registration-cancel-exports.md).

ALTER TABLE export_jobs DROP CONSTRAINT export_jobs_status_check;
ALTER TABLE export_jobs ADD CONSTRAINT export_jobs_status_check
  CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired', 'cancelled'));
