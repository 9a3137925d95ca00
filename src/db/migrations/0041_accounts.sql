-- 0041 accounts to 等保 2.0 level 3 (issue 11 point 2; docs/decisions/0015-accounts-and-separation-of-duties.md):
-- lockout, password history and age, forced change of initial passwords, TOTP second factor with recovery codes,
-- idle and absolute session timeouts, demo users marked so that a production server refuses them.

ALTER TABLE users
  ADD COLUMN demo                 boolean NOT NULL DEFAULT false,
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
  ADD COLUMN password_changed_at  timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN last_login_at        timestamptz,
  ADD COLUMN totp_secret_enc      text,
  ADD COLUMN totp_enabled_at      timestamptz;

-- The demo loader named its users "…（演示）"; they become demo users, refused outside demo mode.
UPDATE users SET demo = true WHERE display_name LIKE '%（演示）';

-- created_at + 8 h is expires_at (absolute); last_seen_at drives the 30-minute idle timeout. A session starts with
-- its second factor pending for the roles that need one.
ALTER TABLE sessions
  ADD COLUMN last_seen_at    timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN second_factor   boolean NOT NULL DEFAULT false;

-- Failed logins per username (known or not, so that unknown names lock the same way); cleared on success or unlock.
CREATE TABLE login_failures (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  ip       text,
  at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username_idx ON login_failures (username, at DESC);

CREATE TABLE password_history (
  user_id       uuid NOT NULL REFERENCES users (id),
  password_hash text NOT NULL,
  set_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user_idx ON password_history (user_id, set_at DESC);

CREATE TABLE recovery_codes (
  user_id   uuid NOT NULL REFERENCES users (id),
  code_hash text NOT NULL,
  used_at   timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
