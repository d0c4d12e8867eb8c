import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { ZodApp } from '../../platform/http/route-types';
import { createBoundariesService } from './boundaries.service';
import { createHamletImportService } from './hamlets-import.service';
import { registerHamletsRoutes } from './hamlets.routes';
import { createHamletsRepository } from './hamlets.repository';
import { createHamletsService } from './hamlets.service';
import { registerUnitsRoutes } from './units.routes';
import { createUnitsRepository } from './units.repository';
import { createUnitsService } from './units.service';

/** The geography module's public surface: what other modules and the composition root may use. */
export {
  loadOfficialUnits,
  type LoadOfficialUnitsOptions,
  type LoadOfficialUnitsResult,
} from './official-units.loader';
export { resolveUnitPlacement, type UnitPlacement } from './units.service';
export type { BoundariesService } from './boundaries.service';
export type { CommuneLookup } from './point-in-commune';

/** Repositories → services of the module, each with its dependencies spelled out. */
export function createGeographyServices(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  const unitsRepository = createUnitsRepository(db);
  const hamletsRepository = createHamletsRepository(db);
  return {
    units: createUnitsService({ units: unitsRepository, hamlets: hamletsRepository }),
    hamlets: createHamletsService({ db, hamlets: hamletsRepository, units: unitsRepository }),
    hamletImport: createHamletImportService({ db, hamlets: hamletsRepository, units: unitsRepository }),
    boundaries: createBoundariesService(),
  };
}
export type GeographyServices = ReturnType<typeof createGeographyServices>;

export function registerGeographyRoutes(app: ZodApp, deps: GeographyServices & { clock: Clock }) {
  registerUnitsRoutes(app, { units: deps.units, boundaries: deps.boundaries });
  registerHamletsRoutes(app, { hamlets: deps.hamlets, hamletImport: deps.hamletImport, clock: deps.clock });
}
