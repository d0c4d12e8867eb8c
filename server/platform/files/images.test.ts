import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { processImage, sniffImageType, type ProcessedImage } from './images';

// Every image is made here with sharp itself: no files from elsewhere.
const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } });

/** A 1200×800 JPEG stored sideways (EXIF orientation 6) with a GPS fix near Tây Ninh (11°18′30″N 106°6′0″E). */
async function cameraJpeg(latRef = 'N', lonRef = 'E'): Promise<Buffer> {
  return solid(1200, 800)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Field 1' },
      IFD3: {
        GPSLatitudeRef: latRef,
        GPSLatitude: '11/1 18/1 3000/100',
        GPSLongitudeRef: lonRef,
        GPSLongitude: '106/1 6/1 0/1',
      },
    })
    .toBuffer();
}

/** A PNG whose header declares 20000×20000 (400 MP) with almost no data behind it. */
function bombPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20000, 0);
  ihdr.writeUInt32BE(20000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method quirks, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(60_001))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function refusal(bytes: Buffer, options?: Parameters<typeof processImage>[1]): Promise<AppError> {
  try {
    await processImage(bytes, { field: 'photos.0', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

function expectBilingualValidation(error: AppError, vietnamese: RegExp) {
  expect(error.code).toBe('VALIDATION');
  expect(error.status).toBe(400);
  expect(error.message).toMatch(/[a-z]/);
  expect(error.messageVi).toMatch(vietnamese);
  expect(error.details?.[0]).toMatchObject({
    path: 'photos.0',
    message: error.message,
    messageVi: error.messageVi,
  });
}

async function expectClean(output: ProcessedImage['display']) {
  const meta = await sharp(output.bytes).metadata();
  expect(meta.format).toBe('webp');
  expect(meta.exif).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.orientation).toBeUndefined();
  expect([meta.width, meta.height]).toEqual([output.width, output.height]);
  expect(output.bytes.length).toBeGreaterThan(0);
  expect(output.sha256).toBe(createHash('sha256').update(output.bytes).digest('hex'));
  // Nothing of the camera's EXIF survives in the bytes, not even as text.
  expect(output.bytes.includes(Buffer.from('TestCam'))).toBe(false);
  expect(output.bytes.includes(Buffer.from('Exif'))).toBe(false);
}

describe('processImage', () => {
  it('reads the GPS, applies the orientation and strips every piece of metadata from a camera JPEG', async () => {
    const input = await cameraJpeg();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const out = await processImage(input);
    expect(out.sourceFormat).toBe('jpeg');
    expect(out.sourceSha256).toBe(createHash('sha256').update(input).digest('hex'));
    expect(out.gps).toEqual({ latitude: 11.308333, longitude: 106.1 });
    // Stored 1200×800 sideways: upright it is 800 wide and 1200 tall, so the longest side 1280 keeps it whole.
    expect([out.display.width, out.display.height]).toEqual([800, 1200]);
    expect([out.thumbnail.width, out.thumbnail.height]).toEqual([213, 320]);
    await expectClean(out.display);
    await expectClean(out.thumbnail);
  });

  it('turns southern and western refs into negative degrees', async () => {
    const out = await processImage(await cameraJpeg('S', 'W'));
    expect(out.gps).toEqual({ latitude: -11.308333, longitude: -106.1 });
  });

  it('scales a large photo down to 1280 px on its longest side, and offers no place when it has none', async () => {
    const out = await processImage(await solid(3000, 2000).jpeg().toBuffer());
    expect([out.display.width, out.display.height]).toEqual([1280, 853]);
    expect(out.gps).toBeUndefined();
  });

  it('accepts PNG and WebP by their content, whatever the upload was called', async () => {
    const png = await processImage(await solid(400, 300).png().withIccProfile('p3').toBuffer());
    expect(png.sourceFormat).toBe('png');
    expect([png.display.width, png.display.height]).toEqual([400, 300]);
    await expectClean(png.display);
    const webp = await processImage(
      await solid(300, 400)
        .webp()
        .withExif({ IFD0: { Make: 'TestCam' } })
        .toBuffer(),
    );
    expect(webp.sourceFormat).toBe('webp');
    await expectClean(webp.display);
  });

  it('re-encodes a 16-bit PNG with transparency and a greyscale JPEG', async () => {
    const deep = sharp({
      create: { width: 64, height: 48, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } },
    });
    const png16 = await processImage(await deep.toColourspace('rgb16').png().toBuffer());
    expect([png16.display.width, png16.display.height]).toEqual([64, 48]);
    expect((await sharp(png16.display.bytes).metadata()).hasAlpha).toBe(true);
    const grey = await processImage(await solid(100, 50).greyscale().jpeg().toBuffer());
    expect([grey.thumbnail.width, grey.thumbnail.height]).toEqual([100, 50]);
  });

  it('accepts AVIF, which this sharp build decodes, and refuses HEIC, which it cannot', async () => {
    const avif = await processImage(await solid(200, 100).avif().toBuffer());
    expect(avif.sourceFormat).toBe('avif');
    expect(avif.display.width).toBe(200);
    const heicHeader = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    ]);
    expectBilingualValidation(await refusal(heicHeader), /HEIC/);
  });

  it('refuses an SVG, a GIF, a PDF and a text file named .jpg with a clear bilingual message', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    expectBilingualValidation(await refusal(svg), /SVG/);
    expectBilingualValidation(await refusal(await solid(10, 10).gif().toBuffer()), /GIF/);
    expectBilingualValidation(await refusal(Buffer.from('%PDF-1.4\n%%EOF\n')), /PDF/);
    const text = await refusal(Buffer.from('Xin chào, đây là văn bản, không phải ảnh.'), {
      field: 'photos.0',
    });
    expectBilingualValidation(text, /không phải ảnh/);
    expect(
      sniffImageType(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toBe('svg');
  });

  it('refuses a JPEG header followed by garbage as unreadable, not with a 500', async () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    expectBilingualValidation(await refusal(broken), /hỏng/);
  });

  it('refuses a decompression bomb from its header, quickly and without decoding it', async () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(2_000);
    const started = performance.now();
    const error = await refusal(bomb);
    // Decoding 400 megapixels would take many seconds and gigabytes; the bound is loose for a loaded CI machine.
    expect(performance.now() - started).toBeLessThan(5_000);
    expectBilingualValidation(error, /20000×20000/);
  });

  it('refuses a file over the byte limit before looking inside, and an empty one', async () => {
    const photo = await solid(500, 500).jpeg().toBuffer();
    const error = await refusal(photo, { limits: { maxBytes: photo.length - 1, maxPixels: 40_000_000 } });
    expectBilingualValidation(error, /lớn hơn/);
    expectBilingualValidation(await refusal(Buffer.alloc(0)), /rỗng/);
  });

  it('applies the pixel limit it is given', async () => {
    const photo = await solid(500, 500).png().toBuffer();
    const error = await refusal(photo, { limits: { maxBytes: 10_000_000, maxPixels: 200_000 } });
    expectBilingualValidation(error, /500×500/);
  });
});
