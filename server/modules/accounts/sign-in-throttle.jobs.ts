import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import { defineJob, type JobDefinition, type Schedule } from '../../platform/jobs/job-definition';
import type { SignInThrottleRepository } from './sign-in-throttle.repository';

/** Hourly prune of counters whose window has passed. */
export function createSignInThrottleJobs(deps: { throttles: SignInThrottleRepository; clock: Clock }): {
  jobs: JobDefinition[];
  schedules: Schedule[];
} {
  const prune = defineJob({
    name: 'signInThrottles.prune',
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      const deleted = await deps.throttles.pruneExpired(deps.clock.now().toISOString());
      ctx.logger.info({ deleted }, 'expired sign-in throttles deleted');
    },
  });
  return { jobs: [prune], schedules: [{ name: 'signInThrottles.prune', every: { seconds: 3600 } }] };
}
