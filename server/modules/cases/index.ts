/**
 * The case engine's public surface (issue 10): the composition root builds it with the calendar, the geography's
 * boundaries and the file storage; staff filing and Open311 file cases through `intake.createCase`; the public and
 * citizen routes read and act through `publicCases` and `citizen`. The handling side (H-handling) and the
 * agencies' statistics and jobs (H-agencies) add their parts here.
 */
import type { Kysely } from 'kysely';
import type { CaseDeadlinePolicy } from '../../../shared/rules/case-deadlines';
import type { WorkingCalendar } from '../../../shared/time/working-time';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { Sealer } from '../../platform/crypto/sealing';
import { defineOrphanSweepJob, type FileStorage, type ImageLimits } from '../../platform/files/index';
import { z } from 'zod';
import { defineJob, type JobDefinition, type Schedule } from '../../platform/jobs/job-definition';
import type { CommuneLookup } from '../geography/index';
import { deadlinesFromSettings, ensureCaseDefaults } from './case-defaults';
import { CASE_FILES_NAMESPACE, createCaseIntakeService } from './case-intake.service';
import { createCaseCitizenService } from './case-citizen.service';
import { createCasePublicService } from './case-public.service';
import { createCaseQueriesRepository } from './case-queries.repository';
import { createCasesRepository } from './cases.repository';
import { createCaseDeadlineJobs } from './case-deadlines.jobs';
import { createCaseHandlingModule } from './case-handling.module';
import { createCaseNotify } from './case-notify';
import { createCaseExport } from './case-export';
import { createCaseStatsRepository } from './case-stats.repository';
import { createCaseStatsService } from './case-stats.service';

export type { CaseIntakeInput, CaseIntakeResult } from './case-intake.rules';
export { CASE_CONTACT_SUBJECT, CONTACT_CONSENT_VERSION } from './case-intake.service';
export { registerCasePublicRoutes } from './case-public.routes';
export { casesPersonalData } from './cases.personal-data';
export { casesRetention } from './cases.retention';
export { caseContactConsentHook, caseFollowerConsentHook } from './cases.consent';
export { unfollowToken } from './case-citizen.service';
export { presentPublicCase, presentPublicItem, photoUrls } from './case.presenter';
export { registerCaseStatsRoutes } from './case-stats.routes';
export { CASE_DEADLINES_JOB } from './case-deadlines.jobs';
export { registerCaseHandlingRoutes } from './case-handling.routes';
export type { CaseHandlingModule } from './case-handling.module';
export { seedDemoCases } from './cases.demo';

export const CASE_FILES_SWEEP_JOB = 'cases.files.sweep';
export const CASE_MAP_REFRESH_JOB = 'cases.map.refresh';

export interface CasesModuleDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  sealer: Sealer;
  storage: FileStorage;
  uploads: ImageLimits;
  /** The deployment's province: the public list and map show its cases. */
  provinceCode: string;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  communeAt: (provinceCode: string, lat: number, lng: number) => CommuneLookup;
  /** The agencies module's settings when it is wired; case_settings read directly otherwise. */
  deadlinesFor?: (provinceCode: string) => Promise<CaseDeadlinePolicy>;
  /** The agencies module's routing suggestion (handlers' assign); case_routing_rules read directly otherwise. */
  suggestAgency?: (
    provinceCode: string,
    categoryCode: string,
    communeCode: string | null,
  ) => Promise<string | null>;
  /** The site's address, for the links in mails to reporters and followers (case-notify.ts). */
  publicUrl?: string;
  /** MAP_TILE_URL (config.mapTiles): the public map's tile template, null to draw the boundaries alone. */
  tileUrl?: string | null;
}

export function createCasesModule(deps: CasesModuleDeps) {
  const { db, clock } = deps;
  const cases = createCasesRepository(db);
  const queries = createCaseQueriesRepository(db, deps.dialect);
  const deadlinesFor =
    deps.deadlinesFor ?? ((provinceCode: string) => deadlinesFromSettings(cases, provinceCode));
  const intake = createCaseIntakeService({
    db,
    cases,
    clock,
    sealer: deps.sealer,
    storage: deps.storage,
    uploads: deps.uploads,
    calendarFor: deps.calendarFor,
    deadlinesFor,
    communeAt: deps.communeAt,
  });
  const publicCases = createCasePublicService({
    cases,
    queries,
    clock,
    provinceCode: deps.provinceCode,
    storage: deps.storage,
    calendarFor: deps.calendarFor,
    deadlinesFor,
    tileUrl: deps.tileUrl ?? null,
  });
  const citizen = createCaseCitizenService({
    db,
    cases,
    clock,
    sealer: deps.sealer,
    calendarFor: deps.calendarFor,
    deadlinesFor,
  });
  const sweep = defineOrphanSweepJob({
    name: CASE_FILES_SWEEP_JOB,
    storage: deps.storage,
    namespace: CASE_FILES_NAMESPACE,
    referencedKeys: cases.referencedKeys,
    now: () => clock.now(),
  });
  // The deadline watch and the supervisors' statistics and exports (H-agencies).
  const deadlineJobs = createCaseDeadlineJobs({
    db,
    clock,
    provinceCode: deps.provinceCode,
    calendarFor: deps.calendarFor,
    deadlinesFor,
  });
  const statsRepository = createCaseStatsRepository(db);
  const stats = createCaseStatsService({ stats: statsRepository, clock, calendarFor: deps.calendarFor });
  const exports = createCaseExport({ stats: statsRepository });
  // The handlers' side: inboxes, the workflow's steps, notes, extensions, moderation, staff filing (H-handling).
  const handling = createCaseHandlingModule({
    db,
    clock,
    sealer: deps.sealer,
    storage: deps.storage,
    uploads: deps.uploads,
    provinceCode: deps.provinceCode,
    calendarFor: deps.calendarFor,
    deadlinesFor,
    communeAt: deps.communeAt,
    createCase: intake.createCase,
    ...(deps.suggestAgency ? { suggestAgency: deps.suggestAgency } : {}),
  });
  // Reporters, followers, agencies and raising teams told of a case's events (subscribed by the composition root).
  const notify = createCaseNotify({ db, clock, sealer: deps.sealer, publicUrl: deps.publicUrl ?? '' });
  const refreshMap = defineJob({
    name: CASE_MAP_REFRESH_JOB,
    payload: z.object({}).passthrough(),
    handler: async () => queries.refreshOverview(clock.now().toISOString()),
  });
  const jobs: JobDefinition[] = [sweep, refreshMap, ...deadlineJobs.jobs, ...notify.jobs];
  const schedules: Schedule[] = [
    { name: CASE_FILES_SWEEP_JOB, dailyAt: '03:10' },
    // The map's wide views read the overview: a new report shows there within a minute (close views at once).
    { name: CASE_MAP_REFRESH_JOB, every: { seconds: 60 } },
    ...deadlineJobs.schedules,
  ];
  return {
    repository: cases,
    /** Rebuilds the map overview now (the job does it every minute; tests and the demo seed may call it). */
    refreshMapOverview: () => queries.refreshOverview(clock.now().toISOString()),
    intake,
    publicCases,
    citizen,
    deadlinesFor,
    jobs,
    schedules,
    deadlines: deadlineJobs,
    stats,
    exports,
    handling,
    notify,
    /** The province's default categories when it has none (called once at start-up by the composition root). */
    ensureDefaults: (provinceCode: string) =>
      ensureCaseDefaults(cases, provinceCode, clock.now().toISOString()),
  };
}
export type CasesModule = ReturnType<typeof createCasesModule>;
