import { z } from 'zod';
import type { Kysely } from 'kysely';
import { findPurpose } from '../../../shared/privacy/register';
import type { PurposeId, Retention } from '../../../shared/privacy/register-types';
import type { DB } from '../../db/schema';
import { recordAudit } from '../audit';
import { ANONYMOUS } from '../auth/actor';
import type { Clock } from '../clock';
import { defineJob, type JobDefinition, type Schedule } from '../jobs/job-definition';

/**
 * Retention (Law 91/2025: kept no longer than the purpose needs). Each module declares, for a purpose of the register
 * (shared/privacy/register.ts, the single source of the periods people read on /privacy), how to anonymise what has
 * outlived it; a daily job applies every rule and writes what it did to the audit log. Counts and aggregates stay:
 * a rule clears contact data and free text, it never deletes the rows figures are computed from.
 */
export interface RetentionRule {
  purpose: PurposeId;
  /** What the rule clears, for the audit entry (e.g. "note and location"). */
  clears: string;
  /**
   * Anonymises, in short batches, whatever of the purpose expired before `cutoff` (an instant, ISO); answers how
   * many rows changed. Must be idempotent: a row already anonymised is not counted again.
   */
  apply(db: Kysely<DB>, cutoff: string, at: string): Promise<number>;
}

/** The instant before which a purpose's data has expired, `now` minus its retention (calendar months in UTC). */
export function retentionCutoff(now: Date, retention: Retention): string {
  const d = new Date(now.getTime());
  if (retention.unit === 'days') d.setUTCDate(d.getUTCDate() - retention.amount);
  else d.setUTCMonth(d.getUTCMonth() - retention.amount);
  return d.toISOString();
}

export const RETENTION_JOB = 'privacy.retention';
const BATCH = 1000;

/**
 * The shape every rule shares: pick up to 1,000 expired ids not yet anonymised, clear them in one statement, repeat
 * — short transactions, so neither database holds its locks long. Answers how many rows were cleared.
 */
export async function anonymiseInBatches(
  select: (limit: number) => Promise<string[]>,
  clear: (ids: string[]) => Promise<void>,
): Promise<number> {
  let cleared = 0;
  for (;;) {
    const ids = await select(BATCH);
    if (ids.length === 0) return cleared;
    await clear(ids);
    cleared += ids.length;
    if (ids.length < BATCH) return cleared;
  }
}

/** Runs every rule once; exported for the job and for tests. Audits each rule that changed something. */
export async function applyRetention(db: Kysely<DB>, clock: Clock, rules: readonly RetentionRule[]) {
  const now = clock.now();
  const at = now.toISOString();
  const results: { purpose: PurposeId; cutoff: string; anonymised: number }[] = [];
  for (const rule of rules) {
    const cutoff = retentionCutoff(now, findPurpose(rule.purpose).retention);
    const anonymised = await rule.apply(db, cutoff, at);
    results.push({ purpose: rule.purpose, cutoff, anonymised });
    if (anonymised > 0) {
      await recordAudit(
        db,
        { actor: ANONYMOUS, ip: null, requestId: null, at },
        {
          action: 'privacy.retention_applied',
          entityType: 'purpose',
          entityId: rule.purpose,
          after: { cutoff, anonymised, cleared: rule.clears },
        },
      );
    }
  }
  return results;
}

export function createRetentionJobs(deps: { db: Kysely<DB>; clock: Clock; rules: readonly RetentionRule[] }): {
  jobs: JobDefinition[];
  schedules: Schedule[];
} {
  const job = defineJob({
    name: RETENTION_JOB,
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      const results = await applyRetention(deps.db, deps.clock, deps.rules);
      ctx.logger.info({ results }, 'retention applied');
    },
  });
  // Once a day, at night in Vietnam, when nobody is in the field.
  return { jobs: [job], schedules: [{ name: RETENTION_JOB, dailyAt: '02:30' }] };
}
