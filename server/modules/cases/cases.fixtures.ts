/**
 * Test fixtures for the case engine (used by *.test.ts files only): photos made with sharp at test time, a file
 * storage in a temporary folder (and one that fails), a module on a test database, and a citizen's report body.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import { findPurpose } from '../../../shared/privacy/register';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';
import { ANONYMOUS } from '../../platform/auth/actor';
import type { AuditContext } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { LocalFileStorage, type FileStorage } from '../../platform/files/index';
import { testSealer } from '../../test/app';
import { createCalendarModule } from '../calendar/index';
import { createGeographyServices } from '../geography/index';
import type { CaseIntakeInput } from './case-intake.rules';
import { createCasesModule } from './index';

/** Points inside two communes of Tây Ninh (80): Tân Ninh (25459) and Bình Minh (25480); one in Hồ Chí Minh City. */
export const POINT_A = { lat: 11.31, lng: 106.1 };
export const POINT_B = { lat: 11.39, lng: 106.12 };
export const POINT_OUTSIDE = { lat: 10.8, lng: 106.7 };
export const CONSENT_VERSION = findPurpose('reports').consent!.version;

export function tempStorage(): { storage: LocalFileStorage; dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-cases-'));
  return {
    storage: new LocalFileStorage(dir),
    dir,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Writes the first `okWrites` files, then fails every write: the middle of a report's photos. */
export function failingStorage(inner: FileStorage, okWrites: number): FileStorage {
  let writes = 0;
  return {
    description: 'failing test storage',
    put: async (key, bytes, type) => {
      writes += 1;
      if (writes > okWrites) throw new Error('storage down');
      await inner.put(key, bytes, type);
    },
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
    exists: (key) => inner.exists(key),
    list: (ns) => inner.list(ns),
  };
}

/** A small JPEG; with `gps` it carries the camera's position (11°18′30″N 106°6′E, in commune A). */
export async function jpeg(opts: { gps?: boolean; width?: number; height?: number } = {}): Promise<Buffer> {
  let img = sharp({
    create: {
      width: opts.width ?? 640,
      height: opts.height ?? 480,
      channels: 3,
      background: { r: 30, g: 120, b: 200 },
    },
  }).jpeg();
  if (opts.gps) {
    img = img.withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '11/1 18/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 6/1 0/1',
      },
    });
  }
  return img.toBuffer();
}

export const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
);

export function createTestCasesModule(deps: {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  storage: FileStorage;
}) {
  const { boundaries } = createGeographyServices({ db: deps.db });
  return createCasesModule({
    ...deps,
    sealer: testSealer,
    uploads: { maxBytes: 2 * 1024 * 1024, maxPixels: 40_000_000 },
    provinceCode: '80',
    calendarFor: createCalendarModule({ db: deps.db, clock: deps.clock }).calendarFor,
    communeAt: boundaries.communeAt,
  });
}

export function anonymousCtx(clock: Clock): AuditContext {
  return { actor: ANONYMOUS, ip: '203.0.113.9', requestId: null, at: clock.now().toISOString() };
}

/** A web report in commune A, pinned on the map, with nothing personal unless `overrides` adds it. */
export function reportInput(overrides: Partial<CaseIntakeInput> = {}): CaseIntakeInput {
  const id = overrides.id ?? uuidv7();
  return {
    id,
    submissionKey: `client:${id}`,
    kind: 'report',
    provinceCode: '80',
    categoryCode: 'street_lighting',
    description: 'Đèn đường trước chợ bị tắt ba hôm nay, buổi tối rất tối.',
    location: { ...POINT_A, accuracy: 12 },
    reporter: { showName: false },
    source: 'web',
    channel: 'web',
    ...overrides,
  };
}

/** The same report as the web form sends it (POST /api/v1/cases). */
export function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    kind: 'report',
    categoryCode: 'street_lighting',
    description: 'Đèn đường trước chợ bị tắt ba hôm nay, buổi tối rất tối.',
    location: { ...POINT_A, accuracy: 12 },
    ...overrides,
  };
}

/** A multipart body with the report as `data` and photos as `photos` parts (what the web form sends). */
export function multipartBody(data: unknown, photos: Buffer[], photoType = 'image/jpeg') {
  const boundary = `----cds${uuidv7().replaceAll('-', '')}`;
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`,
    ),
  ];
  photos.forEach((bytes, i) => {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="p${i}.jpg"\r\nContent-Type: ${photoType}\r\n\r\n`,
      ),
      bytes,
      Buffer.from('\r\n'),
    );
  });
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
