-- 0210 assets of assistance-fund projects (衔接资金项目资产, SPEC §13 item 6, issue 15): after acceptance, the assets a
-- project created enter an asset register with their kind, value, location, owner (state or village collective) and
-- 管护 responsible person; each year's income and its distribution; a change of owner or a write-off takes effect
-- only when another officer approves the request. region_code is where the asset is (scope of the reader).

CREATE TABLE project_assets (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id     uuid NOT NULL REFERENCES projects (id),
  region_code    text NOT NULL REFERENCES regions (code),
  name           text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  kind           text NOT NULL CHECK (kind IN ('operating', 'public', 'household')),
  value_yuan     numeric(14,2) NOT NULL CHECK (value_yuan >= 0),
  location       text NOT NULL CHECK (length(btrim(location)) BETWEEN 1 AND 200),
  owner_kind     text NOT NULL CHECK (owner_kind IN ('state', 'collective')),
  owner_name     text NOT NULL CHECK (length(btrim(owner_name)) BETWEEN 1 AND 100),
  caretaker      text NOT NULL CHECK (length(btrim(caretaker)) BETWEEN 1 AND 100),
  status         text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'written_off')),
  registered_on  date NOT NULL,
  created_by     text NOT NULL,
  user_id        uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX project_assets_project_idx ON project_assets (project_id);
CREATE INDEX project_assets_region_idx ON project_assets (region_code text_pattern_ops);

-- One income record per asset and year (a second report of the year replaces the first; the audit log keeps both):
-- the income and its distribution [{ purpose, amountYuan }], whose sum never exceeds the income.
CREATE TABLE project_asset_incomes (
  asset_id      uuid NOT NULL REFERENCES project_assets (id),
  year          smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  income_yuan   numeric(14,2) NOT NULL CHECK (income_yuan >= 0),
  distribution  jsonb NOT NULL DEFAULT '[]',
  note          text NOT NULL DEFAULT '',
  reported_by   text NOT NULL,
  user_id       uuid REFERENCES users (id),
  reported_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (asset_id, year)
);

-- Requests to change an asset's owner (确权移交) or to write it off (报废核销), and their decision. At most one open
-- request per asset; the requester never decides their own request.
CREATE TABLE project_asset_changes (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  asset_id            uuid NOT NULL REFERENCES project_assets (id),
  kind                text NOT NULL CHECK (kind IN ('transfer', 'write_off')),
  reason              text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
  new_owner_kind      text CHECK (new_owner_kind IN ('state', 'collective')),
  new_owner_name      text,
  new_caretaker       text,
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_by        text NOT NULL,
  requested_user_id   uuid REFERENCES users (id),
  requested_at        timestamptz NOT NULL DEFAULT now(),
  decided_by          text,
  decided_user_id     uuid REFERENCES users (id),
  decided_at          timestamptz,
  decision_note       text,
  CHECK (kind = 'write_off' OR (new_owner_kind IS NOT NULL AND new_owner_name IS NOT NULL))
);
CREATE INDEX project_asset_changes_asset_idx ON project_asset_changes (asset_id, requested_at);
CREATE UNIQUE INDEX project_asset_changes_open_idx ON project_asset_changes (asset_id) WHERE status = 'pending';
