import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import exifReader from 'exif-reader';
import { AppError } from '../errors';

/**
 * Photo intake: a citizen's upload is decoded only when its bytes say it is a photo we accept, then re-encoded
 * so nothing of the original file (EXIF, GPS, ICC, maker notes, trailing data) reaches storage or the public.
 * The module calls this inside its own flow and stores the outputs through the storage interface.
 */

export interface ImageLimits {
  /** Largest accepted upload, in bytes. */
  maxBytes: number;
  /** Largest accepted width × height, checked from the header before any pixel is decoded. */
  maxPixels: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 };

export interface ImageOutput {
  bytes: Buffer;
  contentType: 'image/webp';
  width: number;
  height: number;
  /** Lowercase hex SHA-256 of `bytes`. */
  sha256: string;
}

export interface ProcessedImage {
  /** The format the bytes turned out to be (never the name or the client's content type). */
  sourceFormat: AcceptedFormat;
  /** Lowercase hex SHA-256 of the upload as received: lets a module recognise a resent photo. */
  sourceSha256: string;
  /** Longest side at most `displaySize` px, WebP, orientation applied, no metadata. */
  display: ImageOutput;
  /** Longest side at most `thumbnailSize` px, WebP, no metadata. */
  thumbnail: ImageOutput;
  /** The photo's own GPS position, read before the metadata is dropped; the module may offer it as the place. */
  gps: { latitude: number; longitude: number } | undefined;
}

export type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export interface ProcessOptions {
  limits?: ImageLimits;
  /** The field the error details point at, e.g. "photos.2". */
  field?: string;
  displaySize?: number;
  thumbnailSize?: number;
}

type Sniffed = AcceptedFormat | 'heic' | 'gif' | 'svg' | 'pdf' | 'unknown';

/** Magic numbers only: decides what we let the decoder see (libvips would also open SVG, PDF, TIFF, raw…). */
export function sniffImageType(bytes: Buffer): Sniffed {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp';
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp') {
    const brand = bytes.toString('latin1', 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.toString('latin1', 0, 6))) return 'gif';
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  const head = bytes.toString('utf8', 0, Math.min(bytes.length, 1024)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return 'unknown';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function refuse(field: string, en: string, vi: string): AppError {
  return new AppError('VALIDATION', en, { messageVi: vi, details: [{ path: field, message: en, messageVi: vi }] });
}

const NOT_A_PHOTO: Record<Exclude<Sniffed, AcceptedFormat>, [string, string]> = {
  heic: [
    'HEIC photos cannot be read here. Please send the photo as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible).',
    'Không đọc được ảnh HEIC. Vui lòng gửi ảnh dạng JPEG (trên iPhone: Cài đặt → Camera → Định dạng → Tương thích nhất).',
  ],
  gif: ['GIF files are not accepted. Please send a photo (JPEG, PNG or WebP).', 'Không nhận tệp GIF. Vui lòng gửi ảnh chụp (JPEG, PNG hoặc WebP).'],
  svg: ['SVG drawings are not accepted. Please send a photo (JPEG, PNG or WebP).', 'Không nhận tệp SVG. Vui lòng gửi ảnh chụp (JPEG, PNG hoặc WebP).'],
  pdf: ['PDF documents are not accepted here. Please send a photo (JPEG, PNG or WebP).', 'Không nhận tệp PDF ở đây. Vui lòng gửi ảnh chụp (JPEG, PNG hoặc WebP).'],
  unknown: [
    'This file is not a photo we can read. Please send a JPEG, PNG or WebP photo.',
    'Tệp này không phải ảnh đọc được. Vui lòng gửi ảnh JPEG, PNG hoặc WebP.',
  ],
};

/**
 * Checks, reads the GPS, and re-encodes one uploaded photo. Every refusal is an AppError('VALIDATION') with
 * English and Vietnamese text and a detail at `field`; nothing about a bad upload becomes a 500.
 */
export async function processImage(bytes: Buffer, options: ProcessOptions = {}): Promise<ProcessedImage> {
  const limits = options.limits ?? DEFAULT_IMAGE_LIMITS;
  const field = options.field ?? 'file';
  const displaySize = options.displaySize ?? 1280;
  const thumbnailSize = options.thumbnailSize ?? 320;

  if (bytes.length === 0) throw refuse(field, 'The file is empty.', 'Tệp rỗng.');
  if (bytes.length > limits.maxBytes) {
    const mb = formatMegabytes(limits.maxBytes);
    throw refuse(field, `The photo is larger than ${mb} MB.`, `Ảnh lớn hơn ${mb} MB.`);
  }
  const sniffed = sniffImageType(bytes);
  if (sniffed === 'jpeg' || sniffed === 'png' || sniffed === 'webp' || sniffed === 'avif') {
    return reencode(bytes, sniffed, { limits, field, displaySize, thumbnailSize });
  }
  const [en, vi] = NOT_A_PHOTO[sniffed];
  throw refuse(field, en, vi);
}

const UNREADABLE: [string, string] = [
  'The photo is damaged or cannot be read. Please take or choose it again.',
  'Ảnh bị hỏng hoặc không đọc được. Vui lòng chụp hoặc chọn lại ảnh.',
];

async function reencode(
  bytes: Buffer,
  format: AcceptedFormat,
  o: { limits: ImageLimits; field: string; displaySize: number; thumbnailSize: number },
): Promise<ProcessedImage> {
  // limitInputPixels makes libvips refuse while decoding too; the header check below refuses before decoding.
  const input = { limitInputPixels: o.limits.maxPixels, failOn: 'error' as const };
  let meta: Metadata;
  try {
    // Reading the header decodes no pixels, so it runs without the pixel limit and the check below names the size.
    meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata();
  } catch {
    throw refuse(o.field, ...UNREADABLE);
  }
  if (meta.format !== (format === 'avif' ? 'heif' : format) || (format === 'avif' && meta.compression !== 'av1')) {
    throw refuse(o.field, ...UNREADABLE);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > o.limits.maxPixels) {
    const mp = Math.floor(o.limits.maxPixels / 1_000_000);
    throw refuse(
      o.field,
      `The photo has too many pixels (${width}×${height}); at most ${mp} megapixels are accepted.`,
      `Ảnh có quá nhiều điểm ảnh (${width}×${height}); chỉ nhận tối đa ${mp} megapixel.`,
    );
  }
  const gps = meta.exif ? gpsFromExif(meta.exif) : undefined;

  try {
    // One decode of the large original (with JPEG shrink-on-load), oriented and cut to the display size as 8-bit
    // sRGB pixels; both WebPs are encoded from those pixels. Outputs carry no metadata: sharp writes none unless
    // asked (no withMetadata/keepExif/keepIccProfile here).
    const { data, info } = await sharp(bytes, input)
      .rotate()
      .resize({ width: o.displaySize, height: o.displaySize, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .timeout({ seconds: 20 })
      .toBuffer({ resolveWithObject: true });
    const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    const [display, thumbnail] = await Promise.all([encode(pixels(), o.displaySize, 80), encode(pixels(), o.thumbnailSize, 70)]);
    return { sourceFormat: format, sourceSha256: sha256(bytes), display, thumbnail, gps };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw refuse(o.field, 'The photo has too many pixels.', 'Ảnh có quá nhiều điểm ảnh.');
    }
    throw refuse(o.field, ...UNREADABLE);
  }
}

async function encode(pipeline: Sharp, size: number, quality: number): Promise<ImageOutput> {
  const { data, info } = await pipeline
    .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
    .webp({ quality })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, contentType: 'image/webp', width: info.width, height: info.height, sha256: sha256(data) };
}

/** Decimal degrees from EXIF's degrees/minutes/seconds and N/S, E/W refs; none for a missing or impossible fix. */
export function gpsFromExif(exif: Buffer): { latitude: number; longitude: number } | undefined {
  let info: ReturnType<typeof exifReader>['GPSInfo'];
  try {
    info = exifReader(exif).GPSInfo;
  } catch {
    return undefined; // A broken EXIF block costs the citizen only the suggestion, not the photo.
  }
  if (!info) return undefined;
  const latitude = toDegrees(info.GPSLatitude, info.GPSLatitudeRef, 'S');
  const longitude = toDegrees(info.GPSLongitude, info.GPSLongitudeRef, 'W');
  if (latitude === undefined || longitude === undefined) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  // Cameras without a fix often write 0,0 ("Null Island"): offering it would put the report in the Gulf of Guinea.
  if (latitude === 0 && longitude === 0) return undefined;
  return { latitude: round6(latitude), longitude: round6(longitude) };
}

function toDegrees(dms: unknown, ref: unknown, negativeRef: string): number | undefined {
  if (!Array.isArray(dms) || dms.length !== 3 || !dms.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return undefined;
  }
  if (ref !== undefined && typeof ref !== 'string') return undefined;
  const [d, m, s] = dms as [number, number, number];
  const value = d + m / 60 + s / 3600;
  return typeof ref === 'string' && ref.trim().toUpperCase() === negativeRef ? -value : value;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const formatMegabytes = (bytes: number) => String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
