/** The service catalogue's public surface: the composition root builds it; support validates codes with it. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { createServicesRepository } from './services.repository';
import { createServicesService } from './services.service';

export { registerServicesRoutes } from './services.routes';
export { type ServicesService, type ServiceStatusOf } from './services.service';

export function createServicesModule(deps: { db: Kysely<DB> }) {
  return createServicesService({
    db: deps.db,
    services: createServicesRepository(deps.db),
  });
}
