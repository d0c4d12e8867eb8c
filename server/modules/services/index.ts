/** The service catalogue's public surface: the composition root builds it; support validates codes with it. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { createServicesRepository } from './services.repository';
import { createServicesService } from './services.service';

export { registerServicesRoutes } from './services.routes';
export { CATALOGUE_CACHE_MS, type ServicesService, type ServiceStatusOf } from './services.service';

export function createServicesModule(deps: { db: Kysely<DB>; clock: Clock }) {
  return createServicesService({
    db: deps.db,
    services: createServicesRepository(deps.db),
    clock: deps.clock,
  });
}
