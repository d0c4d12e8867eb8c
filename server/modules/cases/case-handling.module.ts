import type { Kysely } from 'kysely';
import type { CaseDeadlinePolicy } from '../../../shared/rules/case-deadlines';
import type { WorkingCalendar } from '../../../shared/time/working-time';
import type { DB } from '../../db/schema';
import type { AuditContext } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { Sealer } from '../../platform/crypto/sealing';
import type { FileStorage, ImageLimits } from '../../platform/files/index';
import type { CommuneLookup } from '../geography/index';
import { createCaseActions } from './case-handling.actions';
import { createCaseExtras } from './case-handling.extras';
import { createCaseFiling } from './case-handling.filing';
import { createAnswerPhotos } from './case-handling.photos';
import { createCaseProposals } from './case-handling.proposals';
import { createCaseHandlingRepository } from './case-handling.repository';
import { createCaseHandlingReads, type CaseHandlingContext } from './case-handling.service';
import type { CaseIntakeInput, CaseIntakeResult } from './case-intake.rules';

export interface CaseHandlingDeps {
  db: Kysely<DB>;
  clock: Clock;
  sealer: Sealer;
  storage: FileStorage;
  uploads: ImageLimits;
  provinceCode: string;
  calendarFor: (provinceCode: string) => Promise<WorkingCalendar>;
  deadlinesFor: (provinceCode: string) => Promise<CaseDeadlinePolicy>;
  communeAt: (provinceCode: string, lat: number, lng: number) => CommuneLookup;
  createCase: (input: CaseIntakeInput, ctx: AuditContext) => Promise<CaseIntakeResult>;
  /** The agencies module's routing (a commune rule, else the province default); the rules table read directly otherwise. */
  suggestAgency?: (
    provinceCode: string,
    categoryCode: string,
    communeCode: string | null,
  ) => Promise<string | null>;
}

/** The handlers' side of the cases module (issue 10), built from the intake it files through. */
export function createCaseHandlingModule(deps: CaseHandlingDeps) {
  const repo = createCaseHandlingRepository(deps.db);
  const ctx: CaseHandlingContext = {
    db: deps.db,
    clock: deps.clock,
    sealer: deps.sealer,
    repo,
    calendarFor: deps.calendarFor,
    deadlinesFor: deps.deadlinesFor,
    suggestAgency: deps.suggestAgency ?? ((p, c, commune) => repo.routedAgency(p, c, commune)),
  };
  const reads = createCaseHandlingReads(ctx);
  return {
    repo,
    reads,
    actions: createCaseActions(ctx, reads),
    extras: createCaseExtras(ctx, reads),
    filing: createCaseFiling(ctx, {
      provinceCode: deps.provinceCode,
      createCase: deps.createCase,
      communeAt: deps.communeAt,
    }),
    proposals: createCaseProposals(ctx),
    answerPhotos: createAnswerPhotos(ctx, reads, { storage: deps.storage, uploads: deps.uploads }),
  };
}
export type CaseHandlingModule = ReturnType<typeof createCaseHandlingModule>;
