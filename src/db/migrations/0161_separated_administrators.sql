-- 三员分立 (GB/T 22239-2019 8.1.4.2; issue 11 point 3; docs/decisions/0030-separated-administrators.md):
-- the security administrator (accounts and roles) and the audit administrator (the audit log) are roles of their own,
-- beside the system administrator.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('village', 'township', 'county', 'department', 'supervisor', 'admin', 'security_admin', 'audit_admin'));
