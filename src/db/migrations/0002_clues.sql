-- 0002 clue ledger (监测预警信息台账, SPEC §6) and citizen self-declarations (SPEC §6 channel 1, §14).

CREATE TABLE clues (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code    text NOT NULL,
  channel        text NOT NULL CHECK (channel IN ('self_declaration', 'cadre_screening', 'department', 'social')),
  source_kind    text NOT NULL,           -- department | rule | person | petition | hotline | media | mailbox | relief_platform | visit | regional_event
  source_ref     text NOT NULL DEFAULT '', -- department code, rule code, reporter
  household_id   uuid REFERENCES households (id),
  person_id      uuid REFERENCES persons (id),
  finding        text NOT NULL,
  facts          jsonb NOT NULL DEFAULT '{}',
  fact_key       text NOT NULL,           -- same household + source + facts ⇒ same key (no duplicate open clues)
  risk_types     text[] NOT NULL DEFAULT '{}',
  severity       text NOT NULL DEFAULT 'normal' CHECK (severity IN ('low', 'normal', 'high')),
  received_on    date NOT NULL,
  due_on         date NOT NULL,
  assignee_id    uuid REFERENCES users (id),
  assignee_name  text,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'verifying', 'closed')),
  result         text CHECK (result IN ('no_risk', 'start_identification', 'start_elimination', 'household_change')),
  result_note    text,
  closed_by      uuid REFERENCES users (id),
  closed_by_name text,
  closed_at      timestamptz,
  merged_count   integer NOT NULL DEFAULT 0,
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  case_id        uuid,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (result IS NOT NULL AND closed_at IS NOT NULL AND closed_by_name IS NOT NULL)),
  CHECK (result IS NULL OR length(coalesce(result_note, '')) > 0)
);
CREATE UNIQUE INDEX clues_open_fact_key_idx ON clues (fact_key) WHERE status <> 'closed';
CREATE INDEX clues_region_status_idx ON clues (region_code text_pattern_ops, status, due_on);
CREATE INDEX clues_household_idx ON clues (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE declarations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tracking_code   text NOT NULL UNIQUE,
  region_code     text NOT NULL REFERENCES regions (code),
  name            text NOT NULL,
  id_number_enc   text NOT NULL,
  id_number_hash  text NOT NULL,
  id_number_masked text NOT NULL,
  phone_hash      text NOT NULL,
  phone_masked    text NOT NULL,
  hardship        text[] NOT NULL DEFAULT '{}',
  description     text NOT NULL,
  on_behalf_by    text,                   -- village cadre declaring for someone who cannot (with the farmer's signature)
  clue_id         uuid NOT NULL REFERENCES clues (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX declarations_hash_idx ON declarations (id_number_hash);
