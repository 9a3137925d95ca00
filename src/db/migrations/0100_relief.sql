-- 0100 government relief platform (政府救助平台, SPEC §14): applications for the service items of the county's
-- catalogue (region setting `relief.catalogue`), routed to the responsible department with a working-day time limit,
-- each step kept for the applicant's status page and the supervisors above.

CREATE TABLE relief_requests (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tracking_code     text NOT NULL UNIQUE,
  region_code       text NOT NULL REFERENCES regions (code),      -- the applicant's village
  county_code       text NOT NULL,                                -- the county that handles it (县级办理)
  item_code         text NOT NULL,
  item_name         text NOT NULL,                                -- as the catalogue named it on the day of receipt
  department        text NOT NULL,                                -- the department whose inbox holds it now
  channel           text NOT NULL CHECK (channel IN ('self', 'proxy', 'government')),
  applicant_name    text NOT NULL,
  id_number_enc     text NOT NULL,
  id_number_hash    text NOT NULL,
  phone_enc         text NOT NULL,                                -- the handling department calls the applicant
  phone_hash        text NOT NULL,
  proxy_name        text,                                         -- 他人代举: who applied, and how related
  proxy_relation    text,
  proxy_phone_hash  text,
  confirmed_at      timestamptz,                                  -- the applicant's own confirmation of a 代举
  filed_by          text,                                         -- 政府托举: the cadre who filed it
  description       text NOT NULL,
  status            text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'replied')),
  received_on       date NOT NULL,
  due_on            date NOT NULL,
  due_estimated     boolean NOT NULL DEFAULT false,               -- computed over a year without an official calendar
  outcome           text CHECK (outcome IN ('resolved', 'not_eligible')),
  result_note       text,
  replied_at        timestamptz,
  replied_on        date,                                         -- China's civil date of the reply (in time or not)
  urged_count       integer NOT NULL DEFAULT 0,
  rating            smallint CHECK (rating BETWEEN 1 AND 5),
  rating_note       text,
  rated_at          timestamptz,
  household_id      uuid REFERENCES households (id),
  person_id         uuid REFERENCES persons (id),
  clue_id           uuid REFERENCES clues (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'replied') = (outcome IS NOT NULL))
);
CREATE INDEX relief_requests_inbox_idx ON relief_requests (county_code, department, status, due_on);
CREATE INDEX relief_requests_region_idx ON relief_requests (region_code text_pattern_ops, received_on);
CREATE INDEX relief_requests_hash_idx ON relief_requests (id_number_hash);
CREATE INDEX relief_requests_phone_idx ON relief_requests (phone_hash, created_at);
CREATE INDEX relief_requests_household_idx ON relief_requests (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE relief_request_steps (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id    uuid NOT NULL REFERENCES relief_requests (id),
  seq           integer NOT NULL,
  action        text NOT NULL CHECK (action IN ('submit', 'confirm', 'accept', 'refer', 'reply', 'urge', 'rate')),
  actor         text NOT NULL,                                    -- username, or 'citizen'
  actor_name    text NOT NULL,                                    -- what the applicant sees: a body, never a person's account
  from_department text,
  to_department text,
  note          text,
  at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (request_id, seq)
);
