import type { RetentionRule } from '../../platform/privacy/retention';
import { anonymiseInBatches } from '../../platform/privacy/retention';

/**
 * Support records (register purpose "support_records": 36 months from the day of the help): the note and the
 * location are cleared, the record stays — services, outcome, age band and gender are what every figure counts.
 */
export const supportRecordsRetention: RetentionRule = {
  purpose: 'support_records',
  clears: 'note and location',
  apply: (db, cutoff) =>
    anonymiseInBatches(
      async (limit) =>
        (
          await db
            .selectFrom('support_records')
            .select('id')
            .where('occurred_at', '<', cutoff)
            .where((eb) => eb.or([eb('note', 'is not', null), eb('lat', 'is not', null)]))
            .limit(limit)
            .execute()
        ).map((r) => r.id),
      async (ids) => {
        await db
          .updateTable('support_records')
          .set({ note: null, lat: null, lng: null, accuracy: null })
          .where('id', 'in', ids)
          .execute();
      },
    ),
};
