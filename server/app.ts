import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Clock } from './platform/clock';
import { createMetrics, type Metrics } from './platform/metrics';
import { createHttpServer } from './platform/http/create-server';
import { providePageData } from './platform/http/web-app';
import { ANONYMOUS } from './platform/auth/actor';
import { AppError } from './platform/errors';
import { TeamDetailSchema } from '../shared/contracts/teams';
import type { ZodApp } from './platform/http/route-types';
import { createUsersRepository } from './modules/accounts/users.repository';
import { createAuthService } from './modules/accounts/auth.service';
import { registerAuthRoutes } from './modules/accounts/auth.routes';
import { createSignInThrottleRepository } from './modules/accounts/sign-in-throttle.repository';
import { createSignInThrottle } from './modules/accounts/sign-in-throttle.service';
import { createSignInThrottleJobs } from './modules/accounts/sign-in-throttle.jobs';
import { createPhoneMessageJobs } from './modules/accounts/phone-messages.jobs';
import { accountsPersonalData, accountsRetention, registerAccountsRoutes } from './modules/accounts/index';
import {
  createNotificationJobs,
  createNotificationsRepository,
  createNotificationsService,
  registerNotificationRoutes,
  type WebhookFetch,
} from './modules/notifications/index';
import { createJobRunner } from './platform/jobs/job-runner';
import { createEventBus, createEventDispatcher, eventDispatchSchedule } from './platform/jobs/event-dispatch';
import { createHousekeepingJobs } from './platform/jobs/housekeeping.jobs';
import { createRetentionJobs } from './platform/privacy/retention';
import { consentPersonalData, createConsentRegistry } from './platform/privacy/consent';
import { createMailJobs, createSmtpTransport, type MailTransport } from './platform/mail/mail-delivery';
import { createGeographyServices, registerGeographyRoutes } from './modules/geography/index';
import {
  createDemoRepository,
  createDemoService,
  registerDemoRoutes,
  type DemoSeedExtension,
} from './modules/demo/index';
import {
  createTeamsModule,
  listTeamsOfUser,
  registerTeamsRoutes,
  seedDemoTeams,
  teamMembershipRetention,
  teamsPersonalData,
} from './modules/teams/index';
import { createServicesModule, registerServicesRoutes } from './modules/services/index';
import {
  createSupportModule,
  registerSupportRoutes,
  seedDemoSupportRecords,
  supportConsentHook,
  supportRecordsRetention,
} from './modules/support/index';
import { createCalendarModule, registerCalendarRoutes } from './modules/calendar/index';
import { createPrivacyModule, registerBreachRoutes, registerRequestRoutes } from './modules/privacy/index';
import { createHomeModule, registerHomeRoutes } from './modules/home/index';
import { createAgenciesModule, registerAgencyRoutes, seedDemoAgencies } from './modules/agencies/index';
import { seedDemoCases } from './modules/cases/index';
import { seedDemoHelpRequests } from './modules/help-requests/index';
import { seedDemoQuestions } from './modules/questions/index';
import type { FileStorage } from './platform/files/index';
import {
  citizenConsentHooks,
  citizenPersonalData,
  citizenRetention,
  wireCitizenModules,
} from './app-citizen-modules';
import { openDataKeys } from './platform/crypto/data-keys';
import type { Sealer } from './platform/crypto/sealing';

export const VERSION = '0.1.0';

/** Later modules' parts of the demo province, run in order after its hamlets and accounts (main.ts, bench/). */
export const DEMO_SEED_EXTENSIONS: DemoSeedExtension[] = [
  seedDemoTeams,
  seedDemoSupportRecords,
  seedDemoAgencies,
  // After the agencies: the demo's cases are routed to them.
  seedDemoCases,
  seedDemoQuestions,
  // After the teams and support records: done requests link a support record of the team.
  seedDemoHelpRequests,
];

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** The contact-data sealer opened at start-up (main.ts); opened from config when not given. */
  sealer?: Sealer;
  metrics?: Metrics;
  /** Outbound mail; defaults to SMTP when config.smtpUrl is set, else null (mail is captured). Tests pass a fake. */
  mailTransport?: MailTransport | null;
  /** Outbound webhook HTTP; defaults to global fetch. Tests pass a fake. */
  webhookFetch?: WebhookFetch;
  /** Where photos and files are stored; defaults to config.storage (DATA_DIR/files or STORAGE_URL). */
  fileStorage?: FileStorage;
}

/**
 * Composition root for HTTP: repositories → services → routes, with every dependency passed explicitly.
 * main.ts adds the process concerns (migrations, seed, jobs, signals); tests call this directly.
 */
export async function buildApp(deps: AppDeps) {
  const { config, database, clock, logger } = deps;
  const metrics = deps.metrics ?? createMetrics();
  // The keys that seal contact data; a development install without DATA_KEY gets a generated key file (and a warning).
  const sealer = deps.sealer ?? openDataKeys(config, (message) => logger.warn(message));
  const http = await createHttpServer({
    logger,
    database,
    sealer,
    metrics,
    clock,
    bodyLimitBytes: config.bodyLimitBytes,
    rateLimitPerMinute: config.rateLimitPerMinute,
    rateLimitAnonymousPerMinute: config.rateLimitAnonymousPerMinute,
    metricsToken: config.metricsToken,
    trustProxy: config.trustProxy,
    webDist: config.webDist,
    version: VERSION,
    uploads: config.uploads,
    imgSources: config.mapTiles ? [config.mapTiles.cspSource] : [],
  });
  const app = http as unknown as ZodApp;
  const db = database.db;

  const users = createUsersRepository(db, sealer);
  const signInThrottles = createSignInThrottleRepository(db);
  const auth = createAuthService({
    db,
    users,
    clock,
    throttle: createSignInThrottle({ throttles: signInThrottles, clock }),
    sessionTtlHours: config.sessionTtlHours,
    teamsOfUser: listTeamsOfUser(db, sealer, clock),
  });
  registerAuthRoutes(app, { auth, cookieSecure: config.cookieSecure });
  const accounts = registerAccountsRoutes(app, {
    db,
    dialect: database.dialect,
    users,
    auth,
    clock,
    config,
    sealer,
  });

  const notificationsRepo = createNotificationsRepository(db);
  const notifications = createNotificationsService({
    db,
    repo: notificationsRepo,
    clock,
    webhookAvailable: config.webhook !== undefined,
  });
  registerNotificationRoutes(app, { notifications, clock });

  const geography = createGeographyServices({ db });
  registerGeographyRoutes(app, { ...geography, clock });

  const demo = createDemoService({ demo: createDemoRepository(db), config, sealer });
  registerDemoRoutes(app, { demo });

  const teams = createTeamsModule({ db, clock, publicUrl: config.publicUrl, sealer });
  registerTeamsRoutes(app, {
    teams: teams.teams,
    teamStatus: teams.teamStatus,
    members: teams.members,
    clock,
  });
  // A team's public page is rendered on the server with what an anonymous visitor reads from GET /api/v1/teams/:id
  // (the response schema strips the rest, as the route's serializer does); no such team → the page's frame.
  providePageData(http, 'team', async ({ id = '' }) => {
    try {
      return TeamDetailSchema.parse(await teams.teams.getTeam(ANONYMOUS, id));
    } catch (error) {
      if (error instanceof AppError) return null;
      throw error;
    }
  });
  const catalogue = createServicesModule({ db });
  registerServicesRoutes(app, { services: catalogue, clock });
  // Consent records: each module whose basis is consent declares how it honours a withdrawal.
  const consent = createConsentRegistry([supportConsentHook, ...citizenConsentHooks(sealer)]);
  const support = createSupportModule({
    db,
    dialect: database.dialect,
    clock,
    teams,
    services: catalogue,
    consent,
  });
  registerSupportRoutes(app, { records: support.records, lists: support.lists, clock });
  const calendar = createCalendarModule({ db, clock });
  registerCalendarRoutes(app, { calendar, clock });
  // Agencies, routing rules, reply templates and the province's case settings (issue 10).
  const agencies = createAgenciesModule({ db, clock, provinceCode: config.provinceCode });
  registerAgencyRoutes(app, agencies, clock);
  // Cases with Open311 over them (issue 10), help requests and the online Q&A (issue 11): app-citizen-modules.ts.
  const citizen = await wireCitizenModules({
    http,
    app,
    config,
    database,
    clock,
    sealer,
    fileStorage: deps.fileStorage,
    calendarFor: calendar.calendarFor,
    communeAt: geography.boundaries.communeAt,
    deadlinesFor: agencies.settings.deadlinesFor,
    suggestAgency: agencies.routing.suggest,
    listServices: async () => (await catalogue.listServices(ANONYMOUS)).items,
  });
  const { cases, helpRequests, questions } = citizen;
  // The role homes' counts, read across teams, hamlets and support records inside each caller's grants.
  registerHomeRoutes(app, { home: createHomeModule({ db, clock }) });

  const privacy = createPrivacyModule({
    db,
    clock,
    sealer,
    provinceCode: config.provinceCode,
    publicUrl: config.publicUrl,
    calendarFor: calendar.calendarFor,
    // Each module's part in access and deletion requests; a module added later registers its provider here.
    providers: [
      accountsPersonalData(sealer),
      teamsPersonalData(sealer),
      ...citizenPersonalData(sealer),
      consentPersonalData,
    ],
    consent,
  });
  registerBreachRoutes(app, { breaches: privacy.breaches, clock });
  registerRequestRoutes(app, { requests: privacy.requests, clock });

  // Jobs and event subscribers of every module; the runner refuses to build when a declared job has no handler.
  const events = createEventBus();
  const eventDispatch = createEventDispatcher({ db, dialect: database.dialect, clock, logger, bus: events });
  events.subscribe('invitation.accepted', (event) => teams.members.linkAcceptedInvitation(event));
  citizen.subscribe(events);
  const housekeeping = createHousekeepingJobs({ db, clock, retentionDays: config.retentionDaysOperational });
  const signInThrottleJobs = createSignInThrottleJobs({ throttles: signInThrottles, clock });
  // Each module declares how its purpose's data is anonymised once the register's retention period has passed.
  const retention = createRetentionJobs({
    db,
    clock,
    rules: [accountsRetention, teamMembershipRetention, supportRecordsRetention, ...citizenRetention(sealer)],
  });
  const notificationJobs = createNotificationJobs({
    db,
    repo: notificationsRepo,
    clock,
    webhook: config.webhook,
    fetch: deps.webhookFetch ?? fetch,
  });
  const mailTransport =
    deps.mailTransport !== undefined
      ? deps.mailTransport
      : config.smtpUrl
        ? createSmtpTransport(config.smtpUrl)
        : null;
  const jobs = createJobRunner({
    database,
    clock,
    logger,
    metrics,
    jobs: [
      eventDispatch.job,
      ...createMailJobs({ db, clock, transport: mailTransport, from: config.mailFrom, sealer }),
      ...housekeeping.jobs,
      ...signInThrottleJobs.jobs,
      ...createPhoneMessageJobs({ webhook: config.webhook, fetch: deps.webhookFetch ?? fetch, sealer }),
      ...notificationJobs.jobs,
      ...retention.jobs,
      ...privacy.jobs,
      ...citizen.jobs,
    ],
    schedules: [
      eventDispatchSchedule,
      ...housekeeping.schedules,
      ...signInThrottleJobs.schedules,
      ...notificationJobs.schedules,
      ...retention.schedules,
      ...privacy.schedules,
      ...citizen.schedules,
    ],
  });

  return {
    app,
    metrics,
    services: {
      auth,
      accounts,
      demo,
      geography,
      notifications,
      teams,
      catalogue,
      support,
      calendar,
      privacy,
      agencies,
      cases,
      helpRequests,
      questions,
    },
    sealer,
    jobs,
    events,
  };
}
export type BuiltApp = Awaited<ReturnType<typeof buildApp>>;
