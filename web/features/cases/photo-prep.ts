/**
 * Photos are made smaller on the phone before they are kept or sent (≤ 1600 px, JPEG): a 4 MB camera photo becomes
 * a few hundred KB, which is what a 3G line can carry. Re-encoding drops the photo's metadata, so its GPS position
 * is read first (from the EXIF block) and offered as the report's place. The server re-encodes again and reads no
 * GPS from what the phone sends.
 */
export const MAX_PHOTO_EDGE = 1600;
const JPEG_QUALITY = 0.8;
/** Enough of the file to hold the EXIF block, which sits at the start of a JPEG. */
const EXIF_READ_BYTES = 256 * 1024;

export interface PreparedPhoto {
  bytes: ArrayBuffer;
  type: string;
  gps: { lat: number; lng: number } | null;
}

function readBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Response(blob).arrayBuffer();
}

/** Degrees from three EXIF rationals (degrees, minutes, seconds). */
function dms(view: DataView, offset: number, little: boolean): number {
  const part = (i: number) => {
    const den = view.getUint32(offset + i * 8 + 4, little);
    return den === 0 ? 0 : view.getUint32(offset + i * 8, little) / den;
  };
  return part(0) + part(1) / 60 + part(2) / 3600;
}

/** The GPS position in a JPEG's EXIF block, or null (no EXIF, no GPS, or a malformed block). */
export function readExifGps(buffer: ArrayBuffer): { lat: number; lng: number } | null {
  try {
    const view = new DataView(buffer);
    if (view.getUint16(0) !== 0xffd8) return null;
    let offset = 2;
    while (offset + 4 <= view.byteLength) {
      const marker = view.getUint16(offset);
      const size = view.getUint16(offset + 2);
      if (marker === 0xffe1 && view.getUint32(offset + 4) === 0x45786966) return gpsOfTiff(view, offset + 10);
      if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return null;
      offset += 2 + size;
    }
    return null;
  } catch {
    return null;
  }
}

function gpsOfTiff(view: DataView, tiff: number): { lat: number; lng: number } | null {
  const little = view.getUint16(tiff) === 0x4949;
  const entries = (ifd: number) => {
    const count = view.getUint16(ifd, little);
    return Array.from({ length: count }, (_, i) => ifd + 2 + i * 12);
  };
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  const gpsEntry = entries(ifd0).find((e) => view.getUint16(e, little) === 0x8825);
  if (gpsEntry === undefined) return null;
  const gpsIfd = tiff + view.getUint32(gpsEntry + 8, little);
  const tags = new Map(entries(gpsIfd).map((e) => [view.getUint16(e, little), e]));
  const latRef = tags.get(1);
  const lat = tags.get(2);
  const lngRef = tags.get(3);
  const lng = tags.get(4);
  if (latRef === undefined || lat === undefined || lngRef === undefined || lng === undefined) return null;
  const latValue = dms(view, tiff + view.getUint32(lat + 8, little), little);
  const lngValue = dms(view, tiff + view.getUint32(lng + 8, little), little);
  const south = String.fromCharCode(view.getUint8(latRef + 8)) === 'S';
  const west = String.fromCharCode(view.getUint8(lngRef + 8)) === 'W';
  const result = { lat: south ? -latValue : latValue, lng: west ? -lngValue : lngValue };
  const valid =
    Math.abs(result.lat) <= 90 && Math.abs(result.lng) <= 180 && !(result.lat === 0 && result.lng === 0);
  return valid ? result : null;
}

async function downscale(file: Blob): Promise<Blob | null> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return null;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_PHOTO_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/jpeg', JPEG_QUALITY));
}

/**
 * The photo to keep: downscaled on the device when the browser can, else the original (the server still limits
 * size and re-encodes). The GPS comes from the original.
 */
export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  const head = await readBytes(file.slice(0, EXIF_READ_BYTES));
  const gps = readExifGps(head);
  const smaller = await downscale(file).catch(() => null);
  const kept = smaller && smaller.size > 0 && smaller.size < file.size ? smaller : file;
  return { bytes: await readBytes(kept), type: kept.type || 'image/jpeg', gps };
}
