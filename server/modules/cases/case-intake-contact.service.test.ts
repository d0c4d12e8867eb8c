import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { openSealed } from '../../platform/crypto/sealed-columns';
import { testSealer } from '../../test/app';
import { testDialect } from '../../test/database';
import { CONSENT_VERSION, createIntakeWorld, type IntakeWorld, refusal, reportInput } from './cases.fixtures';

/**
 * Case intake (the service, without HTTP) and the reporter: the sealed contact and its consent, blocked senders and
 * the per-contact daily limit, and anonymous reports held for moderation.
 */
describe(`case intake on ${testDialect()}`, () => {
  let w: IntakeWorld;

  beforeAll(async () => {
    w = await createIntakeWorld();
  });
  afterAll(async () => w.close());

  it('seals the contact, records the consent, and requires the register’s current consent version', async () => {
    const noConsent = await refusal(
      w.m.intake.createCase(reportInput({ reporter: { showName: false, phone: '0912 345 678' } }), w.ctx()),
    );
    expect(noConsent.details?.[0]?.path).toBe('body.contactConsentVersion');
    const old = await refusal(
      w.m.intake.createCase(
        reportInput({ reporter: { showName: false, email: 'a@b.vn', consentVersion: '2020-01-01' } }),
        w.ctx(),
      ),
    );
    expect(old.code).toBe('VALIDATION');
    expect(
      (
        await refusal(
          w.m.intake.createCase(
            reportInput({ reporter: { showName: false, phone: '12345', consentVersion: CONSENT_VERSION } }),
            w.ctx(),
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
    await w.m.intake.createCase(input, w.ctx());
    const row = await w.database.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow();
    expect(row.reporter_phone).toMatch(/^s1\./);
    expect(openSealed(testSealer, 'cases.reporter_phone', row.reporter_phone)).toBe('+84912345678');
    expect(openSealed(testSealer, 'cases.reporter_email', row.reporter_email)).toBe('dan.phan@example.vn');
    expect(openSealed(testSealer, 'cases.reporter_name', row.reporter_name)).toBe('Nguyễn Thị Phản');
    expect(row.public_name).toBe('Nguyễn Thị Phản');
    const consent = await w.database.db
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
    const audit = await w.database.db
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
    await w.database.db
      .insertInto('case_blocked_senders')
      .values({
        id: uuidv7(),
        province_code: '80',
        contact_hash: hash as never,
        reason: 'abuse',
        blocked_by: uuidv7(),
        created_at: w.clock.now().toISOString(),
        until: null,
      })
      .execute();
    const blocked = await refusal(
      w.m.intake.createCase(
        reportInput({ reporter: { showName: false, phone, consentVersion: CONSENT_VERSION } }),
        w.ctx(),
      ),
    );
    expect(blocked.code).toBe('FORBIDDEN');
    expect(blocked.messageVi).toContain('Hiện không nhận phản ánh');

    const email = `limit-${uuidv7().slice(-6)}@example.vn`;
    for (let i = 0; i < 10; i++)
      await w.m.intake.createCase(
        reportInput({ reporter: { showName: false, email, consentVersion: CONSENT_VERSION } }),
        w.ctx(),
      );
    const limited = await refusal(
      w.m.intake.createCase(
        reportInput({ reporter: { showName: false, email, consentVersion: CONSENT_VERSION } }),
        w.ctx(),
      ),
    );
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.messageVi).toContain('ngày mai');
    // Staff filing on behalf of a caller is not limited.
    expect(
      (
        await w.m.intake.createCase(
          reportInput({
            source: 'staff',
            channel: 'phone',
            reporter: { showName: false, email, consentVersion: CONSENT_VERSION },
          }),
          w.ctx(),
        )
      ).status,
    ).toBe('created');
  });

  it('holds anonymous reports for moderation when the province asks for it', async () => {
    await w.database.db
      .insertInto('case_settings')
      .values({
        province_code: '80',
        deadlines_json: '{}',
        retention_months: 12,
        moderate_anonymous: 1,
        updated_by: null,
        updated_at: w.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('province_code').doUpdateSet({ moderate_anonymous: 1 }))
      .execute();
    const anon = await w.m.intake.createCase(reportInput(), w.ctx());
    const named = await w.m.intake.createCase(
      reportInput({ reporter: { showName: false, email: 'x@example.vn', consentVersion: CONSENT_VERSION } }),
      w.ctx(),
    );
    const rows = await w.database.db
      .selectFrom('cases')
      .select(['id', 'published_at'])
      .where('id', 'in', [anon.caseId, named.caseId])
      .execute();
    expect(rows.find((r) => r.id === anon.caseId)?.published_at).toBeNull();
    expect(rows.find((r) => r.id === named.caseId)?.published_at).not.toBeNull();
    await w.database.db.updateTable('case_settings').set({ moderate_anonymous: 0 }).execute();
  });
});
