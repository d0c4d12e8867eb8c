import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { CASE_TRACKING_CODE_PATTERN } from '../../../shared/rules/case-workflow';
import { createFakeClock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { testSealer } from '../../test/app';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test/database';
import { openSealed } from '../../platform/crypto/sealed-columns';
import { buildHamlet, COMMUNE_A, COMMUNE_B, loadTestUnits } from '../teams/teams.fixtures';
import {
  anonymousCtx,
  CONSENT_VERSION,
  createTestCasesModule,
  failingStorage,
  jpeg,
  POINT_B,
  POINT_OUTSIDE,
  reportInput,
  SVG,
  tempStorage,
} from './cases.fixtures';
import type { CasesModule } from './index';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe(`case intake on ${testDialect()}`, () => {
  let database: TestDatabase;
  let m: CasesModule;
  const files = tempStorage();
  // Tuesday 1 December 2026, 09:00 in Vietnam: a working morning.
  const clock = createFakeClock('2026-12-01T02:00:00.000Z');
  const ctx = () => anonymousCtx(clock);

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadTestUnits(database.db);
    m = createTestCasesModule({ db: database.db, dialect: database.dialect, clock, storage: files.storage });
    expect(await m.ensureDefaults('80')).toBeGreaterThan(16);
    expect(await m.ensureDefaults('80')).toBe(0);
  });
  afterAll(async () => {
    await database.destroy();
    files.cleanup();
  });

  it('stores a report with its code, deadline, commune from the pin, timeline entry, audit row and event', async () => {
    const input = reportInput();
    const r = await m.intake.createCase(input, ctx());
    expect(r.status).toBe('created');
    expect(r.code).toMatch(CASE_TRACKING_CODE_PATTERN);
    expect(r.code.startsWith('PAKN.20261201.')).toBe(true);
    // 8 working hours from 09:00 on a Tuesday: the next morning (the lunch break does not count).
    expect(r.acceptDueAt > '2026-12-01T10:00:00.000Z').toBe(true);
    expect(r.reporterToken!.length).toBeGreaterThanOrEqual(20);
    const row = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      commune_code: COMMUNE_A,
      state: 'submitted',
      severity: 'normal',
      title: input.description,
      public_description: input.description,
      reporter_name: null,
      reporter_phone: null,
    });
    expect(row.published_at).toBe(row.submitted_at);
    expect(row.reporter_token_hash).not.toContain(r.reporterToken!);
    const db = database.db;
    expect(
      await db
        .selectFrom('case_updates')
        .select(['kind', 'to_state', 'public'])
        .where('case_id', '=', input.id)
        .execute(),
    ).toEqual([{ kind: 'transition', to_state: 'submitted', public: 1 }]);
    expect(
      (await db.selectFrom('audit_log').select('action').where('entity_id', '=', input.id).execute()).map(
        (a) => a.action,
      ),
    ).toEqual(['case.submitted']);
    expect(
      (await db.selectFrom('events').select('type').where('entity_id', '=', input.id).execute()).map(
        (e) => e.type,
      ),
    ).toEqual(['case.submitted']);
  });

  it('numbers the day’s cases one after another, and restarts the next local day', async () => {
    const a = await m.intake.createCase(reportInput(), ctx());
    const b = await m.intake.createCase(reportInput(), ctx());
    expect(Number(b.code.slice(-4))).toBe(Number(a.code.slice(-4)) + 1);
    const later = createFakeClock('2026-12-01T17:30:00.000Z'); // 00:30 on 2 December in Vietnam
    const other = createTestCasesModule({
      db: database.db,
      dialect: database.dialect,
      clock: later,
      storage: files.storage,
    });
    expect((await other.intake.createCase(reportInput(), anonymousCtx(later))).code).toBe(
      'PAKN.20261202.0001',
    );
  });

  it('answers a resend with the same case, and refuses other content under the same id', async () => {
    const input = reportInput();
    const first = await m.intake.createCase(input, ctx());
    const again = await m.intake.createCase({ ...input, description: `  ${input.description} ` }, ctx());
    expect(again).toEqual({
      status: 'duplicate',
      caseId: first.caseId,
      code: first.code,
      state: 'submitted',
      acceptDueAt: first.acceptDueAt,
    });
    const changed = await refusal(
      m.intake.createCase({ ...input, description: 'Một nội dung khác hẳn lần trước.' }, ctx()),
    );
    expect(changed.code).toBe('CONFLICT');
    expect(changed.messageVi).toContain('nội dung khác');
    // Concurrent resends: one case, both answered with it.
    const racer = reportInput();
    const both = await Promise.all([m.intake.createCase(racer, ctx()), m.intake.createCase(racer, ctx())]);
    expect(both.map((x) => x.status).sort()).toEqual(['created', 'duplicate']);
    expect(
      await database.db.selectFrom('cases').select('id').where('id', '=', racer.id).execute(),
    ).toHaveLength(1);
  });

  it('refuses a category that does not serve the kind, a place outside the province, and a report without a place', async () => {
    expect(
      (await refusal(m.intake.createCase(reportInput({ categoryCode: 'procedures' }), ctx()))).details?.[0]
        ?.path,
    ).toBe('body.categoryCode');
    expect((await refusal(m.intake.createCase(reportInput({ categoryCode: 'nope' }), ctx()))).code).toBe(
      'VALIDATION',
    );
    const outside = await refusal(
      m.intake.createCase(reportInput({ location: { ...POINT_OUTSIDE } }), ctx()),
    );
    expect(outside.details?.[0]).toMatchObject({ path: 'body.location' });
    expect(outside.details?.[0]?.messageVi).toContain('ngoài tỉnh');
    expect(
      (await refusal(m.intake.createCase(reportInput({ location: null }), ctx()))).details?.[0]?.path,
    ).toBe('body.location');
    // A petition needs no place.
    const petition = await m.intake.createCase(
      reportInput({ kind: 'petition', categoryCode: 'procedures', location: null }),
      ctx(),
    );
    const row = await database.db
      .selectFrom('cases')
      .select(['published_at', 'commune_code'])
      .where('id', '=', petition.caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ published_at: null, commune_code: null });
  });

  it('places a report by commune and hamlet when there is no GPS, and refuses a hamlet of another commune', async () => {
    const hamlet = await buildHamlet(database.db, COMMUNE_B);
    const ok = await m.intake.createCase(
      reportInput({
        location: null,
        communeCode: COMMUNE_B,
        hamletId: hamlet.id,
        addressText: 'Số 5 đường 30/4',
      }),
      ctx(),
    );
    expect(ok.status).toBe('created');
    const bad = await refusal(
      m.intake.createCase(
        reportInput({ location: null, communeCode: COMMUNE_A, hamletId: hamlet.id }),
        ctx(),
      ),
    );
    expect(bad.details?.[0]?.path).toBe('body.hamletId');
    expect(
      (await refusal(m.intake.createCase(reportInput({ location: null, communeCode: '00001' }), ctx())))
        .details?.[0]?.path,
    ).toBe('body.communeCode');
    const pinB = await m.intake.createCase(reportInput({ location: { ...POINT_B } }), ctx());
    expect(
      (
        await database.db
          .selectFrom('cases')
          .select('commune_code')
          .where('id', '=', pinB.caseId)
          .executeTakeFirstOrThrow()
      ).commune_code,
    ).toBe(COMMUNE_B);
  });

  it('seals the contact, records the consent, and requires the register’s current consent version', async () => {
    const noConsent = await refusal(
      m.intake.createCase(reportInput({ reporter: { showName: false, phone: '0912 345 678' } }), ctx()),
    );
    expect(noConsent.details?.[0]?.path).toBe('body.contactConsentVersion');
    const old = await refusal(
      m.intake.createCase(
        reportInput({ reporter: { showName: false, email: 'a@b.vn', consentVersion: '2020-01-01' } }),
        ctx(),
      ),
    );
    expect(old.code).toBe('VALIDATION');
    expect(
      (
        await refusal(
          m.intake.createCase(
            reportInput({ reporter: { showName: false, phone: '12345', consentVersion: CONSENT_VERSION } }),
            ctx(),
          ),
        )
      ).details?.[0]?.path,
    ).toBe('body.phone');

    const input = reportInput({
      reporter: {
        name: 'Nguyễn Thị Phản',
        phone: '0912 345 678',
        email: 'Dan.Phan@Example.VN',
        showName: true,
        consentVersion: CONSENT_VERSION,
      },
    });
    await m.intake.createCase(input, ctx());
    const row = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow();
    expect(row.reporter_phone).toMatch(/^s1\./);
    expect(openSealed(testSealer, 'cases.reporter_phone', row.reporter_phone)).toBe('+84912345678');
    expect(openSealed(testSealer, 'cases.reporter_email', row.reporter_email)).toBe('dan.phan@example.vn');
    expect(openSealed(testSealer, 'cases.reporter_name', row.reporter_name)).toBe('Nguyễn Thị Phản');
    expect(row.public_name).toBe('Nguyễn Thị Phản');
    const consent = await database.db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', input.id)
      .executeTakeFirstOrThrow();
    expect(consent).toMatchObject({
      purpose: 'reports',
      text_version: CONSENT_VERSION,
      channel: 'web',
      subject_type: 'case_contact',
      contact_hash: row.reporter_phone_hash,
    });
    const audit = await database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', input.id)
      .executeTakeFirstOrThrow();
    expect(audit.after_json).not.toContain('0912');
    expect(audit.after_json).not.toContain('Phản');
  });

  it('refuses a blocked sender with a friendly message, and limits one contact’s reports a day', async () => {
    const phone = '0933 111 222';
    const [hash] = testSealer.hashesFor('+84933111222', 'phone');
    await database.db
      .insertInto('case_blocked_senders')
      .values({
        id: uuidv7(),
        province_code: '80',
        contact_hash: hash as never,
        reason: 'abuse',
        blocked_by: uuidv7(),
        created_at: clock.now().toISOString(),
        until: null,
      })
      .execute();
    const blocked = await refusal(
      m.intake.createCase(
        reportInput({ reporter: { showName: false, phone, consentVersion: CONSENT_VERSION } }),
        ctx(),
      ),
    );
    expect(blocked.code).toBe('FORBIDDEN');
    expect(blocked.messageVi).toContain('Hiện không nhận phản ánh');

    const email = `limit-${uuidv7().slice(-6)}@example.vn`;
    for (let i = 0; i < 10; i++)
      await m.intake.createCase(
        reportInput({ reporter: { showName: false, email, consentVersion: CONSENT_VERSION } }),
        ctx(),
      );
    const limited = await refusal(
      m.intake.createCase(
        reportInput({ reporter: { showName: false, email, consentVersion: CONSENT_VERSION } }),
        ctx(),
      ),
    );
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.messageVi).toContain('ngày mai');
    // Staff filing on behalf of a caller is not limited.
    expect(
      (
        await m.intake.createCase(
          reportInput({
            source: 'staff',
            channel: 'phone',
            reporter: { showName: false, email, consentVersion: CONSENT_VERSION },
          }),
          ctx(),
        )
      ).status,
    ).toBe('created');
  });

  it('stores photos with the case, offers a photo’s GPS as the place, and refuses SVG and broken images in Vietnamese', async () => {
    const input = reportInput({ location: null, photos: [await jpeg({ gps: true }), await jpeg()] });
    await m.intake.createCase(input, ctx());
    const row = await database.db
      .selectFrom('cases')
      .select(['lat', 'lng', 'commune_code'])
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow();
    expect(row.commune_code).toBe(COMMUNE_A);
    expect(row.lat).toBeCloseTo(11.3083, 3);
    const stored = await database.db
      .selectFrom('case_files')
      .selectAll()
      .where('case_id', '=', input.id)
      .orderBy('position')
      .execute();
    expect(stored.map((f) => f.position)).toEqual([0, 1]);
    for (const f of stored) {
      expect(await files.storage.exists(f.display_key)).toBe(true);
      expect((await files.storage.get(f.thumb_key))?.contentType).toBe('image/webp');
    }
    const svg = await refusal(m.intake.createCase(reportInput({ photos: [await jpeg(), SVG] }), ctx()));
    expect(svg.details?.[0]).toMatchObject({ path: 'photos.1' });
    expect(svg.messageVi).toContain('SVG');
    const broken = await refusal(
      m.intake.createCase(reportInput({ photos: [Buffer.from('not an image at all')] }), ctx()),
    );
    expect(broken.messageVi).toContain('không phải ảnh');
    const six = await refusal(
      m.intake.createCase(reportInput({ photos: Array.from({ length: 6 }, () => SVG) }), ctx()),
    );
    expect(six.details?.[0]?.path).toBe('photos');
  });

  it('stores a case whole with its photos or not at all when the storage fails midway', async () => {
    const broken = createTestCasesModule({
      db: database.db,
      dialect: database.dialect,
      clock,
      storage: failingStorage(files.storage, 3),
    });
    const input = reportInput({ photos: [await jpeg(), await jpeg(), await jpeg()] });
    const before = new Set<string>();
    for await (const page of files.storage.list('cases')) for (const e of page) before.add(e.key);
    await expect(broken.intake.createCase(input, ctx())).rejects.toThrow('storage down');
    expect(await database.db.selectFrom('cases').select('id').where('id', '=', input.id).execute()).toEqual(
      [],
    );
    expect(
      await database.db
        .selectFrom('case_submissions')
        .select('key')
        .where('key', '=', input.submissionKey)
        .execute(),
    ).toEqual([]);
    const after: string[] = [];
    for await (const page of files.storage.list('cases'))
      for (const e of page) if (!before.has(e.key)) after.push(e.key);
    expect(after).toEqual([]);
    // The same submission goes through once the storage is back.
    expect((await m.intake.createCase(input, ctx())).status).toBe('created');
  });

  it('rolls the photos back when the database refuses the case', async () => {
    const taken = reportInput();
    await m.intake.createCase(taken, ctx());
    // Another submission key with the id of a stored case: the insert fails after the photos were written.
    const clash = reportInput({ id: taken.id, submissionKey: `staff:${uuidv7()}`, photos: [await jpeg()] });
    const before: string[] = [];
    for await (const page of files.storage.list('cases')) before.push(...page.map((e) => e.key));
    expect((await refusal(m.intake.createCase(clash, ctx()))).code).toBe('CONFLICT');
    const after: string[] = [];
    for await (const page of files.storage.list('cases')) after.push(...page.map((e) => e.key));
    expect(after.sort()).toEqual(before.sort());
  });

  it('holds anonymous reports for moderation when the province asks for it', async () => {
    await database.db
      .insertInto('case_settings')
      .values({
        province_code: '80',
        deadlines_json: '{}',
        retention_months: 12,
        moderate_anonymous: 1,
        updated_by: null,
        updated_at: clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('province_code').doUpdateSet({ moderate_anonymous: 1 }))
      .execute();
    const anon = await m.intake.createCase(reportInput(), ctx());
    const named = await m.intake.createCase(
      reportInput({ reporter: { showName: false, email: 'x@example.vn', consentVersion: CONSENT_VERSION } }),
      ctx(),
    );
    const rows = await database.db
      .selectFrom('cases')
      .select(['id', 'published_at'])
      .where('id', 'in', [anon.caseId, named.caseId])
      .execute();
    expect(rows.find((r) => r.id === anon.caseId)?.published_at).toBeNull();
    expect(rows.find((r) => r.id === named.caseId)?.published_at).not.toBeNull();
    await database.db.updateTable('case_settings').set({ moderate_anonymous: 0 }).execute();
  });
});
