import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../shared/contracts/accounts';
import { testSealer } from '../../test/app';
import { testDialect } from '../../test/database';
import { phoneHashes } from '../../platform/crypto/sealed-columns';
import { createConsentRegistry } from '../../platform/privacy/consent';
import { applyRetention } from '../../platform/privacy/retention';
import {
  act,
  createHelpWorld,
  fileRequest,
  getAs,
  nextPhone,
  type HelpWorld,
} from './help-requests.fixtures';
import {
  helpRequestConsentHook,
  helpRequestsPersonalData,
  helpRequestsRetention,
} from './help-requests.privacy';

/**
 * The requester's personal data (issue 11): anonymised the province's period after closing (default 90 days),
 * found, exported and erased by phone for data-subject requests, and cleared when consent is withdrawn.
 */
describe(`help-request personal data on ${testDialect()}`, () => {
  let w: HelpWorld;
  beforeAll(async () => {
    w = await createHelpWorld();
    w.t.clock.set('2026-12-07T02:00:00.000Z');
  });
  afterAll(async () => w.close());

  const row = (id: string) =>
    w.t.database.db.selectFrom('help_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const retain = () => applyRetention(w.t.database.db, w.t.clock, [helpRequestsRetention]);
  const days = (n: number) =>
    w.t.clock.set(new Date(w.t.clock.now().getTime() + n * 86_400_000).toISOString());

  it('anonymises a closed request 90 days after closing; open requests keep their contact', async () => {
    const closed = await fileRequest(w, { hamletId: w.h1 });
    const open = await fileRequest(w, { hamletId: w.h1 });
    expect(
      (await act(w, 'L1', closed.id, { action: 'cancel', reason: 'Người dân đã tự làm' })).statusCode,
    ).toBe(200);
    days(89);
    expect((await retain())[0]!.anonymised).toBe(0);
    days(2);
    expect((await retain())[0]!.anonymised).toBe(1);
    await w.signInAll();
    const cleared = await row(closed.id);
    expect(cleared).toMatchObject({
      contact_phone: null,
      contact_phone_hash: null,
      contact_name: null,
      address: null,
    });
    expect(cleared.contact_anonymised_at).not.toBeNull();
    expect((await row(open.id)).contact_phone).not.toBeNull();
    // The request itself stays, for the figures and the public page; its phone can no longer be revealed.
    expect(
      (await w.t.app.inject({ method: 'GET', url: `/api/v1/help-requests/track/${closed.code}` })).statusCode,
    ).toBe(200);
    const detail = (await getAs(w, 'L1', `/api/v1/help-requests/${closed.id}`)).json();
    expect(detail.phoneMasked).toBeNull();
    expect(detail.actions).not.toContain('reveal');
    const audit = await w.t.database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'privacy.retention_applied')
      .where('entity_id', '=', 'help_requests')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await retain())[0]!.anonymised).toBe(0);
  });

  it('counts the province’s own period, set by its administrator', async () => {
    await w.signInAll();
    const put = (p: 'OA' | 'admin', retentionDays: number) =>
      w.t.app.inject({
        method: 'PUT',
        url: '/api/v1/help-requests/settings',
        headers: w.sessions[p].headers,
        payload: { retentionDays },
      });
    expect((await put('OA', 30)).statusCode).toBe(403);
    expect((await put('admin', 1)).statusCode).toBe(400);
    const ok = await put('admin', 30);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ provinceCode: '80', retentionDays: 30 });
    expect((await getAs(w, 'admin', '/api/v1/help-requests/settings')).json().retentionDays).toBe(30);
    const r = await fileRequest(w, { hamletId: w.h1 });
    expect((await act(w, 'L1', r.id, { action: 'cancel', reason: 'Trùng yêu cầu khác' })).statusCode).toBe(
      200,
    );
    days(29);
    expect((await retain())[0]!.anonymised).toBe(0);
    days(2);
    expect((await retain())[0]!.anonymised).toBe(1);
    expect((await row(r.id)).contact_phone).toBeNull();
  });

  it('finds, exports and erases a phone’s requests (data-subject request); an open one is cancelled', async () => {
    const phone = nextPhone();
    const a = await fileRequest(w, { hamletId: w.h1, phone, contactName: 'Võ Thị Giang' });
    const b = await fileRequest(w, { hamletId: w.h2, phone });
    const provider = helpRequestsPersonalData(testSealer);
    const normalised = normalizePhone(phone);
    const contact = {
      kind: 'phone' as const,
      value: normalised,
      hashes: phoneHashes(testSealer, normalised),
    };
    const found = await provider.find(w.t.database.db, contact);
    expect(found.map((f) => f.recordId).sort()).toEqual([a.id, b.id].sort());
    expect(found.find((f) => f.recordId === a.id)!.data).toMatchObject({
      phone: normalised,
      name: 'Võ Thị Giang',
      code: a.code,
    });
    expect(await provider.find(w.t.database.db, { ...contact, kind: 'email' })).toEqual([]);
    const erased = await w.t.database.db
      .transaction()
      .execute((trx) => provider.erase(trx, contact, w.t.clock.now().toISOString()));
    expect(erased).toBe(2);
    const after = await row(a.id);
    expect(after).toMatchObject({
      state: 'cancelled',
      contact_phone: null,
      contact_name: null,
      need_text: '',
    });
    expect(await provider.find(w.t.database.db, contact)).toEqual([]);
  });

  it('clears the contact and cancels a waiting request when consent is withdrawn', async () => {
    const r = await fileRequest(w, { hamletId: w.h1 });
    const registry = createConsentRegistry([helpRequestConsentHook]);
    const at = w.t.clock.now().toISOString();
    await w.t.database.db
      .transaction()
      .execute((trx) =>
        registry.withdraw(trx, 'help_request_contact', r.id, { channel: 'web', by: null, at }),
      );
    expect(await row(r.id)).toMatchObject({
      state: 'cancelled',
      contact_phone: null,
      contact_anonymised_at: at,
    });
    const consent = await w.t.database.db
      .selectFrom('consent_records')
      .select('withdrawn_at')
      .where('subject_id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(consent.withdrawn_at).toBe(at);
  });
});
