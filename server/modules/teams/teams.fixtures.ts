/**
 * Test fixtures for teams and support records (used by the *.test.ts files of teams and support only): hamlets,
 * teams and members written straight to the database, so a test states its world in a few lines.
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type { DB, TeamsTable } from '../../db/schema';
import { sealPhone } from '../../platform/crypto/sealed-columns';
import { testSealer } from '../../test/app';
import type { MemberRow } from './members.repository';
import { loadOfficialUnits } from '../geography/index';

/** Two communes of Tây Ninh (80) used throughout: A is "in scope", B "out of scope". */
export const COMMUNE_A = '25459';
export const COMMUNE_B = '25480';

export async function loadTestUnits(db: Kysely<DB>) {
  await loadOfficialUnits(db, { provinces: ['80'] });
}

export async function buildHamlet(db: Kysely<DB>, communeCode: string, name = `Ấp ${uuidv7().slice(-6)}`) {
  const id = uuidv7();
  const at = new Date().toISOString();
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
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, name, communeCode };
}

export async function buildTeam(
  db: Kysely<DB>,
  opts: { communeCode: string; hamletId: string | null; name?: string; status?: TeamsTable['status'] },
) {
  const id = uuidv7();
  const at = new Date().toISOString();
  const name = opts.name ?? `Tổ công nghệ số ${id.slice(-6)}`;
  await db
    .insertInto('teams')
    .values({
      id,
      province_code: '80',
      commune_code: opts.communeCode,
      hamlet_id: opts.hamletId,
      level: opts.hamletId ? 'hamlet' : 'commune',
      name,
      search_text: foldText(name),
      decision_number: '12/QĐ-UBND',
      decision_date: '2025-08-01',
      decision_signer: 'Nguyễn Văn A',
      schedule: 'Sáng thứ Bảy',
      ...sealedColumns('teams.contact_phone', '+84912000111', 'contact_phone'),
      status: opts.status ?? 'active',
      merged_into: null,
      status_reason: null,
      status_changed_at: opts.status && opts.status !== 'active' ? at : null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, name };
}

export async function buildMember(db: Kysely<DB>, teamId: string, opts: Partial<MemberRow> = {}) {
  const id = uuidv7();
  const at = new Date().toISOString();
  await db
    .insertInto('team_members')
    .values({
      id,
      team_id: teamId,
      user_id: null,
      name: 'Thành viên thử',
      role: 'member',
      affiliation: 'youth_union',
      organization: null,
      email: null,
      phone_public: 0,
      active_from: '2025-01-01',
      active_to: null,
      invitation_id: null,
      created_at: at,
      updated_at: at,
      ...opts,
      ...sealedColumns('team_members.phone', opts.phone === undefined ? '+84987654321' : opts.phone, 'phone'),
    })
    .execute();
  return { id };
}

/** A valid support record for `teamId` / `hamletId`, an hour before `now`. */
export function recordInput(
  teamId: string,
  hamletId: string,
  now: Date,
  overrides: Record<string, unknown> = {},
) {
  return {
    id: uuidv7(now.getTime()),
    teamId,
    hamletId,
    occurredAt: new Date(now.getTime() - 3_600_000).toISOString().replace('Z', '+00:00'),
    services: ['vneid_level2', 'payment_vietqr'],
    outcome: 'done',
    person: { ageBand: '60_plus', gender: 'female' },
    consent: true,
    durationMinutes: 15,
    note: 'Hướng dẫn kích hoạt VNeID',
    ...overrides,
  };
}

/** A phone column and its hash column as the repositories write them (sealed with the test apps' key). */
function sealedColumns<C extends 'phone' | 'contact_phone'>(context: string, phone: string | null, column: C) {
  const s = sealPhone(testSealer, context, phone);
  return { [column]: s.sealed, [`${column}_hash`]: s.hash } as Record<C, typeof s.sealed> &
    Record<`${C}_hash`, typeof s.hash>;
}
