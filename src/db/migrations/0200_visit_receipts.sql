-- 0200 offline visits (issue 14 point 3): a visit recorded on a phone without signal is uploaded later with the id the
-- phone gave it. The first upload claims the id and keeps the answer it got; a retry of the same visit (a lost
-- answer, a second tap, a resumed sync) gets that answer back and records nothing twice.

CREATE TABLE visit_receipts (
  client_id     uuid PRIMARY KEY,
  username      text NOT NULL,
  household_id  uuid NOT NULL REFERENCES households (id),
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now()
);
