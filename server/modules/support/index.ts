/**
 * The field support log's public surface: the composition root builds it with the teams and services modules,
 * and the demo seed extension adds six months of records to the demo province.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { ConsentRegistry } from '../../platform/privacy/consent';
import type { ServicesService } from '../services/index';
import type { TeamsModule } from '../teams/index';
import { createSupportIngestService } from './support-ingest.service';
import { createSupportListsService } from './support-lists.service';
import { createSupportRecordsRepository } from './support-records.repository';
import { createSupportRecordsService } from './support-records.service';

export { registerSupportRoutes } from './support.routes';
export { seedDemoSupportRecords } from './support.demo';
export { hashContent } from './support-ingest.rules';
export { supportConsentHook } from './support-consent';

export function createSupportModule(deps: {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  teams: TeamsModule;
  services: ServicesService;
  consent: ConsentRegistry;
}) {
  const { db, clock, services } = deps;
  const records = createSupportRecordsRepository(db);
  const ingest = createSupportIngestService({
    db,
    records,
    teams: deps.teams.teamsRepo,
    services,
    clock,
    // One SQLite connection serialises every transaction; PostgreSQL runs them side by side.
    concurrentWriters: deps.dialect === 'postgres',
    lanes: deps.dialect === 'postgres' ? 2 : 1,
  });
  return {
    records: createSupportRecordsService({ db, records, ingest, consent: deps.consent }),
    lists: createSupportListsService({
      db,
      records,
      teams: deps.teams.teamsRepo,
      members: deps.teams.membersRepo,
      services,
      clock,
    }),
  };
}
export type SupportModule = ReturnType<typeof createSupportModule>;
export { supportRecordsRetention } from './support.retention';
