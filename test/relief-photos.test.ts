import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { multipart } from './feeds-fixtures.ts';
import { householdPayload } from './support/factories.ts';
import { jpegWithExif, TINY_JPEG, TINY_PNG } from './support/photos.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/**
 * Photos on a relief application (SPEC §14: the citizen applies with "description, photos"): added by the applicant
 * with the tracking code and phone, or by a cadre or the handling department; seen by whoever may see the
 * application, each view audited; stored without the phone's position.
 */
describe(`relief application photos on ${ENGINE} (SPEC §14)`, () => {
  let t: TestApp;
  let code: string;
  let id: string;
  let address = 0;
  const from = () => `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;
  const phone = '13800005678';
  /** Distinct pictures: bytes after the scan are part of the file (and of its digest). */
  const variant = (n: number) => Buffer.concat([TINY_JPEG, Buffer.from([n])]);
  const upload = (trackingCode: string, content: Buffer, fields: Record<string, string> = { phone }) =>
    t.request(undefined, {
      method: 'POST',
      url: `/api/public/relief-requests/${trackingCode}/photos`,
      ...multipart('photo.jpg', content, fields),
      remoteAddress: from(),
    });

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
    const payload = householdPayload(t.village);
    await t.services.registry.create(SYSTEM_ACTOR, payload);
    const res = await t.request(undefined, {
      method: 'POST',
      url: '/api/public/relief-requests',
      payload: {
        channel: 'self',
        applicantName: '李秀英',
        idNumber: payload.members[1]?.idNumber,
        phone,
        villageCode: t.village,
        itemCode: 'temporary_relief',
        description: '房屋漏雨，墙体开裂',
      },
      remoteAddress: from(),
    });
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().trackingCode;
    id = (
      await t.ctx.database.db
        .selectFrom('relief_requests')
        .select('id')
        .where('tracking_code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t?.close());

  it('takes the applicant’s photo with the code and phone, without its GPS position', async () => {
    const res = await upload(code, jpegWithExif());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ seq: 1, mime: 'image/jpeg', size: TINY_JPEG.length });
    const stored = await t.ctx.database.db
      .selectFrom('relief_request_photos')
      .select(['content', 'uploaded_by'])
      .where('request_id', '=', id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]?.content as Buffer).includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(stored[0]?.uploaded_by).toBe('citizen');
    const status = await t.request(undefined, {
      method: 'GET',
      url: `/api/public/relief-requests/${code}?phone=${phone}`,
      remoteAddress: from(),
    });
    expect(status.json().photoCount).toBe(1);
  });

  it('keeps a retried upload once', async () => {
    const again = await upload(code, TINY_JPEG);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().seq).toBe(1);
    const n = await t.ctx.database.db
      .selectFrom('relief_request_photos')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('request_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('refuses a wrong phone, a missing phone, a non-picture and a damaged picture, naming the field', async () => {
    const wrong = await upload(code, TINY_PNG, { phone: '13900000000' });
    expect(wrong.statusCode).toBe(404);
    const missing = await upload(code, TINY_PNG, {});
    expect(missing.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'phone' } });
    const script = await upload(code, Buffer.from('<script>alert(1)</script>'));
    expect(script.json()).toMatchObject({ code: 'FILE_TYPE', details: { field: 'photo' } });
    expect(script.json().message).toContain('JPG');
    const damaged = await upload(code, TINY_JPEG.subarray(0, 30));
    expect(damaged.json()).toMatchObject({ code: 'FILE_DAMAGED', details: { field: 'photo' } });
  });

  it('refuses a photo over the size limit with 413', async () => {
    const big = Buffer.concat([TINY_JPEG.subarray(0, 20), Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(code, big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('stops at the county’s photo limit (a region setting)', async () => {
    const county = t.village.slice(0, 6);
    await t.services.settings.set(SYSTEM_ACTOR, 'relief.limits', county, { photosPerRequest: 2 });
    expect((await upload(code, TINY_PNG)).json().seq).toBe(2);
    const third = await upload(code, variant(1));
    expect(third.json()).toMatchObject({ code: 'RELIEF_PHOTOS_FULL', details: { field: 'photo' } });
    await t.services.settings.set(SYSTEM_ACTOR, 'relief.limits', county, { photosPerRequest: 6 });
  });

  it('shows the photos to the county, audits each view; no photo without an account', async () => {
    const detail = await t.request(await t.login('county'), { method: 'GET', url: `/api/relief-requests/${id}` });
    const photos = detail.json().photos as { id: string; seq: number }[];
    expect(photos.map((p) => p.seq)).toEqual([1, 2]);
    const view = await t.request(await t.login('county'), {
      method: 'GET',
      url: `/api/relief-requests/${id}/photos/${photos[0]?.id}`,
    });
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toContain('image/jpeg');
    expect(view.rawPayload.equals(TINY_JPEG)).toBe(true);
    const audited = await t.ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', 'in', ['relief.photo_add', 'relief.photo_read'])
      .execute();
    expect(audited.filter((a) => a.action === 'relief.photo_add')).toHaveLength(2);
    expect(audited.filter((a) => a.action === 'relief.photo_read')).toHaveLength(1);
    const anonymous = await t.request(undefined, {
      method: 'GET',
      url: `/api/relief-requests/${id}/photos/${photos[0]?.id}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets a cadre in scope add a photo; refuses a user of another department', async () => {
    const res = await t.request(await t.login('village'), {
      method: 'POST',
      url: `/api/relief-requests/${id}/photos`,
      ...multipart('visit.jpg', variant(2)),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().seq).toBe(3);
    const by = await t.ctx.database.db
      .selectFrom('relief_request_photos')
      .select('uploaded_by')
      .where('request_id', '=', id)
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    expect(by.uploaded_by).toBe('village');
    const other = await t.request(await t.login('department'), {
      method: 'POST',
      url: `/api/relief-requests/${id}/photos`,
      ...multipart('x.png', TINY_PNG),
    });
    expect(other.statusCode).toBe(404);
  });
});
