-- 0070 figures over time (SPEC §12): the history of each household's monitoring status, and monthly snapshots of the
-- figures frozen per region, so that a report printed in March for February gives the same numbers in June.

-- One row each time a completed procedure changes a household's monitoring status (SPEC §8.1, §8.3; decision 0003:
-- status changes only through procedures). `effective_on` is the procedure's completion date. A recorded reversal of
-- the last step does not delete the row: it voids it, so that a period recomputed later shows the correction as a
-- difference from its frozen snapshot. `persons` are the household's normal members when the event happened (the
-- offices' "纳入监测41户129人" counts people at inclusion).
CREATE TABLE household_status_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  household_id  uuid NOT NULL REFERENCES households (id),
  region_code   text NOT NULL,
  case_id       uuid REFERENCES cases (id),
  kind          text NOT NULL CHECK (kind IN ('included', 'returned', 'eliminated')),
  from_status   text NOT NULL CHECK (from_status IN ('none', 'monitored', 'eliminated')),
  to_status     text NOT NULL CHECK (to_status IN ('monitored', 'eliminated')),
  effective_on  date NOT NULL,
  category      text CHECK (category IN ('unstable', 'marginal', 'sudden')),
  risk_types    text[] NOT NULL DEFAULT '{}',
  lifted_out    boolean NOT NULL,
  persons       integer NOT NULL CHECK (persons >= 0),
  source        text NOT NULL CHECK (source IN ('procedure', 'backfill')),
  voided_at     timestamptz,
  voided_reason text,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_status_events_region_idx ON household_status_events (region_code text_pattern_ops, effective_on);
CREATE INDEX household_status_events_household_idx ON household_status_events (household_id, effective_on DESC, id DESC);
CREATE INDEX household_status_events_case_idx ON household_status_events (case_id) WHERE case_id IS NOT NULL;

-- History is never edited: the only change allowed is voiding a live row once (with a reason).
CREATE FUNCTION household_status_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL AND NEW.voided_reason IS NOT NULL
     AND (to_jsonb(NEW) - 'voided_at' - 'voided_reason') = (to_jsonb(OLD) - 'voided_at' - 'voided_reason') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'household_status_events is append-only (only voiding is allowed)' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER household_status_events_no_edit BEFORE UPDATE OR DELETE ON household_status_events
  FOR EACH ROW EXECUTE FUNCTION household_status_events_guard();

-- Backfill: households monitored or eliminated before this history existed get the events their current row implies
-- (inclusion on included_on; elimination on eliminated_on). Returns to monitoring before this migration are unknown.
INSERT INTO household_status_events (household_id, region_code, kind, from_status, to_status, effective_on, category,
  risk_types, lifted_out, persons, source)
SELECT h.id, h.region_code, 'included', 'none', 'monitored', coalesce(h.included_on, h.created_at::date), h.category,
  h.risk_types, h.lifted_out,
  (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')::int, 'backfill'
FROM households h
WHERE h.monitoring_status <> 'none';

INSERT INTO household_status_events (household_id, region_code, kind, from_status, to_status, effective_on, category,
  risk_types, lifted_out, persons, source)
SELECT h.id, h.region_code, 'eliminated', 'monitored', 'eliminated',
  greatest(coalesce(h.eliminated_on, h.updated_at::date), coalesce(h.included_on, h.created_at::date)), h.category,
  h.risk_types, h.lifted_out,
  (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')::int, 'backfill'
FROM households h
WHERE h.monitoring_status = 'eliminated';

-- A freeze of the figures of one month for a scope and every region under it (SPEC §12): by the month-end job or on
-- demand. Freezing a month again is a new run (a reason is required); earlier runs stay as they were.
CREATE TABLE figure_snapshot_runs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scope_code  text NOT NULL,
  month       text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  as_of       date NOT NULL,
  trigger     text NOT NULL CHECK (trigger IN ('schedule', 'demand')),
  reason      text,
  regions     integer NOT NULL DEFAULT 0,
  seconds     numeric(10, 3),
  taken_by    text NOT NULL,
  taken_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX figure_snapshot_runs_month_idx ON figure_snapshot_runs (month, scope_code);

CREATE TABLE figure_snapshots (
  run_id      bigint NOT NULL REFERENCES figure_snapshot_runs (id),
  region_code text NOT NULL,
  month       text NOT NULL,
  figures     jsonb NOT NULL,
  PRIMARY KEY (run_id, region_code)
);
CREATE INDEX figure_snapshots_region_month_idx ON figure_snapshots (region_code, month, run_id DESC);

CREATE TRIGGER figure_snapshots_no_update BEFORE UPDATE OR DELETE ON figure_snapshots
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
