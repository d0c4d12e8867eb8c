/**
 * Test fixtures of the handlers' side (used by *.test.ts files only): a test app with the demo province's units, two
 * agencies, and the people of the authorization matrix signed in.
 */
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type { DB } from '../../db/schema';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';
import { CONSENT_VERSION, reportBody, tempStorage } from './cases.fixtures';

/** Two communes of Tây Ninh (80): Tân Ninh, where the cases are, and Bình Minh (the teams fixtures' A and B). */
export const COMMUNE_A = '25459';
export const COMMUNE_B = '25480';

/** An agency row (a commune office when `communeCode` is given, else a province department). */
export async function buildAgency(
  db: Kysely<DB>,
  opts: { name?: string; communeCode?: string | null } = {},
): Promise<string> {
  const id = uuidv7();
  const at = new Date().toISOString();
  const name = opts.name ?? `Cơ quan ${id.slice(-6)}`;
  const communeCode = opts.communeCode ?? null;
  await db
    .insertInto('agencies')
    .values({
      id,
      province_code: '80',
      commune_code: communeCode,
      name,
      name_en: null,
      kind: communeCode ? 'commune_office' : 'department',
      email: null,
      phone: null,
      active: 1,
      search_text: foldText(name),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A hamlet of commune A with a team whose leader is `leaderUserId`. */
async function buildTeamWithLeader(db: Kysely<DB>, leaderUserId: string) {
  const at = new Date().toISOString();
  const hamletId = uuidv7();
  await db
    .insertInto('hamlets')
    .values({
      id: hamletId,
      commune_code: COMMUNE_A,
      province_code: '80',
      name: 'Ấp Thử',
      kind: 'ap',
      local_code: null,
      search_text: 'ap thu',
      status: 'active',
      merged_into: null,
      valid_from: '2025-07-01T00:00:00.000Z',
      valid_to: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const teamId = uuidv7();
  await db
    .insertInto('teams')
    .values({
      id: teamId,
      province_code: '80',
      commune_code: COMMUNE_A,
      hamlet_id: hamletId,
      level: 'hamlet',
      name: 'Tổ công nghệ số Ấp Thử',
      search_text: 'to cong nghe so ap thu',
      decision_number: null,
      decision_date: null,
      decision_signer: null,
      schedule: null,
      contact_phone: null,
      contact_phone_hash: null,
      status: 'active',
      merged_into: null,
      status_reason: null,
      status_changed_at: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('team_members')
    .values({
      id: uuidv7(),
      team_id: teamId,
      user_id: leaderUserId,
      name: 'Tổ trưởng',
      role: 'leader',
      affiliation: 'youth_union',
      organization: null,
      phone: null,
      phone_hash: null,
      email: null,
      phone_public: 0,
      active_from: '2025-01-01',
      active_to: null,
      invitation_id: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { hamletId, teamId };
}

export const WHO = [
  'anonymous',
  'team_member',
  'commune_officer:in',
  'commune_officer:out',
  'agency_handler:in',
  'agency_handler:out',
  'province_admin',
  'api_key',
] as const;
export type Who = (typeof WHO)[number];

export interface HandlingWorld {
  t: TestApp;
  files: ReturnType<typeof tempStorage>;
  /** A commune office of commune A (the cases' commune) and a province department. */
  agencyA: string;
  agencyOther: string;
  headers: (who: Who) => Record<string, string>;
  sessions: Map<Who, Session>;
  teamA: { id: string };
  leader: Session;
  coordinator: Session;
  close(): Promise<void>;
}

export async function createHandlingWorld(): Promise<HandlingWorld> {
  const files = tempStorage();
  const t = await createTestApp({ PROVINCE_CODE: '80', STORAGE_URL: `file://${files.dir}` });
  const db = t.database.db;
  await loadOfficialUnits(db, { provinces: ['80'] });
  // Tuesday 1 December 2026, 09:00 in Vietnam: inside working hours.
  t.clock.set('2026-12-01T02:00:00.000Z');
  const agencyA = await buildAgency(db, { communeCode: COMMUNE_A, name: 'UBND xã Tân Ninh' });
  const agencyOther = await buildAgency(db, { name: 'Sở Xây dựng' });
  const leaderUser = await buildUser(db);
  const { hamletId, teamId } = await buildTeamWithLeader(db, leaderUser.id);
  const hamletA = { id: hamletId };
  const teamA = { id: teamId };
  await db
    .insertInto('grants')
    .values({
      id: uuidv7(),
      user_id: leaderUser.id,
      role: 'team_leader',
      unit_code: hamletId,
      level: 'hamlet',
      province_code: '80',
      commune_code: COMMUNE_A,
      hamlet_id: hamletId,
      created_by: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  const sessions = new Map<Who, Session>();
  const grants: Record<Exclude<Who, 'anonymous' | 'api_key'>, Parameters<typeof buildUser>[1]> = {
    team_member: { grants: [{ role: 'team_member', unitCode: hamletA.id, communeCode: COMMUNE_A }] },
    'commune_officer:in': { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] },
    'commune_officer:out': { grants: [{ role: 'commune_officer', unitCode: COMMUNE_B }] },
    'agency_handler:in': { grants: [{ role: 'agency_handler', unitCode: COMMUNE_A, agencyId: agencyA }] },
    'agency_handler:out': { grants: [{ role: 'agency_handler', unitCode: '80', agencyId: agencyOther }] },
    province_admin: { grants: [{ role: 'province_admin', unitCode: '80' }] },
  };
  for (const [who, opts] of Object.entries(grants)) {
    const u = await buildUser(db, opts);
    sessions.set(who as Who, await signIn(t.app, u.email, u.password));
  }
  const key = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: sessions.get('province_admin')!.headers,
    payload: { name: 'Cổng thử', scopes: ['read'] },
  });
  expect(key.statusCode, key.body).toBe(201);
  const secret = (key.json() as { secret: string }).secret;
  const coordinatorUser = await buildUser(db, {
    grants: [{ role: 'youth_union_coordinator', unitCode: '80' }],
  });
  return {
    t,
    files,
    agencyA,
    agencyOther,
    sessions,
    teamA,
    leader: await signIn(t.app, leaderUser.email, leaderUser.password),
    coordinator: await signIn(t.app, coordinatorUser.email, coordinatorUser.password),
    headers: (who) =>
      who === 'anonymous'
        ? {}
        : who === 'api_key'
          ? { authorization: `Bearer ${secret}` }
          : sessions.get(who)!.headers,
    async close() {
      await t.close();
      files.cleanup();
    },
  };
}

/** A citizen's report in commune A with a name, phone and e-mail (201). */
let filed = 0;

/**
 * A citizen's report in commune A with a name, a phone (a new number each time, below the per-contact daily
 * limit, unless `overrides` names one) and an e-mail (201), from its own address (below the per-address limit).
 */
export async function fileReport(w: HandlingWorld, overrides: Record<string, unknown> = {}) {
  filed += 1;
  const body = reportBody({
    name: 'Nguyễn Thị Bảy',
    phone: `09${String(10_000_000 + filed).slice(-8)}`,
    email: `bay.nguyen${filed}@example.vn`,
    contactConsentVersion: CONSENT_VERSION,
    ...overrides,
  });
  const remoteAddress = `198.51.100.${filed % 250}`;
  const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: body, remoteAddress });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; reporterToken: string };
}

export async function act(w: HandlingWorld, who: Who, id: string, payload: Record<string, unknown>) {
  return w.t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions`,
    headers: w.headers(who),
    payload,
  });
}

/** A report accepted and assigned to agency A by the province administrator. */
export async function assignedReport(w: HandlingWorld, overrides: Record<string, unknown> = {}) {
  const c = await fileReport(w, overrides);
  const res = await act(w, 'province_admin', c.id, {
    action: 'accept',
    severity: 'normal',
    assign: true,
    agencyId: w.agencyA,
  });
  expect(res.statusCode, res.body).toBe(200);
  return c;
}

export const newId = () => uuidv7();
