import { localDateOf } from '../../../shared/time/vietnam-time';
import type { RetentionRule } from '../../platform/privacy/retention';
import { anonymiseInBatches } from '../../platform/privacy/retention';

/**
 * Team membership (register purpose "team_membership": 24 months after leaving): a former member's phone number and
 * e-mail address are cleared; the name and the period stay, since past records and campaign results refer to them.
 */
export const teamMembershipRetention: RetentionRule = {
  purpose: 'team_membership',
  clears: 'phone number and e-mail address of former members',
  apply: (db, cutoff, at) => {
    const lastDay = localDateOf(new Date(cutoff));
    return anonymiseInBatches(
      async (limit) =>
        (
          await db
            .selectFrom('team_members')
            .select('id')
            .where('active_to', 'is not', null)
            .where('active_to', '<', lastDay)
            .where((eb) => eb.or([eb('phone', 'is not', null), eb('email', 'is not', null)]))
            .limit(limit)
            .execute()
        ).map((r) => r.id),
      async (ids) => {
        await db
          .updateTable('team_members')
          .set({ phone: null, phone_hash: null, email: null, phone_public: 0, updated_at: at })
          .where('id', 'in', ids)
          .execute();
      },
    );
  },
};
