/**
 * Agencies (cơ quan xử lý) and the case engine's configuration (issue 10): the public surface other modules use.
 * - agencies.get(id), agencies.listByIds(ids): the rows (AgencyRow) a case names;
 * - routing.suggest(provinceCode, categoryCode, communeCode) → agencyId | null;
 * - settings.deadlinesFor(provinceCode) → CaseDeadlinePolicy, settings.retentionMonths(provinceCode),
 *   settings.moderateAnonymous(provinceCode);
 * - templates.list(actor, query) for the handlers' screens.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { ZodApp } from '../../platform/http/route-types';
import { createAgenciesRepository } from './agencies.repository';
import { registerAgenciesRoutes } from './agencies.routes';
import { createAgenciesService } from './agencies.service';
import { createCaseConfigService } from './case-config.service';

export type { AgencyRow } from './agencies.repository';
export { DEFAULT_RETENTION_MONTHS } from './case-config.service';
export { seedDemoAgencies, DEMO_AGENCY_HANDLERS } from './agencies.demo';
export { caseStaffProvinces } from './agencies.policy';

export function createAgenciesModule(deps: { db: Kysely<DB>; clock: Clock; provinceCode: string }) {
  const repo = createAgenciesRepository(deps.db);
  const service = createAgenciesService({ ...deps, repo });
  const config = createCaseConfigService({ ...deps, repo });
  return {
    agencies: {
      get: service.get,
      listByIds: service.listByIds,
      list: service.list,
      read: service.read,
      create: service.create,
      update: service.update,
    },
    routing: { suggest: service.suggest, list: service.listRules, put: service.putRule },
    templates: { list: config.listTemplates, create: config.createTemplate, update: config.updateTemplate },
    settings: {
      ensure: config.ensure,
      deadlinesFor: config.deadlinesFor,
      retentionMonths: config.retentionMonths,
      moderateAnonymous: config.moderateAnonymous,
      read: config.readSettings,
      put: config.putSettings,
    },
    categories: { listAll: config.listCategories, patch: config.patchCategory },
    /** For the composition root only. */
    services: { agencies: service, config },
  };
}
export type AgenciesModule = ReturnType<typeof createAgenciesModule>;

export function registerAgencyRoutes(app: ZodApp, module: AgenciesModule, clock: Clock) {
  registerAgenciesRoutes(app, { agencies: module.services.agencies, config: module.services.config, clock });
}
