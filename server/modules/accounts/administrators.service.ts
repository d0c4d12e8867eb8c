import type { Kysely } from 'kysely';
import type { Sealer } from '../../platform/crypto/sealing';
import { uuidv7 } from '../../../shared/ids';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { ANONYMOUS } from '../../platform/auth/actor';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { Clock } from '../../platform/clock';
import { createGrantsRepository } from './grants.repository';
import { createUsersRepository } from './users.repository';

export interface EnsureAdministratorInput {
  email: string;
  password: string;
  provinceCode: string;
  clock: Clock;
  sealer: Sealer;
}

export type EnsureAdministratorOutcome = 'created' | 'updated' | 'unchanged';

/**
 * ADMIN_EMAIL + ADMIN_PASSWORD at start-up (interfaces.md §1): creates the province administrator, or resets
 * the password, unlocks and re-activates the account and gives back a missing province_admin grant. Nothing is
 * written when all is already so, so restarting with the same settings neither audits nor ends sessions; a
 * changed password ends the account's sessions, as a reset should.
 */
export async function ensureAdministrator(
  db: Kysely<DB>,
  input: EnsureAdministratorInput,
): Promise<{ userId: string; outcome: EnsureAdministratorOutcome }> {
  const users = createUsersRepository(db, input.sealer);
  // Nothing here locks rows: start-up runs before the server takes requests.
  const grants = createGrantsRepository(db, { rowLocks: false });
  const email = input.email.trim().toLowerCase();
  const nowIso = input.clock.now().toISOString();
  const existing = await users.findByEmail(email);
  const grant = existing ? await grants.findSame(existing.id, 'province_admin', input.provinceCode) : undefined;
  const passwordOk = existing?.password_hash ? await verifyPassword(existing.password_hash, input.password) : false;
  const unlocked = existing ? existing.locked_until === null && existing.failed_logins === 0 : false;
  if (existing && grant && passwordOk && unlocked && existing.status === 'active') {
    return { userId: existing.id, outcome: 'unchanged' };
  }
  const passwordHash = passwordOk ? existing!.password_hash! : await hashPassword(input.password);
  const userId = existing?.id ?? uuidv7();
  const ctx = { actor: ANONYMOUS, ip: null, requestId: null, at: nowIso };
  await db.transaction().execute(async (trx) => {
    if (existing) {
      await users.update(
        userId,
        { password_hash: passwordHash, status: 'active', failed_logins: 0, locked_until: null, updated_at: nowIso },
        trx,
      );
      if (!passwordOk) await users.deleteSessionsOfUser(userId, trx);
    } else {
      await users.insert(
        {
          id: userId,
          email,
          phone: null,
          name: 'Quản trị viên',
          password_hash: passwordHash,
          status: 'active',
          locale: 'vi',
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          created_at: nowIso,
          updated_at: nowIso,
        },
        trx,
      );
    }
    if (!grant) {
      const grantId = uuidv7();
      await grants.insert(
        {
          id: grantId,
          user_id: userId,
          role: 'province_admin',
          unit_code: input.provinceCode,
          level: 'province',
          province_code: input.provinceCode,
          commune_code: null,
          hamlet_id: null,
          created_by: null,
          created_at: nowIso,
        },
        trx,
      );
      await recordAudit(trx, ctx, {
        action: 'grant.created',
        entityType: 'grant',
        entityId: grantId,
        provinceCode: input.provinceCode,
        after: { userId, role: 'province_admin', unitCode: input.provinceCode, source: 'ADMIN_EMAIL' },
      });
    }
    await recordAudit(trx, ctx, {
      action: existing ? 'user.administrator_reset' : 'user.created',
      entityType: 'user',
      entityId: userId,
      provinceCode: input.provinceCode,
      after: { email, source: 'ADMIN_EMAIL', passwordChanged: !passwordOk },
    });
  });
  return { userId, outcome: existing ? 'updated' : 'created' };
}
