import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { householdPayload } from './support/factories.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

interface Pack {
  items: {
    id: string;
    code: string;
    address: string;
    version: number;
    members: { id: string; name: string; phone: string | null; health: string; employment: string | null }[];
  }[];
  nextCursor: string | null;
}

/**
 * Offline edits of a household (issue 14 point 3, ADR 0042): applied once per phone id, against the version the phone
 * had; a field changed meanwhile on the server comes back as a conflict naming both values and who changed it.
 */
describe(`offline household edits on ${ENGINE} (issue 14 point 3)`, () => {
  let t: TestApp;
  let village: string;
  let county: string;
  let farHousehold: string;
  beforeAll(async () => {
    t = await startTestApp();
    village = await t.login('village');
    county = await t.login('county');
    const villages = (await t.services.regions.children(SYSTEM_ACTOR, t.township)).children;
    farHousehold = (await t.services.registry.create(SYSTEM_ACTOR, householdPayload(villages[1]?.code as string))).id;
  });
  afterAll(() => t.close());

  /** A new household of the demo village, as the phone downloads it. */
  const downloaded = async () => {
    const res = await t.request(village, {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(t.village),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    for (let after: string | undefined; ; ) {
      const page = await t.request(village, {
        method: 'GET',
        url: `/api/households/offline-pack${after ? `?after=${after}` : ''}`,
      });
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json() as Pack;
      const found = body.items.find((h) => h.id === id);
      if (found) return found;
      if (!body.nextCursor) throw new Error('household not in the pack');
      after = body.nextCursor;
    }
  };
  const sync = (householdId: string, body: Record<string, unknown>, cookie = village) =>
    t.request(cookie, { method: 'POST', url: `/api/households/${householdId}/offline-edits`, payload: body });
  const file = async (id: string) =>
    (await t.request(county, { method: 'GET', url: `/api/households/${id}` })).json() as {
      address: string;
      version: number;
      members: { id: string; phone: string | null; health: string }[];
    };

  it('downloads what the phone may change, without ID numbers, and audits the download', async () => {
    const h = await downloaded();
    expect(h.version).toBeGreaterThan(0);
    expect(h.members).toHaveLength(3);
    expect(JSON.stringify(h)).not.toMatch(/idNumber|id_number/);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'household.offline_pack' and username = 'village'`.execute(t.ctx.database.db);
    expect(audited.rows[0]?.n).toBeGreaterThan(0);
  });

  it('applies an edit against an unchanged version, once however often it is sent', async () => {
    const h = await downloaded();
    const head = h.members[0];
    const clientId = crypto.randomUUID();
    const body = {
      clientId,
      baseVersion: h.version,
      changes: [
        { field: 'address', base: h.address, value: '测试村二组8号' },
        { personId: head?.id, field: 'phone', base: head?.phone ?? null, value: '13800000001' },
        { personId: head?.id, field: 'health', base: head?.health, value: 'chronic' },
      ],
    };
    const first = await sync(h.id, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ repeated: false, version: h.version + 1, conflicts: [] });
    expect(first.json().applied).toHaveLength(3);
    const again = await sync(h.id, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ ...first.json(), repeated: true });
    const after = await file(h.id);
    expect(after.address).toBe('测试村二组8号');
    expect(after.version).toBe(h.version + 1);
    expect(after.members.find((m) => m.id === head?.id)).toMatchObject({ phone: '13800000001', health: 'chronic' });
    const audit = await sql<{ entity: string; before: unknown; after: unknown }>`select entity, before, after
      from audit_log where action = 'household.offline_edit' and household_id = ${h.id}::uuid order by id`.execute(
      t.ctx.database.db,
    );
    expect(audit.rows.map((r) => r.entity).sort()).toEqual(['household', 'person']);
    const [sameAtOnce, other] = await Promise.all([sync(h.id, body), sync(h.id, body)]);
    expect([sameAtOnce.json().repeated, other.json().repeated]).toEqual([true, true]);
    expect((await file(h.id)).version).toBe(h.version + 1);
  });

  it('returns a field changed meanwhile as a conflict with both values and who changed it; others apply', async () => {
    const h = await downloaded();
    const head = h.members[0];
    // meanwhile the county changes the address
    const patch = await t.request(county, {
      method: 'PATCH',
      url: `/api/households/${h.id}`,
      payload: { address: '县里核实的新住址', version: h.version },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const res = await sync(h.id, {
      clientId: crypto.randomUUID(),
      baseVersion: h.version,
      changes: [
        { field: 'address', base: h.address, value: '村里记的新住址' },
        { personId: head?.id, field: 'phone', base: head?.phone ?? null, value: '13900000002' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.applied).toEqual([{ personId: head?.id, field: 'phone', value: '13900000002' }]);
    expect(body.conflicts).toEqual([
      {
        personId: null,
        memberName: null,
        field: 'address',
        base: h.address,
        mine: '村里记的新住址',
        server: '县里核实的新住址',
        changedBy: expect.stringMatching(/县/),
        changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    let now = await file(h.id);
    expect(now.address).toBe('县里核实的新住址');
    expect(now.members.find((m) => m.id === head?.id)?.phone).toBe('13900000002');
    expect(body.version).toBe(now.version);

    // the cadre applies theirs: resubmitted against the version and value the conflict showed
    const resolved = await sync(h.id, {
      clientId: crypto.randomUUID(),
      baseVersion: body.version,
      changes: [{ field: 'address', base: '县里核实的新住址', value: '村里记的新住址' }],
    });
    expect(resolved.json()).toMatchObject({ conflicts: [], applied: [{ field: 'address' }] });
    now = await file(h.id);
    expect(now.address).toBe('村里记的新住址');

    // a resubmission against a value that moved again is a conflict again, never an overwrite
    await t.request(county, { method: 'PATCH', url: `/api/households/${h.id}`, payload: { address: '第三次改动' } });
    const stale = await sync(h.id, {
      clientId: crypto.randomUUID(),
      baseVersion: body.version,
      changes: [{ field: 'address', base: '县里核实的新住址', value: '村里记的新住址' }],
    });
    expect(stale.json().conflicts[0]).toMatchObject({ server: '第三次改动', mine: '村里记的新住址' });
    expect((await file(h.id)).address).toBe('第三次改动');
  });

  it('refuses a household outside the cadre’s region with 404 and keeps no receipt', async () => {
    const clientId = crypto.randomUUID();
    const res = await sync(farHousehold, {
      clientId,
      baseVersion: 1,
      changes: [{ field: 'address', base: '测试村一组1号', value: '别村' }],
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    const kept = await sql<{ n: number }>`select count(*)::int as n from offline_edit_receipts
      where client_id = ${clientId}::uuid`.execute(t.ctx.database.db);
    expect(kept.rows[0]?.n).toBe(0);
    const farPack = await t.request(village, { method: 'GET', url: '/api/households/offline-pack?pageSize=200' });
    expect((farPack.json() as Pack).items.some((h) => h.id === farHousehold)).toBe(false);
  });

  it('names a field that cannot be changed offline, or a bad value, and changes nothing', async () => {
    const h = await downloaded();
    const head = h.members[0];
    const bad = await sync(h.id, {
      clientId: crypto.randomUUID(),
      baseVersion: h.version,
      changes: [
        { field: 'address', base: h.address, value: '不应写入' },
        { personId: head?.id, field: 'idNumber', base: null, value: '621124197503120011' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'OFFLINE_EDIT_FIELD',
      details: { field: 'changes[1].field', name: 'idNumber' },
    });
    const badValue = await sync(h.id, {
      clientId: crypto.randomUUID(),
      baseVersion: h.version,
      changes: [{ personId: head?.id, field: 'health', base: 'healthy', value: 'immortal' }],
    });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json()).toMatchObject({ code: 'OFFLINE_EDIT_FIELD', details: { field: 'changes[0].value' } });
    const householdField = await sync(h.id, {
      clientId: crypto.randomUUID(),
      baseVersion: h.version,
      changes: [{ field: 'monitoringStatus', base: 'none', value: 'monitored' }],
    });
    expect(householdField.json().details).toMatchObject({ field: 'changes[0].field', name: 'monitoringStatus' });
    const objectValue = await sync(h.id, {
      clientId: crypto.randomUUID(),
      baseVersion: h.version,
      changes: [{ field: 'address', base: { a: 1 }, value: '不应写入' }],
    });
    expect(objectValue.json()).toMatchObject({ code: 'OFFLINE_EDIT_FIELD', details: { field: 'changes[0].base' } });
    expect((await file(h.id)).address).toBe(h.address);
  });

  it('refuses a phone id already used for another household: EDIT_ID_REUSED', async () => {
    const [a, b] = [await downloaded(), await downloaded()];
    const clientId = crypto.randomUUID();
    const change = (h: typeof a) => ({
      clientId,
      baseVersion: h.version,
      changes: [{ field: 'address', base: h.address, value: '测试村三组3号' }],
    });
    expect((await sync(a.id, change(a))).statusCode).toBe(200);
    const reused = await sync(b.id, change(b));
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('EDIT_ID_REUSED');
    expect((await file(b.id)).address).toBe(b.address);
  });

  it('needs registry.write: a supervisor is refused', async () => {
    const h = await downloaded();
    const res = await sync(
      h.id,
      { clientId: crypto.randomUUID(), baseVersion: h.version, changes: [{ field: 'address', base: '', value: 'x' }] },
      await t.login('supervisor'),
    );
    expect(res.statusCode).toBe(403);
  });
});
