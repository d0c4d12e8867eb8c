import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubjectContact } from '../../platform/privacy/providers';
import { createConsentRegistry } from '../../platform/privacy/consent';
import { applyRetention } from '../../platform/privacy/retention';
import type { ContactHash } from '../../db/schema';
import { createFakeClock } from '../../platform/clock';
import { testSealer } from '../../test/app';
import { createTestDatabase, testDialect, type TestDatabase } from '../../test/database';
import { loadTestUnits } from '../teams/teams.fixtures';
import {
  anonymousCtx,
  CONSENT_VERSION,
  createTestCasesModule,
  reportInput,
  tempStorage,
} from './cases.fixtures';
import {
  caseContactConsentHook,
  caseFollowerConsentHook,
  casesPersonalData,
  casesRetention,
  type CasesModule,
} from './index';

const contact = (kind: 'phone' | 'email', value: string): SubjectContact => ({
  kind,
  value,
  hashes: testSealer.hashesFor(value, kind) as ContactHash[],
});

/**
 * The case engine's personal data (issue 10): what a data-subject request finds and erases, what withdrawing the
 * contact consent clears, and the retention rule's period after a case is closed (per province).
 */
describe(`case personal data on ${testDialect()}`, () => {
  let database: TestDatabase;
  let m: CasesModule;
  const files = tempStorage();
  const clock = createFakeClock('2026-12-01T02:00:00.000Z');
  const provider = casesPersonalData(testSealer);
  const withContact = (phone: string, email: string) =>
    reportInput({
      reporter: { name: 'Võ Thị Riêng', phone, email, showName: true, consentVersion: CONSENT_VERSION },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadTestUnits(database.db);
    m = createTestCasesModule({ db: database.db, dialect: database.dialect, clock, storage: files.storage });
    await m.ensureDefaults('80');
  });
  afterAll(async () => {
    await database.destroy();
    files.cleanup();
  });

  const row = (id: string) =>
    database.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('finds a contact’s reports and follows, and erases the contact while the case stays', async () => {
    const r = await m.intake.createCase(
      withContact('0911 000 001', 'rieng.vo@example.vn'),
      anonymousCtx(clock),
    );
    await m.citizen.follow(
      r.caseId,
      { email: 'rieng.vo@example.vn', consentVersion: CONSENT_VERSION },
      anonymousCtx(clock),
    );
    const byPhone = await provider.find(database.db, contact('phone', '+84911000001'));
    expect(byPhone).toHaveLength(1);
    expect(byPhone[0]!.data).toMatchObject({
      code: r.code,
      phone: '+84911000001',
      email: 'rieng.vo@example.vn',
      name: 'Võ Thị Riêng',
    });
    const byEmail = await provider.find(database.db, contact('email', 'rieng.vo@example.vn'));
    expect(byEmail.map((i) => i.label.en)).toEqual([
      'A report or petition you sent',
      'Following a report by e-mail',
    ]);
    expect(await provider.find(database.db, contact('phone', '+84911999999'))).toEqual([]);

    expect(
      await provider.erase(database.db, contact('email', 'rieng.vo@example.vn'), clock.now().toISOString()),
    ).toBe(2);
    const after = await row(r.caseId);
    expect(after).toMatchObject({
      reporter_name: null,
      reporter_phone: null,
      reporter_email: null,
      public_name: null,
      show_name: 0,
    });
    expect(after.description).not.toBe('');
    expect(await provider.find(database.db, contact('email', 'rieng.vo@example.vn'))).toEqual([]);
  });

  it('withdrawing the contact consent clears the phone and e-mail of the case, and a follow’s address', async () => {
    const registry = createConsentRegistry([caseContactConsentHook, caseFollowerConsentHook(testSealer)]);
    const r = await m.intake.createCase(
      withContact('0911 000 002', 'rut.lai@example.vn'),
      anonymousCtx(clock),
    );
    await m.citizen.follow(
      r.caseId,
      { email: 'nguoi.theo@example.vn', consentVersion: CONSENT_VERSION },
      anonymousCtx(clock),
    );
    const at = clock.now().toISOString();
    await database.db
      .transaction()
      .execute((trx) =>
        registry.withdrawByContact(trx, contact('phone', '+84911000002').hashes, {
          channel: 'request',
          by: null,
          at,
        }),
      );
    expect(await row(r.caseId)).toMatchObject({
      reporter_phone: null,
      reporter_email: null,
      reporter_phone_hash: null,
    });
    expect((await row(r.caseId)).reporter_name).not.toBeNull();
    const done = await database.db
      .transaction()
      .execute((trx) =>
        registry.withdrawByContact(trx, contact('email', 'nguoi.theo@example.vn').hashes, {
          channel: 'request',
          by: null,
          at,
        }),
      );
    expect(done.map((d) => d.subjectType)).toEqual(['case_follower']);
    const f = await database.db
      .selectFrom('case_followers')
      .selectAll()
      .where('case_id', '=', r.caseId)
      .executeTakeFirstOrThrow();
    expect(f.unsubscribed_at).toBe(at);
  });

  it('anonymises contacts a province’s period after closing (12 months by default, its own when set)', async () => {
    const rule = casesRetention(testSealer);
    const closedLongAgo = await m.intake.createCase(
      withContact('0911 000 003', 'cu@example.vn'),
      anonymousCtx(clock),
    );
    const closedRecently = await m.intake.createCase(
      withContact('0911 000 004', 'moi@example.vn'),
      anonymousCtx(clock),
    );
    const stillOpen = await m.intake.createCase(
      withContact('0911 000 005', 'mo@example.vn'),
      anonymousCtx(clock),
    );
    await m.citizen.follow(
      closedLongAgo.caseId,
      { email: 'theo.cu@example.vn', consentVersion: CONSENT_VERSION },
      anonymousCtx(clock),
    );
    const set = (id: string, closedAt: string) =>
      database.db
        .updateTable('cases')
        .set({ state: 'closed', closed_at: closedAt })
        .where('id', '=', id)
        .execute();
    await set(closedLongAgo.caseId, '2025-11-15T00:00:00.000Z'); // 12.5 months before 1 December 2026
    await set(closedRecently.caseId, '2026-02-01T00:00:00.000Z');

    // A province keeping contacts 24 months: nothing has expired yet.
    await database.db
      .insertInto('case_settings')
      .values({
        province_code: '80',
        deadlines_json: '{}',
        retention_months: 24,
        moderate_anonymous: 0,
        updated_by: null,
        updated_at: clock.now().toISOString(),
      })
      .execute();
    expect(await rule.apply(database.db, '2099-01-01T00:00:00.000Z', clock.now().toISOString())).toBe(0);

    await database.db
      .updateTable('case_settings')
      .set({ retention_months: 12 })
      .where('province_code', '=', '80')
      .execute();
    const results = await applyRetention(database.db, clock, [rule]);
    expect(results).toEqual([expect.objectContaining({ purpose: 'reports', anonymised: 2 })]); // the case and its follower
    expect(await row(closedLongAgo.caseId)).toMatchObject({
      reporter_phone: null,
      reporter_name: null,
      reporter_email: null,
    });
    expect((await row(closedLongAgo.caseId)).contact_anonymised_at).toBe(clock.now().toISOString());
    expect((await row(closedRecently.caseId)).reporter_phone).not.toBeNull();
    expect((await row(stillOpen.caseId)).reporter_phone).not.toBeNull();
    // Idempotent: the next day's run finds nothing more.
    expect((await applyRetention(database.db, clock, [rule]))[0]!.anonymised).toBe(0);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'privacy.retention_applied')
      .execute();
    expect(audit.some((a) => a.after_json?.includes('"anonymised":2'))).toBe(true);
  });
});
