import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ContactHash, DB } from '../../db/schema';
import type { Sealer } from '../../platform/crypto/sealing';
import { anonymiseInBatches, retentionCutoff, type RetentionRule } from '../../platform/privacy/retention';
import { DEFAULT_RETENTION_MONTHS } from './case-defaults';

/**
 * When a case's handling ended: closed, refused, merged into another, or answered and left there. Its reporter's
 * and followers' contact data are kept a province's retention period (case_settings.retention_months, default the
 * register's 12 months) after that.
 */
const endedBefore = (cutoff: string): Expression<SqlBool> =>
  sql<SqlBool>`(cases.closed_at < ${cutoff}
    or (cases.state in ('refused', 'merged') and cases.updated_at < ${cutoff})
    or (cases.state = 'answered' and cases.answered_at < ${cutoff}))`;

async function provincePeriods(db: Kysely<DB>) {
  const [provinces, settings] = await Promise.all([
    db.selectFrom('cases').select('province_code').distinct().execute(),
    db.selectFrom('case_settings').select(['province_code', 'retention_months']).execute(),
  ]);
  const months = new Map(settings.map((s) => [s.province_code, s.retention_months]));
  return provinces.map((p) => ({
    provinceCode: p.province_code,
    months: months.get(p.province_code) ?? DEFAULT_RETENTION_MONTHS,
  }));
}

/**
 * Reports (register purpose "reports"): the reporter's name, phone and e-mail, and followers' addresses, are cleared
 * once the province's period after the end of handling has passed; the case, its public text and answer stay.
 * The register's cutoff is not used: each province counts its own period.
 */
export function casesRetention(sealer: Sealer): RetentionRule {
  return {
    purpose: 'reports',
    clears: "reporters' names, phones and e-mails; followers' e-mails",
    async apply(db, _registerCutoff, at) {
      let cleared = 0;
      for (const { provinceCode, months } of await provincePeriods(db)) {
        const cutoff = retentionCutoff(new Date(at), {
          amount: months,
          unit: 'months',
          text: { vi: '', en: '' },
        });
        cleared += await anonymiseInBatches(
          async (limit) =>
            (
              await db
                .selectFrom('cases')
                .select('id')
                .where('province_code', '=', provinceCode)
                .where('contact_anonymised_at', 'is', null)
                .where((eb) =>
                  eb.or([
                    eb('reporter_name', 'is not', null),
                    eb('reporter_phone', 'is not', null),
                    eb('reporter_email', 'is not', null),
                  ]),
                )
                .where(endedBefore(cutoff))
                .limit(limit)
                .execute()
            ).map((r) => r.id),
          async (ids) => {
            await db
              .updateTable('cases')
              .set({
                reporter_name: null,
                reporter_phone: null,
                reporter_phone_hash: null,
                reporter_email: null,
                reporter_email_hash: null,
                public_name: null,
                show_name: 0,
                contact_anonymised_at: at,
              })
              .where('id', 'in', ids)
              .execute();
          },
        );
        cleared += await anonymiseInBatches(
          async (limit) =>
            (
              await db
                .selectFrom('case_followers')
                .innerJoin('cases', 'cases.id', 'case_followers.case_id')
                .select('case_followers.id')
                .where('cases.province_code', '=', provinceCode)
                .where('case_followers.unsubscribed_at', 'is', null)
                .where(endedBefore(cutoff))
                .limit(limit)
                .execute()
            ).map((r) => r.id),
          async (ids) => {
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
          },
        );
      }
      return cleared;
    },
  };
}
