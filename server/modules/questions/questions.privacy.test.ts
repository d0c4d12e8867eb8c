import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactHash } from '../../db/schema';
import { createConsentRegistry } from '../../platform/privacy/consent';
import type { SubjectContact } from '../../platform/privacy/providers';
import { applyRetention } from '../../platform/privacy/retention';
import { testSealer } from '../../test/app';
import { testDialect } from '../../test/database';
import { createQuestionsWorld, type QuestionsWorld } from './questions.fixtures';
import {
  QUESTION_CONSENT_VERSION,
  QUESTION_CONTACT_SUBJECT,
  questionContactConsentHook,
  questionsPersonalData,
  questionsRetention,
} from './index';

const email = (value: string): SubjectContact => ({
  kind: 'email',
  value,
  hashes: testSealer.hashesFor(value, 'email') as ContactHash[],
});

/**
 * The Q&A's personal data (issue 11): what a data-subject request finds and erases by e-mail, what withdrawing the
 * consent clears, and the retention rule (12 months after the first answer, or after asking when never answered).
 * The question and its answers stay public throughout, without the asker's contact.
 */
describe(`question personal data on ${testDialect()}`, () => {
  let w: QuestionsWorld;
  const provider = questionsPersonalData(testSealer);
  beforeAll(async () => {
    w = await createQuestionsWorld();
  });
  afterAll(async () => w.close());

  const askWith = (address: string, title: string) =>
    w.askPublished({
      title,
      body: 'Nội dung câu hỏi để thử dữ liệu cá nhân.',
      name: 'Cô Ba Hoa',
      email: address,
      consentVersion: QUESTION_CONSENT_VERSION,
    });
  const row = (id: string) =>
    w.t.database.db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('finds an asker’s questions by e-mail and erases the contact while the question stays', async () => {
    const q = await askWith('co.ba@example.vn', 'Cách đăng ký tài khoản định danh');
    await askWith('nguoi.khac@example.vn', 'Câu hỏi của người khác');
    const found = await provider.find(w.t.database.db, email('co.ba@example.vn'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      recordId: q.id,
      data: { email: 'co.ba@example.vn', displayName: 'Cô Ba Hoa' },
    });
    expect(
      await provider.find(w.t.database.db, { kind: 'phone', value: '+84912345678', hashes: [] }),
    ).toEqual([]);
    const at = w.t.clock.now().toISOString();
    expect(await provider.erase(w.t.database.db, email('co.ba@example.vn'), at)).toBe(1);
    const erased = await row(q.id);
    expect(erased).toMatchObject({
      asker_name: null,
      asker_email: null,
      asker_email_hash: null,
      asker_token_hash: null,
      contact_anonymised_at: at,
      status: 'published',
    });
    expect(await provider.find(w.t.database.db, email('co.ba@example.vn'))).toEqual([]);
    // The private link no longer works; the public page still shows the question, without a name.
    const accept = await w.t.app.inject({ method: 'GET', url: `/api/v1/questions/${q.id}` });
    expect(accept.json()).toMatchObject({ askerName: null, title: 'Cách đăng ký tài khoản định danh' });
  });

  it('clears the contact when the consent is withdrawn by the e-mail’s data-subject request', async () => {
    const q = await askWith('rut.lai@example.vn', 'Câu hỏi rồi rút lại đồng ý');
    const registry = createConsentRegistry([questionContactConsentHook]);
    const at = w.t.clock.now().toISOString();
    const done = await w.t.database.db.transaction().execute((trx) =>
      registry.withdrawByContact(trx, email('rut.lai@example.vn').hashes, {
        channel: 'request',
        by: null,
        at,
      }),
    );
    expect(done).toEqual([{ purpose: 'questions', subjectType: QUESTION_CONTACT_SUBJECT, subjects: [q.id] }]);
    expect(await row(q.id)).toMatchObject({ asker_email: null, asker_name: null, asker_token_hash: null });
    const consent = await w.t.database.db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', q.id)
      .executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ purpose: 'questions', withdrawn_at: at, withdrawal_channel: 'request' });
  });

  it('anonymises askers 12 months after the first answer (or after asking), never earlier', async () => {
    const answered = await askWith('da.tra.loi@example.vn', 'Câu hỏi đã có trả lời');
    await w.answer('team_member', answered.id);
    const waiting = await askWith('chua.tra.loi@example.vn', 'Câu hỏi chưa có trả lời');
    w.t.clock.advance(300 * 86_400_000);
    await applyRetention(w.t.database.db, w.t.clock, [questionsRetention]);
    expect((await row(answered.id)).asker_email).not.toBeNull();
    w.t.clock.advance(70 * 86_400_000);
    const results = await applyRetention(w.t.database.db, w.t.clock, [questionsRetention]);
    expect(results[0]!.anonymised).toBeGreaterThanOrEqual(2);
    for (const id of [answered.id, waiting.id])
      expect(await row(id)).toMatchObject({ asker_email: null, asker_name: null, asker_token_hash: null });
    const again = await applyRetention(w.t.database.db, w.t.clock, [questionsRetention]);
    expect(again[0]!.anonymised).toBe(0);
  });
});
