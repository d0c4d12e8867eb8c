import type { Kysely } from 'kysely';
import { PasswordSchema, maskPhone, normalizePhone, type CreateInvitationBody, type InvitationView } from '../../../shared/contracts/accounts';
import { uuidv7 } from '../../../shared/ids';
import type { Role } from '../../../shared/rules/permissions';
import type { DB } from '../../db/schema';
import { recordAudit, type AuditContext } from '../../platform/audit';
import { addMs, type Clock } from '../../platform/clock';
import { AppError, notFound, validation } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { queueMail } from '../../platform/mail/outbox';
import { actorUserId, assertCan, requireSignedIn, type Actor } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/passwords';
import { createSecret, hashSecret } from '../../platform/auth/tokens';
import { resolveUnitPlacement } from '../geography/index';
import { composeInvitationMail, composeInvitationPhoneText } from './account-mail.templates';
import { queuePhoneMessage } from './phone-messages.jobs';
import { createAuthTokensRepository } from './auth-tokens.repository';
import { toUserView, type AuthService, type RequestMeta } from './auth.service';
import type { GrantsRepository } from './grants.repository';
import { assertMayGrantRole, assertRoleFitsLevel, type GrantAuthority } from './grants.policy';
import { requirePlacement } from './placements.service';
import type { UsersRepository } from './users.repository';
import { openSealed } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export interface InvitationInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  role: Role;
  unitCode: string;
  /** Opaque to accounts: stored with the invitation and handed back in the invitation.accepted event. */
  payload?: Record<string, unknown>;
  /** `team` when the teams module invites a member under its own management right (see grants.policy.ts). */
  authority?: GrantAuthority;
}

/** The audit context of the inviting request, plus the public address the link points at. */
export interface InvitationContext extends AuditContext {
  publicUrl: string;
  /** Seals the invitee's phone number inside the stored invitation and the queued message. */
  sealer: Sealer;
}

export interface CreatedInvitation {
  id: string;
  /** The secret part of the link; stored only as its hash. */
  token: string;
  link: string;
  expiresAt: string;
}

/** The sealing context of the phone number inside a stored invitation (see SEALED_JSON_FIELDS). */
const INVITATION_PHONE = 'auth_tokens.phone';

interface StoredInvitation {
  name: string;
  email: string | null;
  phone: string | null;
  role: Role;
  unitCode: string;
  unitName: string;
  inviterName: string | null;
  payload: Record<string, unknown>;
}

/**
 * Creates an invitation link (7 days, single use) in the caller's transaction, and mails it when an e-mail is
 * given. Enforces the delegation rule (the actor must be able to grant `role` at the unit); callers add their own
 * permission check first — the users admin requires users.manage, the teams module its team policy.
 */
export async function createInvitation(
  trx: Kysely<DB>,
  input: InvitationInput,
  ctx: InvitationContext,
): Promise<CreatedInvitation> {
  requireSignedIn(ctx.actor);
  const placement = await requirePlacement(trx, input.unitCode);
  assertRoleFitsLevel(input.role, placement.level);
  // Checked when the link is made: accepting it later is the invitee's act, on the inviter's authority.
  assertMayGrantRole(ctx.actor, input.role, placement, input.authority ?? 'delegation');
  const token = createSecret();
  const id = hashSecret(token);
  const expiresAt = addMs(ctx.at, INVITATION_TTL_MS);
  const link = `${ctx.publicUrl}/invitations/${token}`;
  const email = input.email ?? null;
  const stored: StoredInvitation = {
    name: input.name,
    email,
    phone: input.phone ? normalizePhone(input.phone) : null,
    role: input.role,
    unitCode: input.unitCode,
    unitName: placement.name,
    inviterName: ctx.actor.kind === 'user' ? ctx.actor.user.name : null,
    payload: input.payload ?? {},
  };
  await createAuthTokensRepository(trx).insert({
    id,
    kind: 'invitation',
    user_id: null,
    email,
    // The phone number is sealed inside the stored invitation like every stored phone (opened by loadUsable).
    payload_json: JSON.stringify({ ...stored, phone: stored.phone && ctx.sealer.seal(stored.phone, INVITATION_PHONE) }),
    created_by: actorUserId(ctx.actor),
    created_at: ctx.at,
    expires_at: expiresAt,
    used_at: null,
  });
  if (email) {
    await queueMail(trx, composeInvitationMail({ ...stored, email, link, expiresAt }), ctx.at);
  } else if (stored.phone) {
    // No e-mail: the link goes by SMS / Zalo through the signed webhook (and is shown to the inviter as well).
    const text = composeInvitationPhoneText({ ...stored, link, expiresAt });
    await queuePhoneMessage(trx, ctx.sealer, { purpose: 'invitation', to: stored.phone, text, link }, ctx.at);
  }
  await recordAudit(trx, ctx, {
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: id,
    provinceCode: placement.provinceCode,
    communeCode: placement.communeCode,
    after: {
      name: stored.name,
      email,
      phone: maskPhone(stored.phone),
      role: stored.role,
      unitCode: stored.unitCode,
      payload: stored.payload,
    },
  });
  return { id, token, link, expiresAt };
}

const unusableInvitation = () =>
  notFound(
    'This invitation does not exist, was already used or has expired.',
    'Lời mời không tồn tại, đã được sử dụng hoặc đã hết hạn.',
  );

export function createInvitationsService(deps: {
  db: Kysely<DB>;
  users: UsersRepository;
  grants: GrantsRepository;
  auth: AuthService;
  clock: Clock;
  publicUrl: string;
  sealer: Sealer;
}) {
  const { db, users, grants, auth, clock, sealer } = deps;
  const tokens = createAuthTokensRepository(db);

  /** POST /invitations: users.manage where the unit sits, then the delegation rule inside createInvitation. */
  async function invite(actor: Actor, body: CreateInvitationBody, ctx: AuditContext) {
    requireSignedIn(actor);
    const placement = await requirePlacement(db, body.unitCode);
    assertRoleFitsLevel(body.role, placement.level);
    assertCan(actor, 'users.manage', placement);
    const created = await db.transaction().execute((trx) => createInvitation(trx, body, { ...ctx, publicUrl: deps.publicUrl, sealer }));
    return { id: created.id, link: created.link, expiresAt: created.expiresAt };
  }

  async function loadUsable(token: string) {
    const row = await tokens.findUsable(hashSecret(token), 'invitation', clock.now().toISOString());
    if (!row) throw unusableInvitation();
    const stored = JSON.parse(row.payload_json) as StoredInvitation;
    return { row, invitation: { ...stored, phone: openSealed(sealer, INVITATION_PHONE, stored.phone) } };
  }

  /** What the invitee sees before accepting; public, since holding the link is the proof. */
  async function describe(token: string): Promise<InvitationView> {
    const { row, invitation } = await loadUsable(token);
    return {
      name: invitation.name,
      email: invitation.email,
      phoneMasked: maskPhone(invitation.phone),
      role: invitation.role,
      unitCode: invitation.unitCode,
      unitName: invitation.unitName,
      expiresAt: row.expires_at,
    };
  }

  /**
   * Creates the account (or, for an existing account with that e-mail, proves it with its password), adds the
   * grant, spends the link, signs in and records invitation.accepted — all in one transaction.
   */
  async function accept(token: string, body: { name?: string | undefined; password: string; email?: string | undefined }, meta: RequestMeta) {
    const { row, invitation } = await loadUsable(token);
    if (invitation.email && body.email && body.email !== invitation.email) {
      throw validation([
        { path: 'email', message: 'This invitation was sent to another e-mail address.', messageVi: 'Lời mời này được gửi tới một địa chỉ email khác.' },
      ]);
    }
    const email = invitation.email ?? body.email ?? null;
    // An invitation sent to a phone number needs no e-mail: the account signs in with that number.
    if (!email && !invitation.phone) {
      throw validation([
        { path: 'email', message: 'Enter the e-mail address you will sign in with.', messageVi: 'Vui lòng nhập email dùng để đăng nhập.' },
      ]);
    }
    const placement = await resolveUnitPlacement(db, invitation.unitCode);
    if (!placement) {
      throw new AppError('CONFLICT', 'The unit of this invitation no longer exists; ask for a new invitation.', {
        messageVi: 'Đơn vị trong lời mời không còn tồn tại; vui lòng đề nghị gửi lời mời mới.',
      });
    }
    const existing = email ? await users.findByEmail(email) : await users.findByPhone(invitation.phone!);
    const claimsExisting = existing !== undefined && existing.password_hash !== null;
    if (existing?.status === 'disabled') {
      throw new AppError('FORBIDDEN', 'This account is disabled.', { messageVi: 'Tài khoản này đã bị khoá.' });
    }
    if (claimsExisting) {
      await auth.checkPassword(existing, body.password);
    } else if (!PasswordSchema.safeParse(body.password).success) {
      throw validation([
        { path: 'password', message: 'Choose a password of at least 10 characters.', messageVi: 'Mật khẩu cần ít nhất 10 ký tự.' },
      ]);
    }
    const newHash = claimsExisting ? null : await hashPassword(body.password);
    const phoneTaken = invitation.phone && email ? await users.findByPhone(invitation.phone) : undefined;

    return db.transaction().execute(async (trx) => {
      const nowIso = clock.now().toISOString();
      if (!(await tokens.claim(row.id, 'invitation', nowIso, trx))) throw unusableInvitation();
      const name = body.name ?? invitation.name;
      let userId: string;
      if (existing) {
        userId = existing.id;
        // An account made elsewhere but never activated (status "invited") is completed here.
        if (newHash || existing.status !== 'active') {
          await users.update(userId, { ...(newHash ? { password_hash: newHash, name } : {}), status: 'active', updated_at: nowIso }, trx);
        }
      } else {
        userId = uuidv7();
        await users.insert(
          {
            id: userId,
            email,
            phone: phoneTaken ? null : invitation.phone,
            name,
            password_hash: newHash,
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
      const user = (await users.findById(userId, trx))!;
      const session = await auth.openSession(userId, meta, trx);
      const ctx: AuditContext = {
        actor: { kind: 'user', user: toUserView(user), grants: [], sessionId: session.sessionId, csrfToken: session.csrfToken },
        ip: meta.ip,
        requestId: meta.requestId,
        at: nowIso,
      };
      if (!existing) await recordAudit(trx, ctx, { action: 'user.created', entityType: 'user', entityId: userId, after: { name, email } });
      if (!(await grants.findSame(userId, invitation.role, invitation.unitCode, trx))) {
        const grantId = uuidv7();
        await grants.insert(
          {
            id: grantId,
            user_id: userId,
            role: invitation.role,
            unit_code: invitation.unitCode,
            level: placement.level,
            province_code: placement.provinceCode,
            commune_code: placement.communeCode,
            hamlet_id: placement.hamletId,
            created_by: row.created_by,
            created_at: nowIso,
          },
          trx,
        );
        await recordAudit(trx, ctx, {
          action: 'grant.created',
          entityType: 'grant',
          entityId: grantId,
          provinceCode: placement.provinceCode,
          communeCode: placement.communeCode,
          after: { userId, role: invitation.role, unitCode: invitation.unitCode },
        });
      }
      await recordAudit(trx, ctx, {
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: row.id,
        provinceCode: placement.provinceCode,
        communeCode: placement.communeCode,
        after: { userId, role: invitation.role, unitCode: invitation.unitCode, existingAccount: existing !== undefined },
      });
      await recordEvent(
        trx,
        {
          type: 'invitation.accepted',
          entityType: 'invitation',
          entityId: row.id,
          payload: { invitationId: row.id, userId, role: invitation.role, unitCode: invitation.unitCode, payload: invitation.payload },
        },
        nowIso,
      );
      return { user: toUserView(user), csrfToken: session.csrfToken, token: session.token, maxAgeSeconds: session.maxAgeSeconds };
    });
  }

  return { invite, describe, accept };
}
export type InvitationsService = ReturnType<typeof createInvitationsService>;
