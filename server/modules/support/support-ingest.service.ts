import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import { recordAudits, type AuditEntry } from '../../platform/audit';
import { requireSignedIn, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { recordEvents, type DomainEvent } from '../../platform/events';
import type { ServicesService } from '../services/index';
import type { TeamsRepository } from '../teams/index';
import type { RecordRow, SupportRecordsRepository } from './support-records.repository';
import { answerRepeats, parseCandidates, type IngestResult } from './support-ingest.rules';
import { storeGroup, type IngestRequest } from './support-ingest.store';

export interface IngestOutcome {
  results: IngestResult[];
  /** The rows this call stored, with names, by id: PUT answers with its row without another query. */
  created: Map<string, RecordRow>;
}

/** A group stops growing at a full sync batch's worth of records (one request always fits, whatever its size). */
const MAX_GROUP_RECORDS = 500;

interface Waiting {
  req: IngestRequest;
  /** The ids and corrected ids it names: a group never holds two requests that share one. */
  keys: string[];
  resolve: (outcome: IngestOutcome) => void;
  reject: (err: unknown) => void;
}

/**
 * The offline sync path (interfaces.md §2), shared by PUT and POST /sync, with group commit: calls that arrive
 * while a transaction runs wait in a queue and are stored together in the next one, each with its own caller,
 * scope checks, results and audit row. A transaction's commit and its fixed set of statements (storeGroup) are
 * the bulk of a write's cost, so twenty phones sending at once pay for about one; a lone call still starts at
 * once. If a group's transaction fails, each of its calls is tried again alone, so one call's failure never
 * becomes another's. Every element gets its own result in input order; one bad record never rejects the others,
 * and resending is always safe: a stored id is answered from its hash.
 */
export function createSupportIngestService(deps: {
  db: Kysely<DB>;
  records: SupportRecordsRepository;
  teams: TeamsRepository;
  services: ServicesService;
  clock: Clock;
  /** PostgreSQL with several servers: transactions run concurrently, so each locks the ids it names first. */
  concurrentWriters: boolean;
  /** Group transactions that may run at once (SQLite: 1, it has one connection). */
  lanes: number;
}) {
  const { db, services, clock } = deps;
  const queue: Waiting[] = [];
  let running = 0;

  async function ingest(
    actor: Actor,
    raws: readonly unknown[],
    meta: { ip: string | null; requestId: string | null },
    source: 'put' | 'sync',
  ): Promise<IngestOutcome> {
    // An API key's sync:write scope is checked by the route's access declaration (platform/http/route-access.ts).
    const writer = requireSignedIn(actor);
    const { results, firsts, repeats } = parseCandidates(raws);
    const req: IngestRequest = {
      actor: writer,
      source,
      meta,
      received: raws.length,
      results,
      firsts,
      repeats,
      created: new Map(),
      storedHash: new Map(),
    };
    if (firsts.size === 0) return finish(req);
    const keys = [...firsts.values()].flatMap((c) =>
      c.content.supersedes ? [c.id, c.content.supersedes] : [c.id],
    );
    return new Promise<IngestOutcome>((resolve, reject) => {
      queue.push({ req, keys, resolve, reject });
      schedule();
    });
  }

  /**
   * Groups start on the event loop's check phase, after the poll phase has read every request that arrived
   * meanwhile: better-sqlite3 runs a transaction without letting I/O in, so starting at once would leave the
   * requests that came during it unread and every group a group of one.
   */
  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  }

  function pump() {
    scheduled = false;
    while (running < deps.lanes && queue.length > 0) {
      const group = takeGroup();
      running += 1;
      void runGroup(group).finally(() => {
        running -= 1;
        if (queue.length > 0) schedule();
      });
    }
  }

  /** The longest run of waiting calls, in arrival order, that share no id and fit in one group. */
  function takeGroup(): Waiting[] {
    const group = [queue.shift()!];
    const keys = new Set(group[0]!.keys);
    let size = group[0]!.req.firsts.size;
    while (queue.length > 0) {
      const next = queue[0]!;
      if (size + next.req.firsts.size > MAX_GROUP_RECORDS || next.keys.some((k) => keys.has(k))) break;
      queue.shift();
      group.push(next);
      for (const k of next.keys) keys.add(k);
      size += next.req.firsts.size;
    }
    return group;
  }

  async function runGroup(group: Waiting[]) {
    try {
      await commitGroup(group.map((w) => w.req));
      for (const w of group) w.resolve(finish(w.req));
      return;
    } catch (err) {
      if (group.length === 1) {
        group[0]!.reject(err);
        return;
      }
    }
    // Something in the group failed the transaction: each call again alone, so the failure stays with its own.
    for (const w of group) {
      try {
        await commitGroup([w.req]);
        w.resolve(finish(w.req));
      } catch (err) {
        w.reject(err);
      }
    }
  }

  async function commitGroup(requests: readonly IngestRequest[]) {
    const now = clock.now();
    const at = now.toISOString();
    for (const r of requests) {
      r.created = new Map();
      r.storedHash = new Map();
    }
    await db.transaction().execute(async (trx) => {
      const statusOf = await services.statusOf(trx);
      await storeGroup(trx, deps, requests, { at, now, statusOf });
      const stored = requests.filter((r) => r.created.size > 0);
      await recordAudits(
        trx,
        stored.map((r) => ({
          ctx: { actor: r.actor, ip: r.meta.ip, requestId: r.meta.requestId, at },
          entry: auditEntry(r, now),
        })),
      );
      await recordEvents(trx, stored.map(createdEvent), at);
    });
  }

  return { ingest };
}
export type SupportIngestService = ReturnType<typeof createSupportIngestService>;

function finish(req: IngestRequest): IngestOutcome {
  answerRepeats(req.repeats, req.firsts, req.storedHash, req.results);
  return { results: req.results, created: req.created };
}

/** PUT: the record itself; sync: one row per batch listing what it stored (a fixed cost whatever the size). */
function auditEntry(r: IngestRequest, now: Date): AuditEntry {
  const ids = [...r.created.keys()];
  const first = r.created.get(ids[0]!)!;
  return r.source === 'put'
    ? {
        action: 'support_record.created',
        entityType: 'support_record',
        entityId: first.id,
        provinceCode: first.province_code,
        communeCode: first.commune_code,
        after: {
          teamId: first.team_id,
          hamletId: first.hamlet_id,
          occurredAt: first.occurred_at,
          services: JSON.parse(first.services_json) as unknown,
        },
      }
    : {
        action: 'support_records.synced',
        entityType: 'sync_batch',
        entityId: uuidv7(now.getTime()),
        provinceCode: first.province_code,
        after: { created: ids, received: r.received },
      };
}

function createdEvent(r: IngestRequest): DomainEvent {
  const ids = [...r.created.keys()];
  return {
    type: 'support_records.created',
    entityType: 'support_record',
    entityId: ids[0]!,
    payload: { ids, teamIds: [...new Set([...r.created.values()].map((row) => row.team_id))] },
  };
}
