-- 0230 photos of a cadre's visit (issue 14 point 3): taken on the phone, compressed there, kept encrypted on it while
-- offline, and uploaded after the visit itself as its evidence. Each photo carries the id the phone gave it, so a
-- retried upload (lost answer, resumed sync) is the same row. A photo belongs to the visit (its receipt) and is shown
-- on the clues the visit was recorded on (opened or verified), which the receipt's answer names.

CREATE TABLE visit_photos (
  id               uuid PRIMARY KEY,                                   -- the phone's id for the photo
  visit_client_id  uuid NOT NULL REFERENCES visit_receipts (client_id),
  household_id     uuid NOT NULL REFERENCES households (id),
  region_code      text NOT NULL,
  clue_ids         uuid[] NOT NULL,
  mime             text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  size             integer NOT NULL CHECK (size > 0),
  sha256           text NOT NULL,
  content          bytea NOT NULL,
  uploaded_by      text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX visit_photos_visit ON visit_photos (visit_client_id);
CREATE INDEX visit_photos_household ON visit_photos (household_id);
