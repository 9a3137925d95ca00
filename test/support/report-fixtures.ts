import crypto from 'node:crypto';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/modules/auth/actor.ts';
import type { PersonInput } from '../../src/modules/registry/person-input.ts';
import { householdPayload, makeIdNumber } from './factories.ts';
import type { TestApp } from './test-app.ts';

/** A household of `size` members (head, spouse, children) created through the registry service. */
export async function householdOf(t: TestApp, village: string, size: number, liftedOut = false): Promise<string> {
  const members = Array.from(
    { length: size },
    (_, i): PersonInput =>
      i === 0
        ? { name: '王守田', idNumber: makeIdNumber('19700101', 'male'), relation: 'head', labor: 'full' }
        : i === 1
          ? { name: '刘桂兰', idNumber: makeIdNumber('19720202', 'female'), relation: 'spouse', labor: 'full' }
          : {
              name: `王小${i}`,
              idNumber: makeIdNumber(`20${String(i).padStart(2, '0')}0303`, i % 2 ? 'male' : 'female'),
              relation: 'child',
              labor: 'not_working_age',
            },
  );
  const { id } = await t.services.registry.create(SYSTEM_ACTOR, householdPayload(village, { members, liftedOut }));
  return id;
}

export interface HistoryStep {
  kind: 'included' | 'returned' | 'eliminated';
  on: string;
  category?: 'unstable' | 'marginal' | 'sudden';
  risks?: string[];
  /** Persons recorded at the event; the household's normal members by default. */
  persons?: number;
  voided?: boolean;
}

/**
 * FIXTURE, not a procedure: writes a household's status history as completed procedures would have (rows of
 * household_status_events) and leaves the household in the state its last live event implies. Tests that care
 * about the procedures' own hook drive real procedures (test/reports-history.test.ts).
 */
export async function writeHistory(t: TestApp, householdId: string, steps: HistoryStep[]): Promise<void> {
  const db = t.ctx.database.db;
  let status = 'none';
  let category: string | null = null;
  let risks: string[] = [];
  let includedOn: string | null = null;
  let eliminatedOn: string | null = null;
  for (const s of steps) {
    const from = status;
    const to = s.kind === 'eliminated' ? 'eliminated' : 'monitored';
    const cat: string | null = s.category ?? category;
    const rt: string[] = s.risks ?? risks;
    await sql`
      INSERT INTO household_status_events (household_id, region_code, kind, from_status, to_status, effective_on,
        category, risk_types, lifted_out, persons, source, voided_at, voided_reason)
      SELECT h.id, h.region_code, ${s.kind}, ${from}, ${to}, ${s.on}::date, ${cat}, ${rt}::text[], h.lifted_out,
        coalesce(${s.persons ?? null}::int,
          (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.status = 'normal')::int),
        'procedure', ${s.voided ? sql`now()` : sql`NULL`}, ${s.voided ? '撤销办结' : null}
      FROM households h WHERE h.id = ${householdId}::uuid`.execute(db);
    if (s.voided) continue;
    status = to;
    category = cat;
    risks = rt;
    if (to === 'monitored') {
      includedOn = s.on;
      eliminatedOn = null;
    } else eliminatedOn = s.on;
  }
  await sql`
    UPDATE households SET monitoring_status = ${status}, category = ${category}, risk_types = ${risks}::text[],
      included_on = ${includedOn}::date, eliminated_on = ${eliminatedOn}::date
    WHERE id = ${householdId}::uuid`.execute(db);
}

export async function addMeasure(t: TestApp, householdId: string, createdAt: string, status = 'in_progress') {
  await sql`
    INSERT INTO measures (household_id, region_code, type, subtype, name, line_of_defence, content, department,
      status, result, origin, created_by, created_at)
    SELECT id, region_code, 'employment', 'employment_job', '就业帮扶', 'development', '推荐到县内企业务工', 'hr_social_security',
      ${status}, ${status === 'cancelled' ? '农户已自行就业' : null}, 'added', 'test', ${createdAt}::timestamptz
    FROM households WHERE id = ${householdId}::uuid`.execute(t.ctx.database.db);
}

export async function assignResponsible(t: TestApp, householdId: string, on: string) {
  await sql`
    INSERT INTO responsible_assignments (household_id, region_code, name, phone, unit, assigned_on, assigned_by)
    SELECT id, region_code, '赵帮扶', '13800000000', '县农业农村局', ${on}::date, 'test'
    FROM households WHERE id = ${householdId}::uuid`.execute(t.ctx.database.db);
}

export interface ClueFixture {
  householdId: string | null;
  region: string;
  channel: 'self_declaration' | 'cadre_screening' | 'department' | 'social';
  received: string;
  due: string;
  /** China-time instant of closing, e.g. '2026-05-31T23:30:00+08:00'. */
  closedAt?: string;
  sourceKind?: string;
}

export async function addClue(t: TestApp, c: ClueFixture) {
  const closed = c.closedAt !== undefined;
  await sql`
    INSERT INTO clues (region_code, channel, source_kind, household_id, finding, fact_key, received_on, due_on, status,
      result, result_note, closed_at, closed_by_name, created_by)
    VALUES (${c.region}, ${c.channel}, ${c.sourceKind ?? 'person'}, ${c.householdId}::uuid, '测试线索',
      ${crypto.randomUUID()}, ${c.received}::date, ${c.due}::date, ${closed ? 'closed' : 'open'},
      ${closed ? 'no_risk' : null}, ${closed ? '经核实无风险' : null}, ${c.closedAt ?? null}::timestamptz,
      ${closed ? '村干部' : null}, 'test')`.execute(t.ctx.database.db);
}
