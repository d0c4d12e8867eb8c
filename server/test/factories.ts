import type { Kysely } from 'kysely';
import { uuidv7 } from '../../shared/ids';
import { foldText } from '../../shared/text/fold';
import { levelOfUnitCode, type Role } from '../../shared/rules/permissions';
import type { DB } from '../db/schema';
import { sealPhone } from '../platform/crypto/sealed-columns';
import { testSealer } from './app';
import { hashPassword } from '../platform/auth/passwords';

export const TEST_PASSWORD = 'Test-password-2026';
let cachedHash: Promise<string> | undefined;

/** One argon2 hash reused by every factory user: hashing is deliberately slow (~50 ms). */
function testPasswordHash() {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export interface BuildUserOptions {
  email?: string;
  name?: string;
  phone?: string | null;
  status?: 'active' | 'invited' | 'disabled';
  grants?: { role: Role; unitCode: string; provinceCode?: string; communeCode?: string; agencyId?: string }[];
}

/**
 * Inserts a user with grants. A hamlet grant needs `communeCode` and `provinceCode`; commune grants derive
 * their province from `provinceCode` (default '80').
 */
export async function buildUser(db: Kysely<DB>, opts: BuildUserOptions = {}) {
  const id = uuidv7();
  const now = new Date().toISOString();
  const email = opts.email ?? `user-${id.slice(-12)}@test.local`;
  await db
    .insertInto('users')
    .values({
      id,
      email,
      ...sealedUserPhone(opts.phone ?? null),
      name: opts.name ?? 'Người dùng thử',
      password_hash: await testPasswordHash(),
      status: opts.status ?? 'active',
      locale: 'vi',
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      search_text: foldText(opts.name ?? 'Người dùng thử'),
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const g of opts.grants ?? []) {
    const level = levelOfUnitCode(g.unitCode);
    const provinceCode = level === 'province' ? g.unitCode : (g.provinceCode ?? '80');
    await db
      .insertInto('grants')
      .values({
        id: uuidv7(),
        user_id: id,
        role: g.role,
        unit_code: g.unitCode,
        level,
        province_code: provinceCode,
        commune_code: level === 'commune' ? g.unitCode : level === 'hamlet' ? (g.communeCode ?? null) : null,
        hamlet_id: level === 'hamlet' ? g.unitCode : null,
        created_by: null,
        created_at: now,
        ...(g.agencyId ? { agency_id: g.agencyId } : {}),
      })
      .execute();
  }
  return { id, email, password: TEST_PASSWORD };
}

/** A normalised phone number (+84…) sealed as the users repository would, with its look-up hash. */
export function sealedUserPhone(phone: string | null) {
  const s = sealPhone(testSealer, 'users.phone', phone);
  return { phone: s.sealed, phone_hash: s.hash };
}
