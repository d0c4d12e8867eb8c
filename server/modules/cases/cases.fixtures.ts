/**
 * Test fixtures for the case engine (used by *.test.ts files only): photos made with sharp at test time, a file
 * storage in a temporary folder (and one that fails), a module on a test database, a citizen's report body, and the
 * worlds the case-intake-*.service and case-public-*.routes test files share.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { findPurpose } from '../../../shared/privacy/register';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';
import { ANONYMOUS } from '../../platform/auth/actor';
import type { AuditContext } from '../../platform/audit';
import { createFakeClock, type Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { LocalFileStorage, type FileStorage } from '../../platform/files/index';
import { createTestApp, signIn, testSealer } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import { buildUser } from '../../test/factories';
import { createCalendarModule } from '../calendar/index';
import { createGeographyServices, loadOfficialUnits } from '../geography/index';
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

/** The AppError a call is refused with (fails the test when it is not refused). */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

export type IntakeWorld = Awaited<ReturnType<typeof createIntakeWorld>>;

/** The cases module on a test database with the demo province's units and default categories, without HTTP. */
export async function createIntakeWorld() {
  const files = tempStorage();
  // Tuesday 1 December 2026, 09:00 in Vietnam: a working morning.
  const clock = createFakeClock('2026-12-01T02:00:00.000Z');
  const database = await createTestDatabase();
  await loadOfficialUnits(database.db, { provinces: ['80'] });
  const m = createTestCasesModule({
    db: database.db,
    dialect: database.dialect,
    clock,
    storage: files.storage,
  });
  expect(await m.ensureDefaults('80')).toBeGreaterThan(16);
  expect(await m.ensureDefaults('80')).toBe(0);
  return {
    database,
    m,
    files,
    clock,
    ctx: () => anonymousCtx(clock),
    async close() {
      await database.destroy();
      files.cleanup();
    },
  };
}

export type PublicCasesWorld = Awaited<ReturnType<typeof createPublicCasesWorld>>;

/**
 * A test app of province 80 with its units, photos stored in a temporary folder (300 kB at most), the clock on a
 * working morning, and a commune officer of `officerCommune` signed in; `file` posts a report as the web form does.
 */
export async function createPublicCasesWorld(officerCommune: string) {
  const files = tempStorage();
  const t = await createTestApp({
    PROVINCE_CODE: '80',
    STORAGE_URL: `file://${files.dir}`,
    UPLOAD_MAX_BYTES: '300000',
  });
  await loadOfficialUnits(t.database.db, { provinces: ['80'] });
  // Tuesday 1 December 2026, 09:00 in Vietnam.
  t.clock.set('2026-12-01T02:00:00.000Z');
  const o = await buildUser(t.database.db, {
    grants: [{ role: 'commune_officer', unitCode: officerCommune }],
  });
  const officer = await signIn(t.app, o.email, o.password);

  const file = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/cases', payload });
  const filed = async (payload: Record<string, unknown> = reportBody()) => {
    const res = await file(payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string; reporterToken: string; status: string };
  };
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  return {
    t,
    officer,
    file,
    filed,
    get,
    async close() {
      await t.close();
      files.cleanup();
    },
  };
}
