import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCaseFile } from '../src/modules/cases/case-files.ts';
import { parseFeedFile } from '../src/modules/feeds/feed-parser.ts';
import { recoverInterruptedUploads, UPLOAD_DIR_PREFIX } from '../src/modules/feeds/recover-uploads.ts';
import { storedEntry, type ZipEntry, zipStream } from '../src/modules/feeds/zip-archive.ts';
import { feedCsv, multipart } from './feeds-fixtures.ts';
import { ENGINE, startTestApp, type TestApp } from './support/test-app.ts';

/** A zip made in memory: stored parts, or deflated ones whose declared size may lie (`declaredSize`). */
async function zipOf(parts: { name: string; data: Buffer; deflate?: boolean; declaredSize?: number }[]) {
  const plan = parts.map(({ name, data, deflate, declaredSize }) => {
    const entry: ZipEntry & { data: Buffer } = deflate
      ? { ...storedEntry(name, deflateRawSync(data, { level: 9 })), method: 8, crc32: crc32(data), size: data.length }
      : storedEntry(name, data);
    if (declaredSize !== undefined) entry.size = declaredSize;
    return { entry, name, data: entry.data };
  });
  const chunks: Buffer[] = [];
  for await (const c of zipStream('/nonexistent', plan) as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * An .xlsx of one sheet whose XML unpacks to `bytes` (a header row, then blanks): a zip bomb of ~1000:1 built in the
 * test, with its central directory honest or claiming a harmless size.
 */
function bombXlsx(bytes: number, lie: boolean) {
  const head = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>`;
  const tail = '</sheetData></worksheet>';
  const sheet = Buffer.alloc(bytes, 0x20);
  sheet.write(head, 0);
  sheet.write(tail, bytes - Buffer.byteLength(tail));
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, deflate: true, declaredSize: lie ? 4096 : undefined },
  ]);
}

const drain = async (rows: AsyncIterable<unknown>) => {
  for await (const _ of rows) {
    // read to the end
  }
};

/** Uploads bounded before they are read (issue 11 point 6). */
describe(`uploads on ${ENGINE} (issue 11 point 6)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // Small limits so that the tests stay fast: a feed file of 3 MiB, a case file of 128 KiB.
    t = await startTestApp({
      config: {
        uploads: { feedImportBytes: 3 * 1024 * 1024, caseFileBytes: 128 * 1024, reliefPhotoBytes: 4 * 1024 * 1024 },
      },
    });
  });
  afterAll(() => t.close());

  it('refuses a role that may not import before the file is read', async () => {
    const body = multipart('x.csv', 'a,b\r\n1,2');
    for (const user of ['village', 'township', 'supervisor']) {
      const res = await t.request(await t.login(user), {
        method: 'POST',
        url: '/api/feeds/medical_insurance/imports?period=2026-10',
        ...body,
      });
      expect(res.statusCode, user).toBe(403);
    }
    const anonymous = await t.request(undefined, {
      method: 'POST',
      url: '/api/feeds/medical_insurance/imports?period=2026-10',
      ...body,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses an announced body over the limit with 413 before reading it', async () => {
    const res = await t.request(await t.login('department'), {
      method: 'POST',
      url: '/api/feeds/medical_insurance/imports?period=2026-10',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(3 * 1024 ** 3) },
      payload: '--x--',
    });
    expect([413]).toContain(res.statusCode);
  });

  const importCount = async () =>
    Number(
      (
        await t.ctx.database.db
          .selectFrom('feed_imports')
          .select((e) => e.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('cuts off a body over its route limit while it streams: 413 in Chinese, no temp file, no import row', async () => {
    const small = t;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-limit-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp; // the route's temp directory goes here, to be seen empty afterwards
    try {
      const imports = await importCount();
      // Over the limit by less than the multipart allowance, so that the announced length passes and the cut-off
      // happens while streaming; the file is valid CSV up to the cut.
      const big = `姓名,身份证号\r\n${'张三,621124193708050975\r\n'.repeat(117_000)}`;
      expect(Buffer.byteLength(big)).toBeGreaterThan(3 * 1024 * 1024);
      expect(Buffer.byteLength(big)).toBeLessThan(3 * 1024 * 1024 + 60 * 1024);
      const res = await small.request(await small.login('department'), {
        method: 'POST',
        url: '/api/feeds/medical_insurance/imports?period=2026-10',
        ...multipart('big.csv', big),
      });
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', details: { field: 'file', limitMb: 3 } });
      expect(res.json().message).toMatch(/文件超过.*MB上限/);
      expect(fs.readdirSync(tmp)).toEqual([]);
      expect(await importCount()).toBe(imports);
      const rows = await small.ctx.database.db
        .selectFrom('feed_imports')
        .select('id')
        .where('status', '=', 'loading')
        .execute();
      expect(rows).toEqual([]);

      // Case files: the small limit, at onRequest when announced and while streaming when not.
      const caseUrl = `/api/cases/${randomUUID()}/files`;
      const village = await small.login('village');
      const streamed = await small.request(village, {
        method: 'POST',
        url: caseUrl,
        ...multipart('材料.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(150 * 1024, 0x20)])),
      });
      expect(streamed.statusCode).toBe(413);
      expect(streamed.json()).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limitMb: 0.1 } });
      const announced = await small.request(village, {
        method: 'POST',
        url: caseUrl,
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10 * 1024 * 1024) },
        payload: '--x--',
      });
      expect(announced.statusCode).toBe(413);
      expect(announced.json().code).toBe('FILE_TOO_LARGE');
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('refuses a header of a million columns or a header cell over 200 characters, fast; a too-wide row is a bad row', async () => {
    const dept = await t.login('department');
    const upload = (name: string, content: string) =>
      t.request(dept, {
        method: 'POST',
        url: '/api/feeds/medical_insurance/imports?period=2026-10',
        ...multipart(name, content),
      });
    const started = Date.now();
    const wide = await upload('wide.csv', `${'姓名,身份证号,'.repeat(1)}${'x,'.repeat(1_000_000)}\r\n张三,1\r\n`);
    expect(wide.statusCode, wide.body).toBe(400);
    expect(wide.json()).toMatchObject({ code: 'FEED_TOO_MANY_COLUMNS', details: { rowNumber: 1, maxColumns: 200 } });
    expect(wide.json().message).toMatch(/第1行超过200列/);
    expect(Date.now() - started).toBeLessThan(15_000);

    const settlement = feedCsv('medical_insurance', 'settlement', [{}]).split('\r\n');
    const longHeader = [`${settlement[0]},${'备注'.repeat(150)}`, settlement[1]].join('\r\n');
    const long = await upload('long.csv', longHeader);
    expect(long.statusCode, long.body).toBe(400);
    expect(long.json()).toMatchObject({ code: 'FEED_HEADER_TOO_LONG', details: { rowNumber: 1, maxChars: 200 } });

    // A data row wider than the cap: that row is refused with the reason, the others load.
    const widerRow = [settlement[0], settlement[1], `${settlement[1]}${',1'.repeat(300)}`].join('\r\n');
    const ok = await upload('row.csv', widerRow);
    expect(ok.statusCode, ok.body).toBe(201);
    const report = await t.request(dept, { method: 'GET', url: `/api/feed-imports/${ok.json().id}/errors.csv` });
    expect(report.body).toContain('本行超过200列');
    expect(report.body.split('本行超过200列')).toHaveLength(2); // that row only
    // Nothing wide is kept with the import: the list stays small.
    const list = await t.request(dept, { method: 'GET', url: '/api/feed-imports?pageSize=100' });
    expect(list.body.length).toBeLessThan(200_000);
  });

  it('refuses an .xlsx zip bomb before unpacking it (declared sizes) and while unpacking it (sizes that lie)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-bomb-'));
    try {
      const parse = (file: string, limits = {}) =>
        drain(parseFeedFile({ path: file, fileName: 'bomb.xlsx', department: 'medical_insurance', limits }));
      const honest = path.join(dir, 'honest.xlsx');
      fs.writeFileSync(honest, await bombXlsx(48 * 1024 * 1024, false));
      expect(fs.statSync(honest).size).toBeLessThan(200 * 1024);
      let started = Date.now();
      await expect(parse(honest)).rejects.toMatchObject({ code: 'FEED_XLSX_TOO_LARGE', details: { reason: 'ratio' } });
      expect(Date.now() - started).toBeLessThan(1000); // refused from the central directory, nothing unpacked
      await expect(parse(honest, { xlsxMaxRatio: 1100, xlsxMaxPartBytes: 8 * 1024 * 1024 })).rejects.toMatchObject({
        code: 'FEED_XLSX_TOO_LARGE',
        details: { reason: 'size' },
      });

      const lying = path.join(dir, 'lying.xlsx');
      fs.writeFileSync(lying, await bombXlsx(48 * 1024 * 1024, true));
      started = Date.now();
      await expect(parse(lying)).rejects.toMatchObject({ code: 'FEED_XLSX_TOO_LARGE', details: { reason: 'ratio' } });
      await expect(parse(lying, { xlsxMaxRatio: 1100, xlsxMaxPartBytes: 8 * 1024 * 1024 })).rejects.toMatchObject({
        code: 'FEED_XLSX_TOO_LARGE',
        details: { reason: 'size' },
      });
      expect(Date.now() - started).toBeLessThan(5000);

      // Through the route: 400 with the Chinese reason, and the import is failed, not left loading.
      const res = await t.request(await t.login('department'), {
        method: 'POST',
        url: '/api/feeds/medical_insurance/imports?period=2026-10',
        ...multipart('炸弹.xlsx', fs.readFileSync(lying)),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('FEED_XLSX_TOO_LARGE');
      expect(res.json().message).toMatch(/压缩比异常/);
      const loading = await t.ctx.database.db
        .selectFrom('feed_imports')
        .select('id')
        .where('status', '=', 'loading')
        .execute();
      expect(loading).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts a .docx or .xlsx only by content: an .exe inside a zip renamed .docx is refused', async () => {
    const types = {
      name: '[Content_Types].xml',
      data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    };
    const docx = await zipOf([types, { name: 'word/document.xml', data: Buffer.from('<w:document/>'), deflate: true }]);
    expect(checkCaseFile('材料.docx', docx).mime).toContain('wordprocessingml');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4000, 1)]);
    const zippedExe = await zipOf([{ name: 'setup.exe', data: exe, deflate: true }]);
    expect(() => checkCaseFile('材料.docx', zippedExe)).toThrow(expect.objectContaining({ code: 'FILE_TYPE' }));
    // The parts of a document with a program among them, by name or hidden under another name.
    for (const hidden of [
      { name: 'word/embeddings/run.exe', data: exe },
      { name: 'word/media/image1.png', data: exe, deflate: true },
      { name: 'word/vbaProject.bin', data: Buffer.from('macro') },
    ]) {
      const file = await zipOf([types, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }, hidden]);
      expect(() => checkCaseFile('材料.docx', file), hidden.name).toThrow(
        expect.objectContaining({ code: 'FILE_TYPE' }),
      );
    }
    // A zip that is not an Office document, and an .xlsx without its workbook.
    expect(() => checkCaseFile('表.xlsx', docx)).toThrow(expect.objectContaining({ code: 'FILE_TYPE' }));

    // Through the route: refused before anything is stored.
    const res = await t.request(await t.login('village'), {
      method: 'POST',
      url: `/api/cases/${randomUUID()}/files`,
      ...multipart('材料.docx', zippedExe),
    });
    expect([400, 404]).toContain(res.statusCode);
  });

  it('marks imports left loading as failed and removes upload temp files on start', async () => {
    const db = t.ctx.database.db;
    const stuck = await db
      .insertInto('feed_imports')
      .values({
        department: 'medical_insurance',
        record_kind: 'settlement',
        region_code: '621124',
        period: '2026-10',
        file_name: 'killed.csv',
        file_sha256: 'f'.repeat(64),
        batch_size: 1000,
        status: 'loading',
        imported_by: 'department',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sx-tmp-'));
    const left = fs.mkdtempSync(path.join(tmp, UPLOAD_DIR_PREFIX));
    fs.writeFileSync(path.join(left, 'plain'), '姓名,身份证号\r\n');
    const r = await recoverInterruptedUploads(db, { exclusive: true, tmpDir: tmp });
    expect(r.importsFailed).toBeGreaterThanOrEqual(1);
    expect(r.tempDirsRemoved).toBe(1);
    expect(fs.existsSync(left)).toBe(false);
    const row = await db
      .selectFrom('feed_imports')
      .select(['status'])
      .where('id', '=', stuck.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
