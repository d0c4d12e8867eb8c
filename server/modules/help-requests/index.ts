/**
 * Help requests (issue 11), the module's public surface: the composition root builds it, registers its routes,
 * subscribes completion to support records, and registers its jobs, personal-data provider, retention rule and
 * consent hook.
 */
import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../../shared/time/working-time';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { Sealer } from '../../platform/crypto/sealing';
import type { EventBus } from '../../platform/jobs/event-dispatch';
import { createHelpRequestHandlingService } from './help-request-handling.service';
import { createHelpRequestIntakeService } from './help-request-intake.service';
import { createHelpRequestReminderJobs } from './help-request-reminders.jobs';
import { createHelpRequestSettingsService } from './help-request-settings.service';
import { createHelpRequestsRepository } from './help-requests.repository';

export { registerHelpRequestRoutes } from './help-requests.routes';
export { seedDemoHelpRequests, DEMO_HELP_REQUEST_COUNT } from './help-requests.demo';
export {
  helpRequestConsentHook,
  helpRequestsPersonalData,
  helpRequestsRetention,
} from './help-requests.privacy';

export function createHelpRequestsModule(deps: {
  db: Kysely<DB>;
  clock: Clock;
  sealer: Sealer;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
}) {
  const repo = createHelpRequestsRepository(deps.db);
  const intake = createHelpRequestIntakeService({ ...deps, repo });
  const handling = createHelpRequestHandlingService({
    db: deps.db,
    repo,
    clock: deps.clock,
    sealer: deps.sealer,
  });
  const settings = createHelpRequestSettingsService({ db: deps.db, repo });
  const reminders = createHelpRequestReminderJobs({ db: deps.db, repo, clock: deps.clock });
  return {
    intake,
    handling,
    settings,
    reminders,
    jobs: reminders.jobs,
    schedules: reminders.schedules,
    /** A support record naming a request closes it when it arrives (also when a phone syncs it days later). */
    subscribe(bus: EventBus) {
      bus.subscribe('support_records.created', async (event) => {
        const ids = (event.payload as { ids?: unknown }).ids;
        if (Array.isArray(ids)) {
          await handling.completeFromRecords(
            ids.filter((x): x is string => typeof x === 'string'),
            event.occurredAt,
          );
        }
      });
    },
  };
}
export type HelpRequestsModule = ReturnType<typeof createHelpRequestsModule>;
