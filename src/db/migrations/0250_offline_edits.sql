-- 0250 offline edits of a household (issue 14 point 3): a village cadre changes a downloaded household's changeable
-- facts at the door without signal; the phone sends the edit later with the id it gave it and the version it had.
-- The first upload claims the id and keeps the answer (what was applied, what met a change made meanwhile on the
-- server and waits for the cadre's choice); a retry gets that answer back and changes nothing twice.

CREATE TABLE offline_edit_receipts (
  client_id     uuid PRIMARY KEY,
  username      text NOT NULL,
  household_id  uuid NOT NULL REFERENCES households (id),
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now()
);
