import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPurpose } from '../../../shared/privacy/register';
import { backfillSupportConsents } from '../../db/migrations/0016-consent-records';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { buildHamlet, buildMember, buildTeam, COMMUNE_A, COMMUNE_B, loadTestUnits, recordInput } from '../teams/teams.fixtures';

/**
 * Consent on support records (issue 9): a record made with consent keeps the version of the text read aloud; when
 * the person withdraws it, the note and location are cleared on every version of the record at once, the record still
 * counts, the withdrawal is audited with its channel — and it is refused to whoever may not touch the record.
 */
describe('withdrawing consent on a support record', () => {
  let t: TestApp;
  let member: Session;
  let officer: Session;
  let outsider: Session;
  let team: { id: string };
  let hamlet: { id: string };
  let memberUserId: string;
  let officerUserId: string;

  const put = (body: { id: string }) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/support-records/${body.id}`, headers: member.headers, payload: body });
  const withdraw = (id: string, s: Session, payload: object = { channel: 'phone_call' }) =>
    t.app.inject({ method: 'POST', url: `/api/v1/support-records/${id}/consent-withdrawal`, headers: s.headers, payload });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    hamlet = await buildHamlet(db, COMMUNE_A, 'Ấp Bình Phú');
    team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    const u = await buildUser(db, { grants: [{ role: 'team_member', unitCode: hamlet.id, communeCode: COMMUNE_A }] });
    await buildMember(db, team.id, { user_id: u.id, name: 'Đặng Thị Mai' });
    member = await signIn(t.app, u.email, u.password);
    memberUserId = u.id;
    const o = await buildUser(db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] });
    officer = await signIn(t.app, o.email, o.password);
    officerUserId = o.id;
    const x = await buildUser(db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_B }] });
    outsider = await signIn(t.app, x.email, x.password);
  });
  afterAll(async () => t.close());

  it('keeps the consent text version with the record', async () => {
    const body = recordInput(team.id, hamlet.id, t.clock.now(), { location: { lat: 11.3, lng: 106.1, accuracy: 9 } });
    expect((await put(body)).statusCode).toBe(201);
    const row = await t.database.db
      .selectFrom('support_records')
      .select(['consent_version', 'consent_withdrawn_at'])
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ consent_version: findPurpose('support_records').consent!.version, consent_withdrawn_at: null });
    // The platform's consent record: purpose, text version, channel, who recorded it, for which record, when.
    const consent = await t.database.db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(consent).toMatchObject({
      purpose: 'support_records',
      text_version: findPurpose('support_records').consent!.version,
      channel: 'in_person',
      subject_type: 'support_record',
      recorded_by: memberUserId,
      given_at: new Date(body.occurredAt).toISOString(),
      withdrawn_at: null,
    });
    const without = recordInput(team.id, hamlet.id, t.clock.now(), { consent: false, note: null });
    await put(without);
    expect(
      (await t.database.db.selectFrom('support_records').select('consent_version').where('id', '=', without.id).executeTakeFirstOrThrow())
        .consent_version,
    ).toBeNull();
    expect(
      await t.database.db.selectFrom('consent_records').select('id').where('subject_id', '=', without.id).execute(),
    ).toEqual([]);
    expect((await withdraw(without.id, member)).statusCode).toBe(409);
  });

  it('clears note and location on every version, keeps the record counted, audits the channel', async () => {
    const original = recordInput(team.id, hamlet.id, t.clock.now(), { location: { lat: 11.3, lng: 106.1, accuracy: 9 } });
    await put(original);
    const fix = recordInput(team.id, hamlet.id, t.clock.now(), { supersedes: original.id, note: 'Bà Tư, hẹn tuần sau' });
    expect((await put(fix)).statusCode).toBe(201);

    expect((await withdraw(fix.id, outsider)).statusCode).toBe(404);
    expect((await withdraw(fix.id, member, { channel: 'carrier pigeon' })).statusCode).toBe(400);
    const res = await withdraw(fix.id, officer, { channel: 'in_person' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ note: null, location: null, consent: true, state: 'active' });
    expect(res.json().consentWithdrawnAt).toBe(t.clock.now().toISOString());

    const versions = await t.database.db
      .selectFrom('support_records')
      .select(['id', 'note', 'lat', 'lng', 'state', 'consent_withdrawn_at'])
      .where('id', 'in', [original.id, fix.id])
      .execute();
    expect(versions).toHaveLength(2);
    for (const v of versions) expect(v).toMatchObject({ note: null, lat: null, lng: null, consent_withdrawn_at: expect.any(String) });
    expect(versions.map((v) => v.state).sort()).toEqual(['active', 'superseded']);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'support_record.consent_withdrawn')
      .where('entity_id', '=', fix.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ channel: 'in_person', versionsCleared: 2 });
    // Both versions' consent records say when, how and by whom it was withdrawn.
    const consents = await t.database.db
      .selectFrom('consent_records')
      .select(['withdrawn_at', 'withdrawal_channel', 'withdrawn_by'])
      .where('subject_id', 'in', [original.id, fix.id])
      .execute();
    expect(consents).toHaveLength(2);
    for (const c of consents) {
      expect(c).toEqual({ withdrawn_at: t.clock.now().toISOString(), withdrawal_channel: 'in_person', withdrawn_by: officerUserId });
    }
    // Once withdrawn, there is nothing left to withdraw.
    expect((await withdraw(fix.id, member)).statusCode).toBe(409);
  });

  it('gives records made before consent records existed the same consent rows (migration 0016 backfill)', async () => {
    const db = t.database.db;
    const live = await db.selectFrom('consent_records').selectAll().orderBy('id').execute();
    expect(live.length).toBeGreaterThanOrEqual(3);
    await db.deleteFrom('consent_records').execute();
    await backfillSupportConsents(db);
    const backfilled = await db.selectFrom('consent_records').selectAll().orderBy('id').execute();
    // The backfill cannot know how a past withdrawal was made, nor by whom; everything else is the same.
    const known = (rows: typeof live) => rows.map((r) => ({ ...r, withdrawal_channel: null, withdrawn_by: null }));
    expect(known(backfilled)).toEqual(known(live));
    await backfillSupportConsents(db);
    expect(await db.selectFrom('consent_records').select('id').execute()).toHaveLength(live.length);
  });
});
