/**
 * Personal-data protection that belongs to no other module (issue 9): the breach register (72-hour notification)
 * and data-subject requests (2 working days). Personal-data providers (find, export, erase per module) join it here.
 */
import { z } from 'zod';
import { defineJob, type JobDefinition, type Schedule } from '../../platform/jobs/job-definition';
import { createBreachesRepository } from './breaches.repository';
import { createBreachesService } from './breaches.service';
import { createRequestsRepository } from './requests.repository';
import { createRequestsService } from './requests.service';
import type { RequestsDeps } from './requests-fulfil.service';

export { registerBreachRoutes } from './breaches.routes';
export { registerRequestRoutes } from './requests.routes';
export type { BreachesService } from './breaches.service';
export type { RequestsService } from './requests.service';

export function createPrivacyModule(deps: Omit<RequestsDeps, 'requests'>) {
  const requestsRepo = createRequestsRepository(deps.db);
  const requests = createRequestsService({ ...deps, requests: requestsRepo });
  // Unverified requests lapse when their code does (15 minutes); checked every 10 minutes.
  const expire = defineJob({
    name: 'privacy.requests.expire',
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      const now = deps.clock.now().toISOString();
      ctx.logger.info({ expired: await requestsRepo.expireUnverified(now, now) }, 'unverified requests expired');
    },
  });
  const remind = defineJob({
    name: 'privacy.requests.remind',
    payload: z.object({}).passthrough(),
    handler: async (_payload, ctx) => {
      ctx.logger.info({ reminded: await requests.remind() }, 'request reminders sent');
    },
  });
  const jobs: JobDefinition[] = [expire, remind];
  const schedules: Schedule[] = [
    { name: 'privacy.requests.expire', every: { seconds: 600 } },
    { name: 'privacy.requests.remind', every: { seconds: 3600 } },
  ];
  return {
    breaches: createBreachesService({ db: deps.db, breaches: createBreachesRepository(deps.db), clock: deps.clock }),
    requests,
    jobs,
    schedules,
  };
}
