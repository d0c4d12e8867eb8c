import type { Kysely } from 'kysely';
import { maskPhone, normalizePhone, type User } from '../../../shared/contracts/accounts';
import type { DB } from '../../db/schema';
import type { UserRow } from './users.repository';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { requireUser, type Actor } from '../../platform/auth/actor';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { conflict, validation } from '../../platform/errors';
import { toUserView } from './auth.service';
import type { UsersRepository } from './users.repository';

export function createProfileService(deps: { db: Kysely<DB>; users: UsersRepository }) {
  const { db, users } = deps;

  /** The caller's own name, phone (stored as +84…; null removes it) and language. */
  async function updateProfile(
    actor: Actor,
    body: { name?: string | undefined; phone?: string | null | undefined; locale?: 'vi' | 'en' | undefined },
    ctx: AuditContext,
  ): Promise<User> {
    const me = requireUser(actor);
    const before = (await users.findById(me.user.id))!;
    const patch: Partial<UserRow> = {};
    if (body.name !== undefined) patch.name = body.name;
    if (body.locale !== undefined) patch.locale = body.locale;
    if (body.phone !== undefined) {
      patch.phone = body.phone === null ? null : normalizePhone(body.phone);
      const holder = patch.phone ? await users.findByPhone(patch.phone) : undefined;
      if (holder && holder.id !== me.user.id) {
        throw conflict('Another account already uses this phone number.', 'Số điện thoại này đã được dùng cho tài khoản khác.');
      }
    }
    await db.transaction().execute(async (trx) => {
      await users.update(me.user.id, { ...patch, updated_at: ctx.at }, trx);
      await recordAudit(trx, ctx, {
        action: 'user.profile_updated',
        entityType: 'user',
        entityId: me.user.id,
        // The audit trail keeps a changed phone number masked, never in full (Law 91/2025: minimal copies).
        before: maskedPhone(Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof UserRow]]))),
        after: maskedPhone(patch),
      });
    });
    return toUserView((await users.findById(me.user.id))!);
  }

  /** Changes the caller's password after checking the current one; every other session of the account ends. */
  async function changePassword(actor: Actor, body: { currentPassword: string; newPassword: string }, ctx: AuditContext) {
    const me = requireUser(actor);
    const user = (await users.findById(me.user.id))!;
    if (!user.password_hash || !(await verifyPassword(user.password_hash, body.currentPassword))) {
      throw validation(
        [{ path: 'currentPassword', message: 'The current password is not correct.', messageVi: 'Mật khẩu hiện tại không đúng.' }],
        'The current password is not correct.',
        'Mật khẩu hiện tại không đúng.',
      );
    }
    const passwordHash = await hashPassword(body.newPassword);
    await db.transaction().execute(async (trx) => {
      await users.update(me.user.id, { password_hash: passwordHash, updated_at: ctx.at }, trx);
      const ended = await users.deleteOtherSessions(me.user.id, me.sessionId, trx);
      await recordAudit(trx, ctx, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: me.user.id,
        after: { otherSessionsEnded: ended },
      });
    });
  }

  return { updateProfile, changePassword };
}
export type ProfileService = ReturnType<typeof createProfileService>;

function maskedPhone(values: Partial<UserRow>): Partial<UserRow> {
  return 'phone' in values ? { ...values, phone: maskPhone(values.phone ?? null) } : values;
}
