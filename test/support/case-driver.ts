import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/** A tiny valid PDF for step materials. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export function multipart(name: string, content: Buffer, mime = 'application/pdf') {
  const boundary = `----sx${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T02:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString();
};

/** Drives cases through their steps over HTTP as the users of each level would (SPEC §8.1). */
export function caseDriver(t: TestApp, users: Record<string, string>) {
  let today = '2026-09-01';
  const setDay = (iso: string) => {
    today = iso;
    t.setNow(`${iso}T02:00:00Z`);
  };
  const get = async (id: string, cookie = users.county as string) => {
    const res = await t.request(cookie, { method: 'GET', url: `/api/cases/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const act = (id: string, body: object, cookie: string) =>
    t.request(cookie, { method: 'POST', url: `/api/cases/${id}/actions`, payload: body });
  const upload = async (id: string, cookie: string) => {
    const res = await t.request(cookie, {
      method: 'POST',
      url: `/api/cases/${id}/files`,
      ...multipart('材料.pdf', PDF),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const meeting = () => ({
    date: today,
    attendees: ['王书记', '李主任', '党员代表张某', '户主代表赵某'],
    votesFor: 4,
    votesAgainst: 0,
  });

  async function attachMissing(id: string, cookie: string) {
    const c = await get(id, cookie);
    const missing = c.step.missingRecords as { code: string }[];
    if (missing.length === 0) return;
    const fileId = await upload(id, cookie);
    const res = await act(
      id,
      { type: 'attach_records', attachments: missing.map((m) => ({ recordCode: m.code, fileId })) },
      cookie,
    );
    expect(res.statusCode, res.body).toBe(200);
  }

  return {
    get,
    act,
    setDay,
    today: () => today,
    cookieFor: (level: string) => users[level === 'department' ? 'county' : level] as string,
    /** Completes the current step: materials, meeting, publicity (waiting until it ends), then completion. */
    async completeStep(id: string, extra: object = {}) {
      const c = await get(id);
      const cookie = this.cookieFor(c.step.level);
      await attachMissing(id, cookie);
      if (c.step.publicity) {
        if (!c.publicity) {
          const started = await act(
            id,
            { type: 'start_publicity', meeting: c.step.meeting ? meeting() : undefined },
            cookie,
          );
          expect(started.statusCode, started.body).toBe(200);
        }
        const now = await get(id);
        setDay(addDays(now.publicity.end, 1).slice(0, 10));
      }
      const body = {
        type: 'complete_step',
        note: `${c.step.name}已完成`,
        ...(c.step.meeting && !c.step.publicity ? { meeting: meeting() } : {}),
        ...extra,
      };
      const res = await act(id, body, cookie);
      expect(res.statusCode, `${c.step.code}: ${res.body}`).toBe(200);
      setDay(addDays(today, 1).slice(0, 10));
      return res.json();
    },
    async driveToEnd(id: string, extra: Record<string, object> = {}) {
      for (let i = 0; i < 20; i++) {
        const c = await get(id);
        if (c.outcome) return c;
        await this.completeStep(id, extra[c.step.code] ?? {});
      }
      throw new Error('case did not finish');
    },
  };
}
