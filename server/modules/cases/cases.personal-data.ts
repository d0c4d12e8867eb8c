import type { PersonalDataProvider } from '../../platform/privacy/providers';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import type { ContactHash } from '../../db/schema';

/**
 * The case engine's part of data-subject requests (issue 10): the reports a phone or e-mail filed and the cases it
 * follows. Deletion clears the reporter's name, phone and e-mail (the case, its text and answer stay: they are the
 * public record, and figures count them) and stops and clears the follows.
 */
export function casesPersonalData(sealer: Sealer): PersonalDataProvider {
  const hashColumn = (kind: 'phone' | 'email') =>
    kind === 'phone' ? 'reporter_phone_hash' : 'reporter_email_hash';
  return {
    purpose: 'reports',
    async find(db, contact) {
      const filed = await db
        .selectFrom('cases')
        .select([
          'id',
          'code',
          'kind',
          'title',
          'description',
          'state',
          'submitted_at',
          'reporter_name',
          'reporter_phone',
          'reporter_email',
          'show_name',
        ])
        .where(hashColumn(contact.kind), 'in', contact.hashes)
        .orderBy('submitted_at')
        .execute();
      const followed =
        contact.kind === 'email'
          ? await db
              .selectFrom('case_followers')
              .innerJoin('cases', 'cases.id', 'case_followers.case_id')
              .select([
                'case_followers.id',
                'cases.code',
                'case_followers.created_at',
                'case_followers.unsubscribed_at',
              ])
              .where('case_followers.email_hash', 'in', contact.hashes)
              .execute()
          : [];
      return [
        ...filed.map((c) => ({
          label: { vi: 'Phản ánh, kiến nghị đã gửi', en: 'A report or petition you sent' },
          recordId: c.id,
          data: {
            code: c.code,
            kind: c.kind,
            title: c.title,
            description: c.description,
            state: c.state,
            submittedAt: c.submitted_at,
            name: openSealed(sealer, 'cases.reporter_name', c.reporter_name),
            phone: openSealed(sealer, 'cases.reporter_phone', c.reporter_phone),
            email: openSealed(sealer, 'cases.reporter_email', c.reporter_email),
            nameShownPublicly: c.show_name === 1,
          },
        })),
        ...followed.map((f) => ({
          label: { vi: 'Theo dõi phản ánh qua e-mail', en: 'Following a report by e-mail' },
          recordId: f.id,
          data: { code: f.code, since: f.created_at, stoppedAt: f.unsubscribed_at },
        })),
      ];
    },
    async erase(db, contact, at) {
      const res = await db
        .updateTable('cases')
        .set({
          reporter_name: null,
          reporter_phone: null,
          reporter_phone_hash: null,
          reporter_email: null,
          reporter_email_hash: null,
          show_name: 0,
          public_name: null,
          contact_anonymised_at: at,
          updated_at: at,
        })
        .where(hashColumn(contact.kind), 'in', contact.hashes)
        .executeTakeFirst();
      let followers = 0n;
      if (contact.kind === 'email') {
        const ids = (
          await db
            .selectFrom('case_followers')
            .select('id')
            .where('email_hash', 'in', contact.hashes)
            .execute()
        ).map((r) => r.id);
        for (const id of ids) {
          await db
            .updateTable('case_followers')
            .set({
              unsubscribed_at: at,
              email: sealer.seal('', 'case_followers.email') as never,
              email_hash: `erased:${id}` as ContactHash,
            })
            .where('id', '=', id)
            .execute();
        }
        followers = BigInt(ids.length);
      }
      return Number(res.numUpdatedRows + followers);
    },
  };
}
