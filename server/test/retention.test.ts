import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { findPurpose } from '../../shared/privacy/register';
import { accountsRetention } from '../modules/accounts/index';
import { supportRecordsRetention } from '../modules/support/index';
import { teamMembershipRetention } from '../modules/teams/index';
import { COMMUNE_A, buildHamlet, buildMember, buildTeam, loadTestUnits } from '../modules/teams/teams.fixtures';
import { createFakeClock } from '../platform/clock';
import { applyRetention, retentionCutoff } from '../platform/privacy/retention';
import { createTestDatabase, testDialect, type TestDatabase } from './database';
import { buildUser } from './factories';

/**
 * The daily retention job with every module's rule (issue 9): what outlived the register's period is anonymised —
 * contact data and free text cleared, rows and counts kept — what did not is untouched, a second run changes
 * nothing, and each rule that acted leaves an audit entry.
 */
describe(`retention on ${testDialect()}`, () => {
  let database: TestDatabase;
  const clock = createFakeClock('2029-01-15T03:00:00.000Z');
  const ids = { oldRecord: '', newRecord: '', formerMember: '', recentFormer: '', current: '', disabled: '', active: '' };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await loadTestUnits(db);
    const hamlet = await buildHamlet(db, COMMUNE_A);
    const team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    ids.formerMember = (await buildMember(db, team.id, { active_to: '2026-06-30', email: 'cu@test.local' })).id;
    ids.recentFormer = (await buildMember(db, team.id, { active_to: '2028-06-30' })).id;
    ids.current = (await buildMember(db, team.id, {})).id;
    ids.disabled = (await buildUser(db, { phone: '+84911000001', status: 'disabled' })).id;
    ids.active = (await buildUser(db, { phone: '+84911000002' })).id;
    await db.updateTable('users').set({ updated_at: '2027-06-01T00:00:00.000Z' }).execute();
    const record = (occurredAt: string) => ({
      id: uuidv7(),
      team_id: team.id,
      hamlet_id: hamlet.id,
      province_code: '80',
      commune_code: COMMUNE_A,
      team_hamlet_id: hamlet.id,
      occurred_at: occurredAt,
      services_json: '["vneid"]',
      outcome: 'done',
      age_band: '60_plus',
      gender: 'female',
      consent: 1,
      duration_minutes: 15,
      note: 'Bà cần con trai giúp đăng nhập',
      lat: 11.3,
      lng: 106.1,
      accuracy: 12,
      campaign_id: null,
      help_request_id: null,
      supersedes: null,
      content_hash: uuidv7(),
      author_user_id: null,
      author_api_key_id: null,
      member_id: null,
      received_at: occurredAt,
      state: 'active' as const,
      superseded_by: null,
      retracted_at: null,
      retraction_reason: null,
      retracted_by: null,
      review_status: 'pending' as const,
      reviewed_at: null,
      reviewed_by: null,
      review_note: null,
    });
    const old = record('2025-12-01T02:00:00.000Z');
    const recent = record('2026-03-01T02:00:00.000Z');
    ids.oldRecord = old.id;
    ids.newRecord = recent.id;
    await db.insertInto('support_records').values([old, recent]).execute();
  });
  afterAll(async () => database.destroy());

  it('takes each period from the register', () => {
    expect(retentionCutoff(clock.now(), findPurpose('support_records').retention)).toBe('2026-01-15T03:00:00.000Z');
    expect(retentionCutoff(clock.now(), findPurpose('team_membership').retention)).toBe('2027-01-15T03:00:00.000Z');
    expect(retentionCutoff(clock.now(), findPurpose('accounts').retention)).toBe('2028-01-15T03:00:00.000Z');
  });

  it('anonymises what expired, keeps the rows and the rest, audits it, and changes nothing the second time', async () => {
    const db = database.db;
    const rules = [accountsRetention, teamMembershipRetention, supportRecordsRetention];
    const first = await applyRetention(db, clock, rules);
    expect(first.map((r) => [r.purpose, r.anonymised])).toEqual([
      ['accounts', 1],
      ['team_membership', 1],
      ['support_records', 1],
    ]);

    const records = await db.selectFrom('support_records').select(['id', 'note', 'lat', 'lng', 'age_band']).execute();
    expect(records).toHaveLength(2);
    expect(records.find((r) => r.id === ids.oldRecord)).toMatchObject({ note: null, lat: null, lng: null, age_band: '60_plus' });
    expect(records.find((r) => r.id === ids.newRecord)).toMatchObject({ note: 'Bà cần con trai giúp đăng nhập' });

    const members = await db.selectFrom('team_members').select(['id', 'phone', 'phone_hash', 'email', 'name']).execute();
    expect(members.find((m) => m.id === ids.formerMember)).toMatchObject({ phone: null, phone_hash: null, email: null });
    expect(members.find((m) => m.id === ids.formerMember)?.name).toBeTruthy();
    expect(members.find((m) => m.id === ids.recentFormer)?.phone).toMatch(/^s1\./);
    expect(members.find((m) => m.id === ids.current)?.phone).toMatch(/^s1\./);

    const users = await db.selectFrom('users').select(['id', 'phone', 'phone_hash']).execute();
    expect(users.find((u) => u.id === ids.disabled)).toMatchObject({ phone: null, phone_hash: null });
    expect(users.find((u) => u.id === ids.active)?.phone).toMatch(/^s1\./);

    const audit = await db
      .selectFrom('audit_log')
      .select(['entity_id', 'after_json'])
      .where('action', '=', 'privacy.retention_applied')
      .orderBy('entity_id')
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual(['accounts', 'support_records', 'team_membership']);
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ anonymised: 1, cleared: 'note and location' });

    const second = await applyRetention(db, clock, rules);
    expect(second.every((r) => r.anonymised === 0)).toBe(true);
    expect(
      await db.selectFrom('audit_log').select('id').where('action', '=', 'privacy.retention_applied').execute(),
    ).toHaveLength(3);
  });
});
