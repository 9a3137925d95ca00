import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import { ENGINE, openTestDatabase } from './support/test-app.ts';

/**
 * docs/decisions/0038 (issue 18 point 6), stage 1: every table is classified for a database distributed by county
 * (Citus), every distributed table reaches its county, and no foreign key is one a distributed database cannot hold.
 * A new table fails here until it is put in a class (and the ADR's list follows).
 */
const DISTRIBUTED = [
  'audit_log',
  'backstop_proposals',
  'case_actions',
  'case_files',
  'cases',
  'cleaning_problems',
  'cleaning_runs',
  'clues',
  'data_quality_items',
  'declarations',
  'effectiveness_review_households',
  'effectiveness_reviews',
  'export_jobs',
  'feed_import_batches',
  'feed_import_errors',
  'feed_imports',
  'feed_records',
  'figure_snapshots',
  'household_incomes',
  'household_status_events',
  'household_surveys',
  'households',
  'measure_progress',
  'measures',
  'notifications',
  'offline_edit_receipts',
  'persons',
  'problem_actions',
  'problem_files',
  'problems',
  'project_asset_changes',
  'project_asset_incomes',
  'project_assets',
  'project_beneficiaries',
  'project_events',
  'project_filing_files',
  'project_filings',
  'project_plan_months',
  'project_progress',
  'projects',
  'region_household_totals',
  'regional_risk_events',
  'regional_risk_households',
  'relief_request_photos',
  'relief_request_steps',
  'relief_requests',
  'responsible_assignments',
  'screening_hits',
  'screening_runs',
  'spot_check_findings',
  'spot_check_units',
  'spot_checks',
  'visit_photos',
  'visit_receipts',
];
const REFERENCE = [
  'campaigns',
  'figure_snapshot_runs',
  'monitoring_lines',
  'official_calendars',
  'procedure_templates',
  'region_settings',
  'regions',
  'screening_rule_settings',
  'screening_rules',
  'users',
];
const COORDINATOR = [
  'audit_archives',
  'audit_chain',
  'login_failures',
  'password_history',
  'recovery_codes',
  'schema_migrations',
  'sessions',
];

const classOf = (table: string) =>
  DISTRIBUTED.includes(table)
    ? 'distributed'
    : REFERENCE.includes(table)
      ? 'reference'
      : COORDINATOR.includes(table)
        ? 'coordinator'
        : 'unclassified';

describe(`schema ready for distribution by county on ${ENGINE} (ADR 0038 stage 1)`, () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db.database);
  }, 300_000);
  afterAll(async () => {
    await db?.database.close();
    await db?.drop();
  });

  const q = () => db.database.db;

  async function tables(): Promise<string[]> {
    const { rows } = await sql<{ t: string }>`
      SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       ORDER BY 1`.execute(q());
    return rows.map((r) => r.t);
  }

  async function foreignKeys(): Promise<{ from: string; to: string; def: string }[]> {
    const { rows } = await sql<{ from: string; to: string; def: string }>`
      SELECT k.conrelid::regclass::text AS "from", k.confrelid::regclass::text AS "to", pg_get_constraintdef(k.oid) AS def
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE k.contype = 'f' AND n.nspname = current_schema() ORDER BY 1, 2, 3`.execute(q());
    return rows;
  }

  it('puts every table in exactly one class, and every listed table exists', async () => {
    const all = await tables();
    expect(all.filter((t) => classOf(t) === 'unclassified')).toEqual([]);
    const listed = [...DISTRIBUTED, ...REFERENCE, ...COORDINATOR];
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((t) => !all.includes(t))).toEqual([]);
  });

  it('gives every distributed table its county: a NOT NULL region code, or a key to a table that has one', async () => {
    const { rows } = await sql<{ t: string }>`
      SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname IN ('region_code', 'county_code') AND a.attnotnull
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`.execute(q());
    const withRegion = new Set(rows.map((r) => r.t));
    const fks = await foreignKeys();
    // A child without its own region column must hang, by a NOT NULL key, off a distributed table that has one
    // (its county is its parent's). Checked one level deep, which is all the schema has.
    const notNullKey = (def: string, table: string) => {
      const col = /^FOREIGN KEY \(([a-z_]+)\)/.exec(def)?.[1];
      return col ? notNull.has(`${table}.${col}`) : false;
    };
    const { rows: nn } = await sql<{ k: string }>`
      SELECT c.relname || '.' || a.attname AS k FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND a.attnotnull AND a.attnum > 0`.execute(q());
    const notNull = new Set(nn.map((r) => r.k));
    const orphans = DISTRIBUTED.filter(
      (t) =>
        !withRegion.has(t) &&
        !fks.some(
          (f) => f.from === t && withRegion.has(f.to) && classOf(f.to) === 'distributed' && notNullKey(f.def, t),
        ),
    );
    expect(orphans).toEqual([]);
  });

  it('holds no foreign key a distributed database cannot: into a distributed table only from one, never to the coordinator', async () => {
    const bad = (await foreignKeys()).filter(
      (f) =>
        (classOf(f.to) === 'distributed' && classOf(f.from) !== 'distributed') ||
        (classOf(f.to) === 'coordinator' && classOf(f.from) !== 'coordinator'),
    );
    expect(bad.map((f) => `${f.from} → ${f.to}: ${f.def}`)).toEqual([]);
  });
});
