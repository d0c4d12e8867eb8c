import type { TestApp } from '../../test/app';
import { testSealer } from '../../test/app';
import { createServicesModule } from '../services/index';
import { createTeamsRepository } from '../teams/index';
import { createSupportIngestService } from './support-ingest.service';
import { createSupportRecordsRepository, type SupportRecordsRepository } from './support-records.repository';

/**
 * The ingest service on a test app's database as the app builds it, with `lanes` writers and the records repository
 * optionally wrapped (tests fail or delay one step of the write path through the wrapper).
 */
export function createTestIngest(
  t: TestApp,
  options: { lanes?: number; wrap?: (r: SupportRecordsRepository) => SupportRecordsRepository } = {},
) {
  const db = t.database.db;
  const records = createSupportRecordsRepository(db);
  return createSupportIngestService({
    db,
    records: options.wrap ? options.wrap(records) : records,
    teams: createTeamsRepository(db, testSealer),
    services: createServicesModule({ db }),
    clock: t.clock,
    concurrentWriters: t.database.dialect === 'postgres',
    lanes: options.lanes ?? 1,
  });
}
