-- TOTP replay guard (issue 11 point 2; RFC 6238 §5.2: a verifier must not accept the second attempt of the same OTP
-- after a successful validation): the last time step accepted for the account. A code of that step or an earlier one
-- is refused, so a code seen over a shoulder or replayed from a captured request cannot be used again.
ALTER TABLE users ADD COLUMN totp_last_step bigint;
