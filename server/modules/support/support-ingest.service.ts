import type { Kysely, Transaction } from 'kysely';
import type { ErrorDetail } from '../../../shared/contracts/errors';
import { uuidv7 } from '../../../shared/ids';
import type { DB, SupportRecordsTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { requireScope, requireSignedIn, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import { recordEvent } from '../../platform/events';
import type { ServicesService } from '../services/index';
import type { TeamsRepository } from '../teams/index';
import type { RecordRow, SupportRecordsRepository } from './support-records.repository';
import { isAuthor, mayReview } from './support.policy';
import {
  ALREADY_CORRECTED,
  CONFLICT_DETAIL,
  answerRepeats,
  buildRow,
  checkCandidate,
  makeDetail,
  parseCandidates,
  type Candidate,
  type IngestResult,
} from './support-ingest.rules';


export interface IngestOutcome {
  results: IngestResult[];
  /** The rows this call stored, with names, by id: PUT answers with its row without another query. */
  created: Map<string, RecordRow>;
}

type Target = Pick<
  SupportRecordsTable,
  | 'id'
  | 'province_code'
  | 'commune_code'
  | 'hamlet_id'
  | 'author_user_id'
  | 'author_api_key_id'
  | 'state'
  | 'superseded_by'
>;

/**
 * The offline sync path (interfaces.md §2), shared by PUT and POST /sync: one transaction per batch and a fixed
 * number of statements whatever the batch size (team + membership, hamlets, correction links, one multi-row
 * insert, services, audit, event). Every element gets its own result in input order; one bad record never
 * rejects the others, and resending the whole batch is always safe: a stored id is answered from its hash.
 */
export function createSupportIngestService(deps: {
  db: Kysely<DB>;
  records: SupportRecordsRepository;
  teams: TeamsRepository;
  services: ServicesService;
  clock: Clock;
  /** PostgreSQL with several servers: transactions run concurrently, so correction links are re-checked after commit. */
  concurrentWriters: boolean;
}) {
  const { db, records, teams, services, clock } = deps;

  async function ingest(
    actor: Actor,
    raws: readonly unknown[],
    meta: { ip: string | null; requestId: string | null },
    source: 'put' | 'sync',
  ): Promise<IngestOutcome> {
    const writer = requireSignedIn(actor);
    if (writer.kind === 'apiKey') requireScope(writer, 'sync:write');
    const { results, firsts, repeats } = parseCandidates(raws);

    const now = clock.now();
    const at = now.toISOString();
    // Read before the transaction opens: SQLite has one connection, so nothing may wait for it inside.
    const statusOf = await services.loadStatusOf();
    const created = new Map<string, RecordRow>();
    const storedHash = new Map<string, string>();

    if (firsts.size > 0) {
      await db.transaction().execute(async (trx) => {
        await store(trx, writer, [...firsts.values()], { at, now, statusOf }, results, created, storedHash);
        if (created.size === 0) return;
        const ids = [...created.keys()];
        const first = created.get(ids[0]!)!;
        await recordAudit(
          trx,
          { actor, ip: meta.ip, requestId: meta.requestId, at },
          source === 'put'
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
                after: { created: ids, received: raws.length },
              },
        );
        const teamIds = [...new Set([...created.values()].map((r) => r.team_id))];
        await recordEvent(
          trx,
          {
            type: 'support_records.created',
            entityType: 'support_record',
            entityId: first.id,
            payload: { ids, teamIds },
          },
          at,
        );
      });
    }
    if (deps.concurrentWriters && created.size > 0) await relinkAfterCommit([...created.values()]);

    answerRepeats(repeats, firsts, storedHash, results);
    return { results, created };
  }

  /**
   * A record and its correction stored by concurrent transactions cannot see each other; whichever commits last
   * sees both here and links them (one read, and a write only when a link is missing).
   */
  async function relinkAfterCommit(rows: readonly RecordRow[]) {
    const links = await records.findLinks(
      rows.map((r) => r.id),
      rows.flatMap((r) => (r.supersedes ? [r.supersedes] : [])),
    );
    for (const r of rows) {
      const correction = links.find((l) => l.supersedes === r.id);
      if (correction && r.superseded_by === null) await records.markSuperseded(r.id, correction.id);
      const target = r.supersedes ? links.find((l) => l.id === r.supersedes) : undefined;
      if (target && target.state === 'active' && target.superseded_by === null)
        await records.markSuperseded(target.id, r.id);
    }
  }

  /**
   * Validates and authorises the candidates, inserts the valid ones, and answers the others — a stored id first
   * (duplicate / conflict, whatever the rules say today), else invalid. Runs inside the batch's transaction.
   */
  async function store(
    trx: Transaction<DB>,
    actor: Exclude<Actor, { kind: 'anonymous' }>,
    candidates: readonly Candidate[],
    clockRead: { at: string; now: Date; statusOf: (code: string) => 'active' | 'retired' | undefined },
    results: IngestResult[],
    created: Map<string, RecordRow>,
    storedHash: Map<string, string>,
  ) {
    const { at, now, statusOf } = clockRead;
    const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
    const userId = actor.kind === 'user' ? actor.user.id : null;
    const teamRows = await teams.findManyWithMembership(
      uniq(candidates.map((c) => c.content.teamId)),
      userId,
      trx,
    );
    const teamById = new Map(teamRows.map((t) => [t.id, t]));
    const memberships = teamRows.filter((t) => t.member_id !== null);
    type HamletRow = Awaited<ReturnType<TeamsRepository['findManyHamlets']>>[number];
    const hamletRows = new Map<string, HamletRow>();
    for (const t of teamRows) {
      if (
        t.hamlet_id &&
        t.hamlet_name !== null &&
        t.hamlet_commune_code !== null &&
        t.hamlet_province_code !== null &&
        t.hamlet_status !== null
      ) {
        hamletRows.set(t.hamlet_id, {
          id: t.hamlet_id,
          name: t.hamlet_name,
          commune_code: t.hamlet_commune_code,
          province_code: t.hamlet_province_code,
          status: t.hamlet_status,
        });
      }
    }
    const otherHamlets = uniq(
      candidates.map((c) => (hamletRows.has(c.content.hamletId) ? null : c.content.hamletId)),
    );
    for (const h of await teams.findManyHamlets(otherHamlets, trx)) hamletRows.set(h.id, h);
    const targetIds = uniq(candidates.map((c) => c.content.supersedes));
    // Corrections stored before their original: looked up here on SQLite (one writer, nothing can slip in
    // between); on PostgreSQL relinkAfterCommit does it once the batch is visible, so it is not done twice.
    const links = await records.findLinks(
      deps.concurrentWriters ? [] : candidates.map((c) => c.id),
      targetIds,
      trx,
    );
    const targets = new Map<string, Target>(
      links.filter((l) => targetIds.includes(l.id)).map((l) => [l.id, l]),
    );
    // Only one correction may follow a given version; a stored one may point at a record not stored yet.
    const correctedBy = new Map<string, string>();
    for (const l of links)
      if (l.supersedes && !correctedBy.has(l.supersedes)) correctedBy.set(l.supersedes, l.id);

    const pending = new Map<
      string,
      {
        c: Candidate;
        row: SupportRecordsTable;
        names: { team: string; hamlet: string; member: string | null };
      }
    >();
    const refused: Candidate[] = [];
    const refuse = (c: Candidate, errors: ErrorDetail[], forbidden = false) => {
      results[c.index] = {
        id: c.sentId,
        status: 'invalid',
        errors,
        ...(forbidden ? { forbidden: true } : {}),
      };
      refused.push(c);
    };
    for (const c of candidates) {
      const verdict = checkCandidate(actor, c, now, { teamById, hamletRows, memberships, statusOf });
      if ('errors' in verdict) {
        refuse(c, verdict.errors, verdict.forbidden);
        continue;
      }
      const s = c.content.supersedes;
      if (s !== null) {
        const target = targets.get(s) ?? pending.get(s)?.row;
        const claimedBy = correctedBy.get(s) ?? target?.superseded_by ?? null;
        if (s === c.id) {
          refuse(c, [
            makeDetail(
              'supersedes',
              'A record cannot correct itself.',
              'Một lượt hỗ trợ không thể tự sửa chính nó.',
            ),
          ]);
          continue;
        }
        if (target?.state === 'retracted') {
          refuse(c, [
            makeDetail('supersedes', 'The corrected record was withdrawn.', 'Lượt hỗ trợ cần sửa đã bị rút.'),
          ]);
          continue;
        }
        if (claimedBy !== null && claimedBy !== c.id) {
          refuse(c, [ALREADY_CORRECTED]);
          continue;
        }
        if (target && !(isAuthor(actor, target) || mayReview(actor, target))) {
          refuse(
            c,
            [
              makeDetail(
                'supersedes',
                'Only the author or a reviewer may correct that record.',
                'Chỉ người ghi hoặc người duyệt mới được sửa lượt hỗ trợ đó.',
              ),
            ],
            true,
          );
          continue;
        }
        correctedBy.set(s, c.id);
        const pendingTarget = pending.get(s);
        if (pendingTarget) Object.assign(pendingTarget.row, { state: 'superseded', superseded_by: c.id });
      }
      pending.set(c.id, {
        c,
        row: buildRow(actor, c, verdict, at, correctedBy.get(c.id) ?? null),
        names: { team: verdict.teamName, hamlet: verdict.hamletName, member: verdict.memberName },
      });
    }

    // A refused record that is already stored is a resend: its answer is the stored one, whatever today's rules.
    for (const stored of await records.findManyByIds(
      refused.map((c) => c.id),
      trx,
    )) {
      const c = candidateWithId(refused, stored.id);
      storedHash.set(stored.id, stored.content_hash);
      results[c.index] =
        stored.content_hash === c.hash
          ? { id: c.sentId, status: 'duplicate' }
          : { id: c.sentId, status: 'conflict', errors: [CONFLICT_DETAIL] };
    }
    if (pending.size === 0) return;

    const rows = [...pending.values()].map((p) => p.row);
    const inserted = await records.insertNew(rows, trx);
    const services = rows
      .filter((r) => inserted.has(r.id))
      .flatMap((r) =>
        (JSON.parse(r.services_json) as string[]).map((code) => ({ record_id: r.id, service_code: code })),
      );
    await records.insertServices(services, trx);
    const lost = rows.filter((r) => !inserted.has(r.id)).map((r) => r.id);
    const winners = new Map((await records.findManyByIds(lost, trx)).map((r) => [r.id, r.content_hash]));
    for (const { c, row, names } of pending.values()) {
      if (inserted.has(row.id)) {
        storedHash.set(row.id, row.content_hash);
        results[c.index] = { id: c.sentId, status: 'created' };
        created.set(row.id, {
          ...row,
          team_name: names.team,
          hamlet_name: names.hamlet,
          member_name: names.member,
        });
        if (row.supersedes && targets.has(row.supersedes))
          await records.markSuperseded(row.supersedes, row.id, trx);
        continue;
      }
      // Stored already (a resend, or a concurrent request between our lookups and our insert): answer from its
      // hash. Not stored under this id at all: a concurrent correction of the same version won the unique index.
      const hash = winners.get(row.id);
      if (hash === undefined) {
        results[c.index] = { id: c.sentId, status: 'invalid', errors: [ALREADY_CORRECTED] };
        continue;
      }
      storedHash.set(row.id, hash);
      results[c.index] =
        hash === row.content_hash
          ? { id: c.sentId, status: 'duplicate' }
          : { id: c.sentId, status: 'conflict', errors: [CONFLICT_DETAIL] };
    }
  }

  return { ingest };
}
export type SupportIngestService = ReturnType<typeof createSupportIngestService>;

function candidateWithId(list: readonly Candidate[], id: string): Candidate {
  return list.find((c) => c.id === id)!;
}
