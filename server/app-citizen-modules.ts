/**
 * The citizens' modules in the composition root (app.ts): the case engine with Open311 over it (issue 10), help
 * requests and the online Q&A (issue 11). app.ts calls each part where the others' would stand, so routes, hooks,
 * providers, retention rules, subscribers and jobs keep the order they had when they were written out there.
 */
import type { Config } from './config';
import type { Database } from './db/database';
import type { Clock } from './platform/clock';
import type { Sealer } from './platform/crypto/sealing';
import { providePageData } from './platform/http/web-app';
import type { ZodApp } from './platform/http/route-types';
import { ANONYMOUS } from './platform/auth/actor';
import { AppError } from './platform/errors';
import type { EventBus } from './platform/jobs/event-dispatch';
import { createFileStorage, type FileStorage } from './platform/files/index';
import { FaqSchema, QuestionDetailSchema } from '../shared/contracts/questions';
import { UUID_PATTERN } from '../shared/ids';
import {
  caseContactConsentHook,
  caseFollowerConsentHook,
  casesPersonalData,
  casesRetention,
  createCasesModule,
  registerCasePublicRoutes,
  registerCaseStatsRoutes,
  registerCaseHandlingRoutes,
  type CasesModuleDeps,
} from './modules/cases/index';
import {
  createHelpRequestsModule,
  helpRequestConsentHook,
  helpRequestsPersonalData,
  helpRequestsRetention,
  registerHelpRequestRoutes,
} from './modules/help-requests/index';
import {
  createQuestionsModule,
  questionContactConsentHook,
  questionsPersonalData,
  questionsRetention,
  registerQuestionRoutes,
  registerQuestionStaffRoutes,
  type QuestionsModuleDeps,
} from './modules/questions/index';
import { createOpen311Module, registerOpen311Routes } from './modules/open311/index';

export interface CitizenModulesDeps {
  /** The HTTP server itself: the Q&A's pages are rendered on it with their data. */
  http: Parameters<typeof providePageData>[0];
  app: ZodApp;
  config: Config;
  database: Database;
  clock: Clock;
  sealer: Sealer;
  /** Where the cases' photos are stored; defaults to config.storage. */
  fileStorage?: FileStorage;
  calendarFor: CasesModuleDeps['calendarFor'];
  communeAt: CasesModuleDeps['communeAt'];
  deadlinesFor: NonNullable<CasesModuleDeps['deadlinesFor']>;
  suggestAgency: NonNullable<CasesModuleDeps['suggestAgency']>;
  listServices: QuestionsModuleDeps['listServices'];
}

/** Their consent hooks, after the support records' in the registry. */
export const citizenConsentHooks = (sealer: Sealer) => [
  caseContactConsentHook,
  caseFollowerConsentHook(sealer),
  questionContactConsentHook,
  helpRequestConsentHook,
];

/** Their parts in access and deletion requests. */
export const citizenPersonalData = (sealer: Sealer) => [
  casesPersonalData(sealer),
  questionsPersonalData(sealer),
  helpRequestsPersonalData(sealer),
];

/** How their purposes' data is anonymised once the register's retention period has passed. */
export const citizenRetention = (sealer: Sealer) => [
  casesRetention(sealer),
  questionsRetention,
  helpRequestsRetention,
];

/** Builds the modules and registers their routes and pages; their subscribers and jobs are returned for app.ts. */
export async function wireCitizenModules(deps: CitizenModulesDeps) {
  const { http, app, config, database, clock, sealer } = deps;
  const db = database.db;
  // The case engine (issue 10): citizens' reports and petitions, teams' proposals; photos in the file storage.
  const fileStorage = deps.fileStorage ?? createFileStorage(config.storage);
  const cases = createCasesModule({
    db,
    dialect: database.dialect,
    clock,
    sealer,
    storage: fileStorage,
    uploads: config.uploads,
    provinceCode: config.provinceCode,
    calendarFor: deps.calendarFor,
    communeAt: deps.communeAt,
    deadlinesFor: deps.deadlinesFor,
    suggestAgency: deps.suggestAgency,
    publicUrl: config.publicUrl,
    tileUrl: config.mapTiles?.url ?? null,
  });
  await cases.ensureDefaults(config.provinceCode);
  registerCaseHandlingRoutes(app, { handling: cases.handling, clock });
  registerCaseStatsRoutes(app, { stats: cases.stats, exports: cases.exports, clock });
  registerCasePublicRoutes(app, {
    intake: cases.intake,
    publicCases: cases.publicCases,
    citizen: cases.citizen,
    clock,
    provinceCode: config.provinceCode,
    uploadMaxBytes: config.uploads.maxBytes,
  });
  // Open311 GeoReport v2 (interfaces.md §3): categories as services, cases as requests, through the same intake.
  const open311 = createOpen311Module({
    db,
    clock,
    sealer,
    provinceCode: config.provinceCode,
    publicUrl: config.publicUrl,
    contact: config.mailFrom,
    createCase: cases.intake.createCase,
    calendarFor: deps.calendarFor,
    deadlinesFor: deps.deadlinesFor,
  });
  registerOpen311Routes(app, { open311, clock, db });
  // Help requests (issue 11): routed to the hamlet's team, the commune's team or the commune officers; closed by a
  // linked support record.
  const helpRequests = createHelpRequestsModule({ db, clock, sealer, calendarFor: deps.calendarFor });
  registerHelpRequestRoutes(app, {
    intake: helpRequests.intake,
    handling: helpRequests.handling,
    settings: helpRequests.settings,
    clock,
    provinceCode: config.provinceCode,
  });
  // The online Q&A (issue 11): topics from the service catalogue; search on FTS5 or PostgreSQL full text.
  const questions = createQuestionsModule({
    db,
    dialect: database.dialect,
    clock,
    sealer,
    provinceCode: config.provinceCode,
    publicUrl: config.publicUrl,
    listServices: deps.listServices,
  });
  registerQuestionRoutes(app, { ...questions, clock });
  registerQuestionStaffRoutes(app, { staff: questions.staff, lists: questions.lists, clock });
  // A published question's page and the FAQ are rendered with what an anonymous reader gets from the API (like a
  // team's page): the text and the JSON-LD are in the HTML. Waiting or hidden questions: the page's frame.
  providePageData(http, 'question', async ({ id = '' }) => {
    if (!UUID_PATTERN.test(id)) return null;
    try {
      return QuestionDetailSchema.parse(await questions.questions.detail(ANONYMOUS, id));
    } catch (error) {
      if (error instanceof AppError) return null;
      throw error;
    }
  });
  providePageData(http, 'faq', async () => FaqSchema.parse(await questions.lists.faq(undefined)));

  return {
    cases,
    helpRequests,
    questions,
    subscribe(events: EventBus) {
      cases.notify.subscribe(events);
      questions.notify.subscribe(events);
      helpRequests.subscribe(events);
    },
    jobs: [...cases.jobs, ...questions.jobs, ...helpRequests.jobs],
    schedules: [...cases.schedules, ...questions.schedules, ...helpRequests.schedules],
  };
}
