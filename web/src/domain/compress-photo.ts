/**
 * Photos taken on a phone are 3–8 MB; the relief platform (and visits) keep a picture good enough to see a leaking
 * roof or a hospital bill. The browser redraws the photo at most `maxSide` pixels on its longer side as JPEG, which
 * also drops the phone's EXIF (position, model) before anything leaves the phone.
 */
export async function compressPhoto(file: Blob, maxSide = 1600, quality = 0.8): Promise<Blob> {
  const bitmap = await createImageBitmap(file).catch(() => undefined);
  if (!bitmap) throw new Error('无法读取这张照片，请换一张或重新拍摄');
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('无法处理照片');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob) throw new Error('无法处理照片');
  return blob;
}
