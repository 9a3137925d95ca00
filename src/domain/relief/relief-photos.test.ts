import { describe, expect, it } from 'vitest';
import { jpegWithExif, pngWithText, TINY_JPEG, TINY_PNG } from '../../../test/support/photos.ts';
import { checkReliefPhoto, stripJpegMetadata, stripPngMetadata } from './relief-photos.ts';

describe('relief application photos (SPEC §14)', () => {
  it('removes a JPEG’s EXIF (the phone’s GPS position) and keeps the picture byte for byte', () => {
    const withExif = jpegWithExif();
    expect(withExif.includes(Buffer.from('GPSLatitude'))).toBe(true);
    const clean = stripJpegMetadata(withExif);
    expect(clean?.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(clean?.equals(TINY_JPEG)).toBe(true);
  });

  it('removes a PNG’s text chunks and keeps every picture chunk', () => {
    const clean = stripPngMetadata(pngWithText());
    expect(clean?.includes(Buffer.from('GPS'))).toBe(false);
    expect(clean?.equals(TINY_PNG)).toBe(true);
  });

  it('names each refusal: empty, too large, not a picture, damaged', () => {
    expect(checkReliefPhoto(Buffer.alloc(0))).toMatchObject({ ok: false, code: 'FILE_EMPTY' });
    expect(checkReliefPhoto(TINY_JPEG, 10)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
    expect(checkReliefPhoto(Buffer.from('%PDF-1.7 not a photo'))).toMatchObject({ ok: false, code: 'FILE_TYPE' });
    expect(checkReliefPhoto(Buffer.from('<script>alert(1)</script>'))).toMatchObject({ ok: false, code: 'FILE_TYPE' });
    expect(checkReliefPhoto(TINY_JPEG.subarray(0, 30))).toMatchObject({ ok: false, code: 'FILE_DAMAGED' });
    expect(checkReliefPhoto(TINY_PNG.subarray(0, 40))).toMatchObject({ ok: false, code: 'FILE_DAMAGED' });
  });

  it('answers the stored form with its type, size and digest', () => {
    const r = checkReliefPhoto(jpegWithExif());
    expect(r).toMatchObject({ ok: true, mime: 'image/jpeg', size: TINY_JPEG.length });
    const again = checkReliefPhoto(TINY_JPEG);
    // the same picture with and without EXIF is the same photo (a retried upload is kept once)
    expect(r.ok && again.ok && r.sha256 === again.sha256).toBe(true);
    expect(checkReliefPhoto(pngWithText())).toMatchObject({ ok: true, mime: 'image/png' });
  });
});
