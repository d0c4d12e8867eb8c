import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { addMs, type Clock } from '../../platform/clock';
import { validation } from '../../platform/errors';
import { ANONYMOUS } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/passwords';
import { createSecret, hashSecret } from '../../platform/auth/tokens';
import { recordAudit } from '../../platform/audit';
import { queueMail } from '../../platform/mail/outbox';
import { normalizePhone, type PasswordResetRequestBody } from '../../../shared/contracts/accounts';
import { composePasswordResetMail, composePasswordResetPhoneText } from './account-mail.templates';
import { queuePhoneMessage } from './phone-messages.jobs';
import type { AuthTokensRepository } from './auth-tokens.repository';
import type { RequestMeta } from './auth.service';
import type { UsersRepository } from './users.repository';
import type { Sealer } from '../../platform/crypto/sealing';

export const RESET_TOKEN_TTL_MS = 60 * 60_000;
/** More reset links than this per account and hour are silently dropped: nobody can mail- or SMS-bomb a person. */
export const RESETS_PER_ADDRESS_PER_HOUR = 3;

const invalidToken = () =>
  validation(
    [
      {
        path: 'token',
        message: 'This link has expired or was already used.',
        messageVi: 'Liên kết đã hết hạn hoặc đã được sử dụng.',
      },
    ],
    'This password reset link has expired or was already used. Ask for a new one.',
    'Liên kết đặt lại mật khẩu đã hết hạn hoặc đã được sử dụng. Vui lòng yêu cầu liên kết mới.',
  );

export function createPasswordResetService(deps: {
  db: Kysely<DB>;
  users: UsersRepository;
  tokens: AuthTokensRepository;
  clock: Clock;
  publicUrl: string;
  sealer: Sealer;
}) {
  const { db, users, tokens, clock } = deps;

  /**
   * Sends a single-use link valid for one hour: mailed when asked by e-mail, by SMS / Zalo through the signed
   * webhook when asked by phone number. Answers the same way whether or not the account exists (the route always
   * says 202), so the endpoint cannot be used to find out who has an account.
   */
  async function requestReset(body: PasswordResetRequestBody, meta: RequestMeta): Promise<void> {
    const nowIso = clock.now().toISOString();
    const phone = body.phone !== undefined ? normalizePhone(body.phone) : null;
    const user = phone ? await users.findByPhone(phone) : body.email ? await users.findByEmail(body.email) : undefined;
    if (!user || user.status !== 'active') return;
    const recent = await tokens.countIssuedToUserSince(user.id, 'password_reset', addMs(nowIso, -60 * 60_000));
    if (recent >= RESETS_PER_ADDRESS_PER_HOUR) return;
    const token = createSecret();
    const link = `${deps.publicUrl}/reset-password?token=${token}`;
    await db.transaction().execute(async (trx) => {
      await tokens.insert(
        {
          id: hashSecret(token),
          kind: 'password_reset',
          user_id: user.id,
          email: user.email,
          payload_json: '{}',
          created_by: null,
          created_at: nowIso,
          expires_at: addMs(nowIso, RESET_TOKEN_TTL_MS),
          used_at: null,
        },
        trx,
      );
      if (phone) {
        await queuePhoneMessage(trx, deps.sealer, { purpose: 'password_reset', to: phone, text: composePasswordResetPhoneText(link), link }, nowIso);
      } else {
        await queueMail(trx, composePasswordResetMail({ email: user.email!, name: user.name }, link), nowIso);
      }
      await recordAudit(
        trx,
        { actor: ANONYMOUS, ip: meta.ip, requestId: meta.requestId, at: nowIso },
        { action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id },
      );
    });
  }

  /**
   * Sets the new password, clears the lock, ends every session and spends every outstanding reset link of the
   * account, in one transaction. The token is claimed inside it, so two submissions of one link set one password.
   */
  async function confirmReset(token: string, password: string, meta: RequestMeta): Promise<void> {
    const nowIso = clock.now().toISOString();
    const id = hashSecret(token);
    const row = await tokens.findUsable(id, 'password_reset', nowIso);
    if (!row || !row.user_id) throw invalidToken();
    const userId = row.user_id;
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      if (!(await tokens.claim(id, 'password_reset', nowIso, trx))) throw invalidToken();
      await users.update(userId, { password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: nowIso }, trx);
      await tokens.useAllOfUser(userId, 'password_reset', nowIso, trx);
      const ended = await users.deleteSessionsOfUser(userId, trx);
      await recordAudit(
        trx,
        { actor: ANONYMOUS, ip: meta.ip, requestId: meta.requestId, at: nowIso },
        { action: 'auth.password_reset', entityType: 'user', entityId: userId, after: { sessionsEnded: ended } },
      );
    });
  }

  return { requestReset, confirmReset };
}
export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
