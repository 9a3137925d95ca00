import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { multipart } from './feeds-fixtures.ts';
import { householdPayload } from './support/factories.ts';
import { jpegWithExif, TINY_JPEG, TINY_PNG } from './support/photos.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * Photos and location of a cadre's visit (issue 14 point 3): the phone uploads the visit (with where it was recorded,
 * when the cadre allowed it), then each photo under the visit's id and its own; the server checks type by content,
 * size (the per-route cap) and the region's count per visit, keeps a retried photo once, and shows the photos on the
 * visit's clue to whoever may see the clue, each view audited.
 */
describe(`visit photos and location on ${ENGINE} (issue 14 point 3)`, () => {
  let t: TestApp;
  let village: string;
  let household: string;
  const cap = 64 * 1024;
  const variant = (n: number) => Buffer.concat([TINY_JPEG, Buffer.from([n])]);
  const upload = (cookie: string | undefined, clientId: string, photoId: string, content: Buffer, name = 'p.jpg') =>
    t.request(cookie, {
      method: 'POST',
      url: `/api/clues/visits/${clientId}/photos/${photoId}`,
      ...multipart(name, content),
    });
  const recordVisit = async (clientId: string, extra: Record<string, unknown> = {}) => {
    const res = await t.request(village, {
      method: 'POST',
      url: '/api/clues/visits',
      payload: { householdId: household, finding: '屋顶漏雨，需鉴定', riskTypes: ['housing'], clientId, ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    const base = loadConfig({});
    t = await startTestApp({ config: { uploads: { ...base.uploads, reliefPhotoBytes: cap } } });
    village = await t.login('village');
    const res = await t.request(village, {
      method: 'POST',
      url: '/api/households',
      payload: householdPayload(t.village),
    });
    expect(res.statusCode, res.body).toBe(201);
    household = res.json().id;
  });
  afterAll(() => t?.close());

  it('keeps the location with the visit and a photo as its evidence, once, without the phone’s metadata', async () => {
    const clientId = crypto.randomUUID();
    const location = { latitude: 25.0389, longitude: 102.7183, accuracy: 12 };
    const clue = await recordVisit(clientId, { location });
    const facts = (
      await t.ctx.database.db.selectFrom('clues').select('facts').where('id', '=', clue.id).executeTakeFirstOrThrow()
    ).facts as { location?: unknown };
    expect(facts.location).toEqual(location);

    const photoId = crypto.randomUUID();
    const first = await upload(village, clientId, photoId, jpegWithExif());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id: photoId, mime: 'image/jpeg', size: TINY_JPEG.length, repeated: false });
    const again = await upload(village, clientId, photoId, jpegWithExif());
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ id: photoId, repeated: true });
    const rows = await t.ctx.database.db
      .selectFrom('visit_photos')
      .select(['content', 'clue_ids'])
      .where('visit_client_id', '=', clientId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]?.content as Buffer).includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(rows[0]?.clue_ids).toEqual([clue.id]);

    // The county sees it on the clue; each view is audited.
    const county = await t.login('county');
    const list = await t.request(county, { method: 'GET', url: `/api/clues/${clue.id}/photos` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: photoId, mime: 'image/jpeg' })]);
    const view = await t.request(county, { method: 'GET', url: `/api/clues/${clue.id}/photos/${photoId}` });
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('image/jpeg');
    expect(view.headers['cache-control']).toBe('private, no-store');
    const audited = await t.ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', clue.id)
      .where('action', 'in', ['clue.visit_photo', 'clue.visit_photo_read'])
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['clue.visit_photo', 'clue.visit_photo_read']);
  });

  it('refuses what is not a picture, a photo over the cap, and a photo before its visit', async () => {
    const clientId = crypto.randomUUID();
    await recordVisit(clientId);
    const text = await upload(village, clientId, crypto.randomUUID(), Buffer.from('MZ not a picture'), 'p.jpg');
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'FILE_TYPE', details: { field: 'photo' } });
    const big = await upload(village, clientId, crypto.randomUUID(), Buffer.alloc(cap + 1024, 0xff));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    const early = await upload(village, crypto.randomUUID(), crypto.randomUUID(), TINY_PNG, 'p.png');
    expect(early.statusCode).toBe(404);
    expect(early.json().code).toBe('VISIT_NOT_FOUND');
  });

  it('holds a visit to the region’s number of photos, and a photo id to one visit', async () => {
    await t.services.settings.set(SYSTEM_ACTOR, 'clues.visitPhotos', t.village.slice(0, 6), { perVisit: 2 });
    const rules = await t.request(village, { method: 'GET', url: '/api/clues/visit-rules' });
    expect(rules.json()).toEqual({ photosPerVisit: 2, photoMaxBytes: cap });
    const clientId = crypto.randomUUID();
    await recordVisit(clientId);
    const kept = crypto.randomUUID();
    for (const [n, id] of [kept, crypto.randomUUID()].entries())
      expect((await upload(village, clientId, id, variant(n))).statusCode).toBe(201);
    const third = await upload(village, clientId, crypto.randomUUID(), variant(3));
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'VISIT_PHOTOS_FULL', details: { field: 'photo' } });

    const other = crypto.randomUUID();
    await recordVisit(other);
    const reused = await upload(village, other, kept, variant(0));
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('PHOTO_ID_REUSED');
    await t.services.settings.set(SYSTEM_ACTOR, 'clues.visitPhotos', t.village.slice(0, 6), { perVisit: 4 });
  });

  it('lets only the cadre who recorded the visit add to it, and only writers upload', async () => {
    const clientId = crypto.randomUUID();
    await recordVisit(clientId);
    const township = await upload(await t.login('township'), clientId, crypto.randomUUID(), TINY_JPEG);
    expect(township.statusCode).toBe(404);
    expect(township.json().code).toBe('VISIT_NOT_FOUND');
    const department = await upload(await t.login('department'), clientId, crypto.randomUUID(), TINY_JPEG);
    expect(department.statusCode).toBe(403);
    const anonymous = await upload(undefined, clientId, crypto.randomUUID(), TINY_JPEG);
    expect(anonymous.statusCode).toBe(401);
    const count = await t.ctx.database.db
      .selectFrom('visit_photos')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('visit_client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
