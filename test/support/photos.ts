import zlib from 'node:zlib';

/** A 1×1 JPEG (JFIF) and a 1×1 PNG, real pictures a browser shows. */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The JPEG with an EXIF segment (as a phone writes it, with a GPS position) right after JFIF. */
export function jpegWithExif(text = 'Exif\0\0GPSLatitude=25.0389N;GPSLongitude=102.7183E') {
  const payload = Buffer.from(text, 'latin1');
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);
  const app0End = 2 + 2 + TINY_JPEG.readUInt16BE(4);
  return Buffer.concat([TINY_JPEG.subarray(0, app0End), app1, payload, TINY_JPEG.subarray(app0End)]);
}

/** The PNG with a tEXt chunk before IEND. */
export function pngWithText(keyword = 'Comment', value = 'GPS 25.0389N 102.7183E') {
  const data = Buffer.from(`${keyword}\0${value}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const iend = TINY_PNG.length - 12;
  return Buffer.concat([TINY_PNG.subarray(0, iend), chunk, TINY_PNG.subarray(iend)]);
}
