/**
 * Personal-data protection that belongs to no other module (issue 9): the breach register (72-hour notification).
 * Data-subject requests and consent records join it here.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { createBreachesRepository } from './breaches.repository';
import { createBreachesService } from './breaches.service';

export { registerBreachRoutes } from './breaches.routes';
export type { BreachesService } from './breaches.service';

export function createPrivacyModule(deps: { db: Kysely<DB>; clock: Clock }) {
  return { breaches: createBreachesService({ db: deps.db, breaches: createBreachesRepository(deps.db), clock: deps.clock }) };
}
