import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../shared/ids';
import type { BaselineDatabase } from './baseline-database';
import { signInBaseline } from './sign-in.baseline';

/** A record as the scenarios send it (bench/scenarios/sync-steps.ts). */
export interface SentRecord {
  id: string;
  teamId: string;
  hamletId: string;
  occurredAt: string;
  services: string[];
  outcome: string;
  person: { ageBand: string; gender: string };
  consent: boolean;
  durationMinutes?: number | null;
  note?: string | null;
}

/** Every column of support_records, in one order (the baseline's INSERT; the scale bench's INSERT … SELECT). */
export const SUPPORT_RECORD_COLUMNS = [
  'id',
  'team_id',
  'hamlet_id',
  'province_code',
  'commune_code',
  'team_hamlet_id',
  'occurred_at',
  'services_json',
  'outcome',
  'age_band',
  'gender',
  'consent',
  'duration_minutes',
  'note',
  'lat',
  'lng',
  'accuracy',
  'campaign_id',
  'help_request_id',
  'supersedes',
  'content_hash',
  'author_user_id',
  'author_api_key_id',
  'member_id',
  'received_at',
  'state',
  'superseded_by',
  'retracted_at',
  'retraction_reason',
  'retracted_by',
  'review_status',
  'reviewed_at',
  'reviewed_by',
  'review_note',
] as const;
const COLUMNS = SUPPORT_RECORD_COLUMNS;
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => '?').join(', ')})`;

/**
 * The sync baselines' shared parts: the same sign-in and /me the phone calls first, and the inserts themselves.
 * "The same inserts" are the rows the app writes per request: the records (one multi-row statement, ON CONFLICT
 * DO NOTHING), their services, one audit row and one outbox event — every write records both, by the project's
 * rules. No lookups, no checks, no transaction (each statement commits on its own): the least a bare endpoint can do.
 */
export function registerFieldSession(app: FastifyInstance, db: BaselineDatabase) {
  signInBaseline.register(app, db);
  app.get('/api/v1/me', async (request, reply) => {
    const token = /cds_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (!token) return reply.status(401).send({ error: { code: 'UNAUTHENTICATED' } });
    const id = createHash('sha256').update(token).digest('hex');
    const teams = await db.all<{ team_id: string; hamlet_id: string }>(
      `select m.team_id, t.hamlet_id from sessions s join team_members m on m.user_id = s.user_id join teams t on t.id = m.team_id
       where s.id = ?`,
      [id],
    );
    return { teams: teams.map((t) => ({ teamId: t.team_id, hamletId: t.hamlet_id })) };
  });
}

export function createRecordInserter(db: BaselineDatabase) {
  const placements = new Map<string, { province_code: string; commune_code: string }>();
  async function placementOf(hamletId: string) {
    let p = placements.get(hamletId);
    if (!p) {
      p = await db.get<{ province_code: string; commune_code: string }>(
        'select province_code, commune_code from hamlets where id = ?',
        [hamletId],
      );
      if (!p) throw new Error('unknown hamlet');
      placements.set(hamletId, p);
    }
    return p;
  }
  // The app stores the hamlet of the team that made the record beside it (review rights follow the team).
  const teamHamlets = new Map<string, string | null>();
  async function teamHamletOf(teamId: string) {
    if (!teamHamlets.has(teamId)) {
      const t = await db.get<{ hamlet_id: string | null }>('select hamlet_id from teams where id = ?', [
        teamId,
      ]);
      if (!t) throw new Error('unknown team');
      teamHamlets.set(teamId, t.hamlet_id);
    }
    return teamHamlets.get(teamId) ?? null;
  }
  return async function insertRecords(records: readonly SentRecord[]): Promise<void> {
    const at = new Date().toISOString();
    const params: unknown[] = [];
    const services: unknown[] = [];
    for (const r of records) {
      const p = await placementOf(r.hamletId);
      params.push(
        r.id,
        r.teamId,
        r.hamletId,
        p.province_code,
        p.commune_code,
        await teamHamletOf(r.teamId),
        new Date(r.occurredAt).toISOString(),
        JSON.stringify(r.services),
        r.outcome,
        r.person.ageBand,
        r.person.gender,
        r.consent ? 1 : 0,
        r.durationMinutes ?? null,
        r.note ?? null,
        null,
        null,
        null,
        null,
        null,
        null,
        createHash('sha256').update(JSON.stringify(r)).digest('base64url'),
        null,
        null,
        null,
        at,
        'active',
        null,
        null,
        null,
        null,
        'pending',
        null,
        null,
        null,
      );
      for (const code of r.services) services.push(r.id, code);
    }
    await db.run(
      `insert into support_records (${COLUMNS.join(', ')}) values ${records.map(() => ROW_PLACEHOLDERS).join(', ')} on conflict do nothing`,
      params,
    );
    await db.run(
      `insert into support_record_services (record_id, service_code) values ${Array.from({ length: services.length / 2 }, () => '(?, ?)').join(', ')} on conflict do nothing`,
      services,
    );
    const ids = records.map((r) => r.id);
    await db.run(
      'insert into audit_log (id, at, actor_user_id, actor_api_key_id, action, entity_type, entity_id, province_code, commune_code, before_json, after_json, ip, request_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        uuidv7(),
        at,
        null,
        null,
        'support_records.synced',
        'sync_batch',
        uuidv7(),
        null,
        null,
        null,
        JSON.stringify({ created: ids }),
        null,
        null,
      ],
    );
    await db.run(
      'insert into events (id, type, entity_type, entity_id, payload_json, occurred_at, dispatched_at) values (?, ?, ?, ?, ?, ?, ?)',
      [uuidv7(), 'support_records.created', 'support_record', ids[0], JSON.stringify({ ids }), at, null],
    );
  };
}
