/**
 * Open311 GeoReport v2 (interfaces.md §3) over the case engine: the province's citizen categories as services, its
 * cases as service requests, their public timeline as mySociety's servicerequestupdates. New requests go through
 * the cases module's intake (one write path); the module's own reads select no reporter column.
 */
import type { Kysely } from 'kysely';
import type { CaseDeadlinePolicy } from '../../../shared/rules/case-deadlines';
import type { WorkingCalendar } from '../../../shared/time/working-time';
import type { DB } from '../../db/schema';
import type { AuditContext } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { Sealer } from '../../platform/crypto/sealing';
import type { CaseIntakeInput, CaseIntakeResult } from '../cases/index';
import { createOpen311UpdatesService } from './open311-updates.service';
import { createOpen311Repository } from './open311.repository';
import { createOpen311Service } from './open311.service';

export { registerOpen311Routes } from './open311.routes';

export function createOpen311Module(deps: {
  db: Kysely<DB>;
  clock: Clock;
  sealer: Sealer;
  provinceCode: string;
  publicUrl: string;
  contact: string;
  createCase: (input: CaseIntakeInput, ctx: AuditContext) => Promise<CaseIntakeResult>;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  deadlinesFor: (provinceCode: string) => Promise<CaseDeadlinePolicy>;
}) {
  const repo = createOpen311Repository(deps.db);
  const updates = createOpen311UpdatesService(deps);
  return createOpen311Service({ ...deps, repo, updates });
}
export type Open311Module = ReturnType<typeof createOpen311Module>;
