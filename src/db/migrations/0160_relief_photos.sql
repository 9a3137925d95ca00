-- 0160 photos of a relief application (SPEC §14: 群众举手 "description, photos"). Stored in the database with the
-- application (one backup holds both), metadata (EXIF GPS, XMP, text chunks) removed before storing; the same photo
-- uploaded twice for one application is kept once (a retried upload on a bad mobile connection).

CREATE TABLE relief_request_photos (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id   uuid NOT NULL REFERENCES relief_requests (id),
  region_code  text NOT NULL,
  seq          integer NOT NULL,
  mime         text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  size         integer NOT NULL CHECK (size > 0),
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  uploaded_by  text NOT NULL,                       -- 'citizen' for the applicant, else the cadre's username
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (request_id, seq),
  UNIQUE (request_id, sha256)
);
