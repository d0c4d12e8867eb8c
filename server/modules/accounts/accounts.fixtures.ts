import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../shared/ids';
import { foldText } from '../../../shared/text/fold';
import type { DB } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { loadOfficialUnits } from '../geography/index';

/** Test-only world for the accounts tests: Tây Ninh (80) loaded, three hamlets in two communes. */
export interface AccountsWorld {
  t: TestApp;
  /** Phường Tân Ninh and Phường Bình Minh, both in province 80. */
  commune: '25459';
  otherCommune: '25480';
  hamlet: string;
  secondHamlet: string;
  otherCommuneHamlet: string;
}

export async function insertHamlet(db: Kysely<DB>, communeCode: string, name: string): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  await db
    .insertInto('hamlets')
    .values({
      id,
      commune_code: communeCode,
      province_code: '80',
      name,
      kind: 'khu_pho',
      local_code: null,
      search_text: foldText(name),
      status: 'active',
      merged_into: null,
      valid_from: now,
      valid_to: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function createAccountsWorld(env: Record<string, string> = {}): Promise<AccountsWorld> {
  const t = await createTestApp(env);
  await loadOfficialUnits(t.database.db, { provinces: ['80'] });
  return {
    t,
    commune: '25459',
    otherCommune: '25480',
    hamlet: await insertHamlet(t.database.db, '25459', 'Khu phố 1'),
    secondHamlet: await insertHamlet(t.database.db, '25459', 'Khu phố 2'),
    otherCommuneHamlet: await insertHamlet(t.database.db, '25480', 'Khu phố Bình Minh'),
  };
}

let nextAddress = 0;
/** A fresh client address per call, so the per-address sign-in limit never trips between unrelated tests. */
export function freshAddress(): string {
  nextAddress += 1;
  return `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
}

/** Signs in through POST /api/v1/auth/login from a fresh address; returns cookie + CSRF headers. */
export async function signInAs(t: TestApp, email: string, password: string): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: freshAddress(),
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cds_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie: `cds_session=${cookie.value}`, csrfToken, headers: { cookie: `cds_session=${cookie.value}`, 'x-csrf-token': csrfToken } };
}

export async function mailsTo(db: Kysely<DB>, address: string) {
  return db.selectFrom('mail_outbox').selectAll().where('to_address', '=', address).orderBy('id').execute();
}

/** The token at the end of a link in a mail or an API answer. */
export function tokenIn(text: string, pathPrefix: '/reset-password?token=' | '/invitations/'): string {
  const at = text.indexOf(pathPrefix);
  if (at < 0) throw new Error(`no ${pathPrefix} link in: ${text}`);
  return text.slice(at + pathPrefix.length).split(/\s/)[0]!;
}
