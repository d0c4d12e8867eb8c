/**
 * The role homes' public surface: the counts a signed-in person's home shows (GET /api/v1/home/summary), read
 * across teams, hamlets and support records inside the caller's grants. Read-only; it owns no table.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { createHomeSummaryRepository } from './home-summary.repository';
import { createHomeSummaryService } from './home-summary.service';

export { registerHomeRoutes } from './home.routes';
export type { HomeSummaryService } from './home-summary.service';

export function createHomeModule(deps: { db: Kysely<DB>; clock: Clock }) {
  return createHomeSummaryService({ repo: createHomeSummaryRepository(deps.db), clock: deps.clock });
}
