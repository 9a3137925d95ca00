-- The county project officer (项目管理员; issue 15, docs/decisions/0036-project-officer.md): a role of its own that
-- keeps the assistance-fund project library (projects, plans, progress, beneficiaries, assets and their changes),
-- apart from the county's identification work. The list keeps every role of migration 0161.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('village', 'township', 'county', 'department', 'supervisor', 'admin', 'security_admin', 'audit_admin',
                  'project_officer'));
