import type { PersonalDataProvider } from '../../platform/privacy/providers';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';

/**
 * Teams' part of data-subject requests: memberships found by the member's phone hash or e-mail, and teams whose
 * public contact number it is. Deletion clears those numbers and addresses (and takes the number out of the public
 * directory); the membership rows stay, since records and campaign results refer to them.
 */
export function teamsPersonalData(sealer: Sealer): PersonalDataProvider {
  return {
    purpose: 'team_membership',
    async find(db, contact) {
      const members = await db
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select([
          'team_members.id',
          'team_members.name',
          'team_members.role',
          'team_members.phone',
          'team_members.email',
          'team_members.phone_public',
          'team_members.active_from',
          'team_members.active_to',
          'teams.name as team_name',
        ])
        .where(
          contact.kind === 'phone' ? 'team_members.phone_hash' : 'team_members.email',
          'in',
          contact.kind === 'phone' ? contact.hashes : [contact.value],
        )
        .execute();
      const teams =
        contact.kind === 'phone'
          ? await db
              .selectFrom('teams')
              .select(['id', 'name', 'contact_phone'])
              .where('contact_phone_hash', 'in', contact.hashes)
              .execute()
          : [];
      return [
        ...members.map((m) => ({
          label: { vi: 'Thành viên tổ công nghệ số', en: 'Member of a digital technology team' },
          recordId: m.id,
          data: {
            team: m.team_name,
            name: m.name,
            role: m.role,
            phone: openSealed(sealer, 'team_members.phone', m.phone),
            phonePublic: m.phone_public === 1,
            email: m.email,
            activeFrom: m.active_from,
            activeTo: m.active_to,
          },
        })),
        ...teams.map((t) => ({
          label: { vi: 'Số điện thoại liên hệ của tổ', en: "A team's contact number" },
          recordId: t.id,
          data: { team: t.name, contactPhone: openSealed(sealer, 'teams.contact_phone', t.contact_phone) },
        })),
      ];
    },
    async erase(db, contact, at) {
      if (contact.kind === 'email') {
        const res = await db
          .updateTable('team_members')
          .set({ email: null, updated_at: at })
          .where('email', '=', contact.value)
          .executeTakeFirst();
        return Number(res.numUpdatedRows);
      }
      const members = await db
        .updateTable('team_members')
        .set({ phone: null, phone_hash: null, phone_public: 0, updated_at: at })
        .where('phone_hash', 'in', contact.hashes)
        .executeTakeFirst();
      const teams = await db
        .updateTable('teams')
        .set({ contact_phone: null, contact_phone_hash: null, updated_at: at })
        .where('contact_phone_hash', 'in', contact.hashes)
        .executeTakeFirst();
      return Number(members.numUpdatedRows) + Number(teams.numUpdatedRows);
    },
  };
}
