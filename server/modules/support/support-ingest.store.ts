import type { Transaction } from 'kysely';
import type { ErrorDetail } from '../../../shared/contracts/errors';
import type { DB, SupportRecordsTable } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import type { TeamsRepository } from '../teams/index';
import type { RecordRow, SupportRecordsRepository } from './support-records.repository';
import { recordConsents } from '../../platform/privacy/consent';
import { supportConsents } from './support-consent';
import { isAuthor, mayReview } from './support.policy';
import {
  ALREADY_CORRECTED,
  CONFLICT_DETAIL,
  buildRow,
  checkCandidate,
  makeDetail,
  type Candidate,
  type IngestResult,
  type Lookups,
  type TeamWithMembership,
} from './support-ingest.rules';

export type Writer = Exclude<Actor, { kind: 'anonymous' }>;

/**
 * One PUT or /sync call in a group transaction. `results` holds every element's answer in input order (schema
 * refusals already filled in); `created` and `storedHash` are what the group's attempt stored and found.
 */
export interface IngestRequest {
  actor: Writer;
  source: 'put' | 'sync';
  meta: { ip: string | null; requestId: string | null };
  received: number;
  results: IngestResult[];
  firsts: Map<string, Candidate>;
  repeats: Candidate[];
  created: Map<string, RecordRow>;
  storedHash: Map<string, string>;
}

type Target = Pick<
  SupportRecordsTable,
  | 'id'
  | 'province_code'
  | 'commune_code'
  | 'hamlet_id'
  | 'team_hamlet_id'
  | 'author_user_id'
  | 'author_api_key_id'
  | 'state'
  | 'superseded_by'
>;

interface Item {
  req: IngestRequest;
  c: Candidate;
}

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];

/**
 * Validates and authorises every candidate of the group's requests (each with its own caller), inserts the valid
 * ones, and answers the others — a stored id first (duplicate / conflict, whatever the rules say today), else
 * invalid. A fixed number of statements whatever the group's size: teams + memberships, hamlets, correction
 * links, one multi-row insert, services. The group never holds two requests that share an id or a corrected id
 * (see takeGroup), so every id has one candidate here; a correction of a record pending in this group is checked
 * against that record's author like a stored one.
 *
 * Correction links are written in this transaction on both databases, so an acknowledged record is always linked:
 * if linking fails, nothing is stored and the phone's resend is stored and linked afresh (never answered
 * `duplicate` with both versions active). On PostgreSQL, where groups of several servers commit concurrently, the
 * group first locks every id it names (records.lockIds), so a record and its correction in two transactions are
 * stored one after the other and the second sees the first, as on SQLite's single writer.
 */
export async function storeGroup(
  trx: Transaction<DB>,
  deps: {
    records: SupportRecordsRepository;
    teams: TeamsRepository;
    /** PostgreSQL: transactions run concurrently, so the ids they name are locked first. */
    concurrentWriters: boolean;
  },
  requests: readonly IngestRequest[],
  clockRead: { at: string; now: Date; statusOf: Lookups['statusOf'] },
): Promise<void> {
  const { records, teams } = deps;
  const { at, now, statusOf } = clockRead;
  const items: Item[] = requests.flatMap((req) => [...req.firsts.values()].map((c) => ({ req, c })));
  if (deps.concurrentWriters) {
    await records.lockIds(uniq(items.flatMap((i) => [i.c.id, i.c.content.supersedes])), trx);
  }
  const teamRows = await teams.findManyWithMembership(
    uniq(items.map((i) => i.c.content.teamId)),
    uniq(requests.map((r) => (r.actor.kind === 'user' ? r.actor.user.id : null))),
    trx,
  );
  const teamById = new Map(teamRows.map((t) => [t.id, t]));
  const membershipsByUser = new Map<string, TeamWithMembership[]>();
  for (const t of teamRows) {
    if (t.member_id === null || t.member_user_id === null) continue;
    const list = membershipsByUser.get(t.member_user_id) ?? [];
    list.push(t);
    membershipsByUser.set(t.member_user_id, list);
  }
  const hamletRows: Lookups['hamletRows'] = new Map();
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
    items.map((i) => (hamletRows.has(i.c.content.hamletId) ? null : i.c.content.hamletId)),
  );
  for (const h of await teams.findManyHamlets(otherHamlets, trx)) hamletRows.set(h.id, h);
  const targetIds = uniq(items.map((i) => i.c.content.supersedes));
  const targetSet = new Set(targetIds);
  // Corrections stored before their original, and the originals named: nothing that names these ids can slip in
  // between (SQLite: one writer; PostgreSQL: the ids are locked above).
  const links = await records.findLinks(
    items.map((i) => i.c.id),
    targetIds,
    trx,
  );
  const targets = new Map<string, Target>(
    links.filter((l) => targetSet.has(l.id)).map((l) => [l.id, l]),
  );
  // Only one correction may follow a given version; a stored one may point at a record not stored yet.
  const correctedBy = new Map<string, string>();
  const storedCorrections = new Map<string, Target>();
  for (const l of links) {
    if (!l.supersedes || correctedBy.has(l.supersedes)) continue;
    correctedBy.set(l.supersedes, l.id);
    storedCorrections.set(l.id, l);
  }
  /**
   * The correction that already follows `c`, if it may: one made earlier in this request, or a stored one by the
   * same author (an outbox sending out of order). Nobody else can have corrected a record before it was stored,
   * since only the author and reviewers see it, so another author's "correction" does not supersede it.
   */
  const followerOf = (actor: Writer, c: Candidate): string | null => {
    const by = correctedBy.get(c.id) ?? null;
    const stored = by === null ? undefined : storedCorrections.get(by);
    return stored && !isAuthor(actor, stored) ? null : by;
  };

  const pending = new Map<
    string,
    { item: Item; row: SupportRecordsTable; names: { team: string; hamlet: string; member: string | null } }
  >();
  const refused = new Map<string, Item>();
  const refuse = ({ req, c }: Item, errors: ErrorDetail[], forbidden = false) => {
    req.results[c.index] = {
      id: c.sentId,
      status: 'invalid',
      errors,
      ...(forbidden ? { forbidden: true } : {}),
    };
    refused.set(c.id, { req, c });
  };
  for (const item of items) {
    const { req, c } = item;
    const actor = req.actor;
    const memberships = actor.kind === 'user' ? (membershipsByUser.get(actor.user.id) ?? []) : [];
    const verdict = checkCandidate(actor, c, now, { teamById, hamletRows, memberships, statusOf });
    if ('errors' in verdict) {
      refuse(item, verdict.errors, verdict.forbidden);
      continue;
    }
    const s = c.content.supersedes;
    if (s !== null) {
      const refusal = correctionRefusal(actor, c, targets.get(s) ?? pending.get(s)?.row, correctedBy.get(s));
      if (refusal) {
        refuse(item, [refusal.detail], refusal.forbidden);
        continue;
      }
      correctedBy.set(s, c.id);
      const pendingTarget = pending.get(s);
      if (pendingTarget) Object.assign(pendingTarget.row, { state: 'superseded', superseded_by: c.id });
    }
    pending.set(c.id, {
      item,
      row: buildRow(actor, c, verdict, at, followerOf(actor, c)),
      names: { team: verdict.teamName, hamlet: verdict.hamletName, member: verdict.memberName },
    });
  }

  // A refused record that is already stored is a resend: its answer is the stored one, whatever today's rules.
  for (const stored of await records.findManyByIds([...refused.keys()], trx)) {
    const { req, c } = refused.get(stored.id)!;
    req.storedHash.set(stored.id, stored.content_hash);
    req.results[c.index] = answerFromStored(c, stored.content_hash);
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
  await recordConsents(trx, supportConsents(rows.filter((r) => inserted.has(r.id))));
  const lost = rows.filter((r) => !inserted.has(r.id)).map((r) => r.id);
  const winners = new Map((await records.findManyByIds(lost, trx)).map((r) => [r.id, r.content_hash]));
  for (const { item, row, names } of pending.values()) {
    const { req, c } = item;
    if (inserted.has(row.id)) {
      req.storedHash.set(row.id, row.content_hash);
      req.results[c.index] = { id: c.sentId, status: 'created' };
      req.created.set(row.id, {
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
      req.results[c.index] = { id: c.sentId, status: 'invalid', errors: [ALREADY_CORRECTED] };
      continue;
    }
    req.storedHash.set(row.id, hash);
    req.results[c.index] = answerFromStored(c, hash);
  }
}

function answerFromStored(c: Candidate, storedHash: string): IngestResult {
  return storedHash === c.hash
    ? { id: c.sentId, status: 'duplicate' }
    : { id: c.sentId, status: 'conflict', errors: [CONFLICT_DETAIL] };
}

/** Why a correction may not follow `target` (stored, or earlier in the same request), or null when it may. */
function correctionRefusal(
  actor: Writer,
  c: Candidate,
  target: Target | undefined,
  claimedBy: string | undefined,
): { detail: ErrorDetail; forbidden?: boolean } | null {
  const s = c.content.supersedes;
  if (s === c.id) {
    return {
      detail: makeDetail(
        'supersedes',
        'A record cannot correct itself.',
        'Một lượt hỗ trợ không thể tự sửa chính nó.',
      ),
    };
  }
  if (target?.state === 'retracted') {
    return {
      detail: makeDetail(
        'supersedes',
        'The corrected record was withdrawn.',
        'Lượt hỗ trợ cần sửa đã bị rút.',
      ),
    };
  }
  const claimant = claimedBy ?? target?.superseded_by ?? null;
  if (claimant !== null && claimant !== c.id) return { detail: ALREADY_CORRECTED };
  if (target && !(isAuthor(actor, target) || mayReview(actor, target))) {
    return {
      forbidden: true,
      detail: makeDetail(
        'supersedes',
        'Only the author or a reviewer may correct that record.',
        'Chỉ người ghi hoặc người duyệt mới được sửa lượt hỗ trợ đó.',
      ),
    };
  }
  return null;
}
