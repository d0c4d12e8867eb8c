/**
 * Test fixtures of help requests (used by *.test.ts files only): a test app with Tây Ninh's units and the people of
 * the authorization matrix signed in.
 *
 * - commune A: hamlet H1 with its team T1 (leader L1, members M1 and M2), hamlet H2 with no team, and a
 *   commune-level team TC (leader LC); the commune officer OA.
 * - commune B: no team at all; the commune officer OB (the officers' queue).
 * - commune C: hamlet HC with its team TX (leader LX) — "another commune's team"; the commune officer OC.
 * - the province administrator and a department officer (read only).
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type { DB } from '../../db/schema';
import { sealPhone } from '../../platform/crypto/sealed-columns';
import { createTestApp, signIn, testSealer, type Session, type TestApp } from '../../test/app';
import { buildUser, type BuildUserOptions } from '../../test/factories';
import { loadOfficialUnits } from '../geography/index';
import { HELP_REQUEST_CONSENT_VERSION } from './help-request-intake.service';

/** Two communes of Tây Ninh (80), as in the teams fixtures. */
export const COMMUNE_A = '25459';
export const COMMUNE_B = '25480';
export const CONSENT_VERSION = HELP_REQUEST_CONSENT_VERSION;

const AT = '2025-08-01T00:00:00.000Z';

async function buildHamlet(db: Kysely<DB>, communeCode: string, name: string) {
  const id = uuidv7();
  await db
    .insertInto('hamlets')
    .values({
      id,
      commune_code: communeCode,
      province_code: '80',
      name,
      kind: 'ap',
      local_code: null,
      search_text: foldText(name),
      status: 'active',
      merged_into: null,
      valid_from: '2025-07-01T00:00:00.000Z',
      valid_to: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  return id;
}

async function buildTeam(db: Kysely<DB>, communeCode: string, hamletId: string | null, name: string) {
  const id = uuidv7();
  await db
    .insertInto('teams')
    .values({
      id,
      province_code: '80',
      commune_code: communeCode,
      hamlet_id: hamletId,
      level: hamletId ? 'hamlet' : 'commune',
      name,
      search_text: foldText(name),
      decision_number: '12/QĐ-UBND',
      decision_date: '2025-08-01',
      decision_signer: 'Nguyễn Văn A',
      schedule: null,
      contact_phone: null,
      contact_phone_hash: null,
      status: 'active',
      merged_into: null,
      status_reason: null,
      status_changed_at: null,
      created_by: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  return id;
}

async function buildMember(
  db: Kysely<DB>,
  teamId: string,
  userId: string,
  name: string,
  role: 'leader' | 'member',
) {
  const id = uuidv7();
  const phone = sealPhone(testSealer, 'team_members.phone', '+84987654321');
  await db
    .insertInto('team_members')
    .values({
      id,
      team_id: teamId,
      user_id: userId,
      name,
      role,
      affiliation: 'youth_union',
      organization: null,
      phone: phone.sealed,
      phone_hash: phone.hash,
      email: null,
      phone_public: 0,
      active_from: '2025-01-01',
      active_to: null,
      invitation_id: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  return id;
}

export const PEOPLE = ['L1', 'M1', 'M2', 'LC', 'OA', 'OB', 'LX', 'OC', 'admin', 'dept'] as const;
export type Person = (typeof PEOPLE)[number];

export interface HelpWorld {
  t: TestApp;
  communeC: string;
  h1: string;
  h2: string;
  hc: string;
  t1: string;
  tc: string;
  tx: string;
  members: { M1: string; M2: string; L1: string };
  users: Record<Person, string>;
  sessions: Record<Person, Session>;
  signInAll(): Promise<void>;
  close(): Promise<void>;
}

export async function createHelpWorld(env: Record<string, string> = {}): Promise<HelpWorld> {
  const t = await createTestApp({ PROVINCE_CODE: '80', ...env });
  const db = t.database.db;
  await loadOfficialUnits(db, { provinces: ['80'] });
  const other = await db
    .selectFrom('units')
    .select('code')
    .where('level', '=', 'commune')
    .where('province_code', '=', '80')
    .where('valid_to', 'is', null)
    .where('code', 'not in', [COMMUNE_A, COMMUNE_B])
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const communeC = other.code;
  const h1 = await buildHamlet(db, COMMUNE_A, 'Ấp Một');
  const h2 = await buildHamlet(db, COMMUNE_A, 'Ấp Hai');
  const hc = await buildHamlet(db, communeC, 'Ấp Xa');
  const t1 = await buildTeam(db, COMMUNE_A, h1, 'Tổ ấp Một');
  const tc = await buildTeam(db, COMMUNE_A, null, 'Tổ xã A');
  const tx = await buildTeam(db, communeC, hc, 'Tổ ấp Xa');

  const grants: Record<Person, NonNullable<BuildUserOptions['grants']>> = {
    L1: [{ role: 'team_leader', unitCode: h1, communeCode: COMMUNE_A }],
    M1: [{ role: 'team_member', unitCode: h1, communeCode: COMMUNE_A }],
    M2: [{ role: 'team_member', unitCode: h1, communeCode: COMMUNE_A }],
    LC: [{ role: 'team_leader', unitCode: COMMUNE_A }],
    OA: [{ role: 'commune_officer', unitCode: COMMUNE_A }],
    OB: [{ role: 'commune_officer', unitCode: COMMUNE_B }],
    LX: [{ role: 'team_leader', unitCode: hc, communeCode: communeC }],
    OC: [{ role: 'commune_officer', unitCode: communeC }],
    admin: [{ role: 'province_admin', unitCode: '80' }],
    dept: [{ role: 'department_officer', unitCode: '80' }],
  };
  const users = {} as Record<Person, string>;
  const sessions = {} as Record<Person, Session>;
  const accounts: { p: Person; email: string; password: string }[] = [];
  for (const p of PEOPLE) {
    const u = await buildUser(db, { grants: grants[p], name: `Người ${p}` });
    users[p] = u.id;
    accounts.push({ p, email: u.email, password: u.password });
  }
  /** Signs everyone in afresh (a test that moves the clock by months outlives the sessions). */
  const signInAll = async () => {
    for (const a of accounts) sessions[a.p] = await signIn(t.app, a.email, a.password);
  };
  await signInAll();
  const member = (teamId: string, p: Person, role: 'leader' | 'member') =>
    buildMember(db, teamId, users[p], `Thành viên ${p}`, role);
  const members = {
    L1: await member(t1, 'L1', 'leader'),
    M1: await member(t1, 'M1', 'member'),
    M2: await member(t1, 'M2', 'member'),
  };
  await member(tc, 'LC', 'leader');
  await member(tx, 'LX', 'leader');
  return {
    t,
    communeC,
    h1,
    h2,
    hc,
    t1,
    tc,
    tx,
    members,
    users,
    sessions,
    signInAll,
    close: () => t.close(),
  };
}

let phoneSeq = 0;
/** A fresh valid phone number per call (the per-phone limit never trips by accident). */
export function nextPhone(): string {
  phoneSeq += 1;
  return `09${String(10_000_000 + phoneSeq * 7919).slice(-8)}`;
}

export function requestBody(overrides: Record<string, unknown> = {}) {
  return {
    need: 'Giúp mẹ tôi kích hoạt VNeID mức 2',
    communeCode: COMMUNE_A,
    address: 'Số 12, đường Lê Lợi',
    preferredTime: 'Sáng thứ Bảy',
    phone: nextPhone(),
    contactName: 'Trần Thị Bình',
    consent: true,
    ...overrides,
  };
}

let addressSeq = 0;
/** A fresh client address per filing, so the per-address limit only trips where a test means it to. */
export function nextAddress(): string {
  addressSeq += 1;
  return `10.20.${Math.floor(addressSeq / 250)}.${(addressSeq % 250) + 1}`;
}

/** Files a request through the public route and answers its JSON (expects 201). */
export async function fileRequest(w: HelpWorld, overrides: Record<string, unknown> = {}) {
  const res = await w.t.app.inject({
    method: 'POST',
    url: '/api/v1/help-requests',
    payload: requestBody(overrides),
    remoteAddress: nextAddress(),
  });
  if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: string;
    code: string;
    token: string;
    routedTo: string;
    teamName: string | null;
    callDueAt: string;
  };
}

export async function act(w: HelpWorld, p: Person, id: string, body: Record<string, unknown>) {
  return w.t.app.inject({
    method: 'POST',
    url: `/api/v1/help-requests/${id}/actions`,
    headers: w.sessions[p].headers,
    payload: body,
  });
}

export async function getAs(w: HelpWorld, p: Person, url: string) {
  return w.t.app.inject({ method: 'GET', url, headers: w.sessions[p].headers });
}

/** Events are dispatched by a 5-second scheduled slot: move the fake clock past it, then run what falls due. */
export async function drainEvents(w: HelpWorld) {
  for (let i = 0; i < 3; i++) {
    w.t.clock.set(new Date(w.t.clock.now().getTime() + 6_000).toISOString());
    await w.t.built.jobs.runUntilIdle();
  }
}
