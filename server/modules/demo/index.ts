/** The demo module's public surface: the seed (with its extension hook) and the demo accounts route. */
export {
  seedDemoProvince,
  planDemoProvince,
  DEMO_SEED_KEY,
  DEMO_SEED_VERSION,
  type DemoAccount,
  type DemoCommune,
  type DemoHamlet,
  type DemoSeedContext,
  type DemoSeedExtension,
  type SeedDemoResult,
} from './demo-seed.service';
export { createDemoService, formatDemoAccountsTable, type DemoService } from './demo.service';
export { createDemoRepository } from './demo.repository';
export { registerDemoRoutes } from './demo.routes';
export {
  DEMO_ACCOUNT_SPECS,
  DEMO_COMMUNE_CODE,
  DEMO_EMAIL_DOMAIN,
  DEMO_PROVINCE_CODE,
} from './demo-accounts.data';
export { createSeedRandom, type SeedRandom } from './seed-random';
export type { DemoAccountItem, DemoAccountsResponse } from './demo.contract';
