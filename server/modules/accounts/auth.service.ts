import type { Kysely, Transaction } from 'kysely';
import { ACTIONS, grantsFor, type Action } from '../../../shared/rules/permissions';
import { normalizePhone, type LoginBody, type MeResponse, type MeTeam, type User } from '../../../shared/contracts/accounts';
import type { DB } from '../../db/schema';
import type { UserRow } from './users.repository';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { type Actor, requireUser } from '../../platform/auth/actor';
import { decoyHash, verifyPassword } from '../../platform/auth/passwords';
import { createSecret, hashSecret } from '../../platform/auth/tokens';
import { recordAudit } from '../../platform/audit';
import type { SignInThrottle } from './sign-in-throttle.service';
import type { UsersRepository } from './users.repository';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Other modules contribute to /me (teams) without accounts importing them. */
export type TeamsOfUser = (userId: string) => Promise<MeTeam[]>;

export function toUserView(row: Pick<UserRow, 'id' | 'name' | 'email' | 'phone' | 'locale'>): User {
  return { id: row.id, name: row.name, email: row.email, phone: row.phone, locale: row.locale };
}

const BAD_CREDENTIALS = () =>
  new AppError('UNAUTHENTICATED', 'E-mail, phone number or password is incorrect.', {
    messageVi: 'Email, số điện thoại hoặc mật khẩu không đúng.',
  });

export function createAuthService(deps: {
  db: Kysely<DB>;
  users: UsersRepository;
  clock: Clock;
  sessionTtlHours: number;
  throttle: SignInThrottle;
  teamsOfUser?: TeamsOfUser;
}) {
  const { db, users, clock, throttle } = deps;

  /**
   * Checks a password against an existing account (accepting an invitation into it). No lock: a lock is a way to
   * keep the owner out; sign-in slows guessers per identifier and address instead (sign-in-throttle.service.ts).
   */
  async function checkPassword(user: UserRow, password: string): Promise<void> {
    if (!user.password_hash || !(await verifyPassword(user.password_hash, password))) throw BAD_CREDENTIALS();
  }

  /**
   * Opens a database-stored session (valid on every server process) in the caller's transaction. Returns the cookie token, which is stored only as its hash.
   */
  async function openSession(userId: string, meta: RequestMeta, trx: Transaction<DB>) {
    const now = clock.now();
    const nowIso = now.toISOString();
    const token = createSecret();
    const csrfToken = createSecret(24);
    await users.update(userId, { last_login_at: nowIso }, trx);
    await users.insertSession(
      {
        id: hashSecret(token),
        user_id: userId,
        csrf_token: csrfToken,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
        created_at: nowIso,
        expires_at: new Date(now.getTime() + deps.sessionTtlHours * 3_600_000).toISOString(),
      },
      trx,
    );
    return { token, sessionId: hashSecret(token), csrfToken, maxAgeSeconds: deps.sessionTtlHours * 3600 };
  }

  /**
   * Verifies the password and opens a session, signing in by e-mail or by phone number (any written form of a
   * Vietnamese number; stored as +84…). Unknown identifiers, disabled accounts and wrong passwords take the same
   * path — a password check, a counted failure, the same 401 — so answers never tell which accounts exist.
   */
  async function login(credentials: LoginBody, meta: RequestMeta) {
    const identifier = credentials.phone !== undefined ? `phone:${normalizePhone(credentials.phone)}` : `email:${credentials.email ?? ''}`;
    await throttle.assertMayAttempt(identifier, meta.ip);
    const user =
      credentials.phone !== undefined
        ? await users.findByPhone(normalizePhone(credentials.phone))
        : credentials.email !== undefined
          ? await users.findByEmail(credentials.email)
          : undefined;
    const usable = user !== undefined && user.password_hash !== null && user.status === 'active';
    const ok = await verifyPassword(usable ? user.password_hash! : await decoyHash(), credentials.password);
    if (!usable || !ok) {
      await throttle.recordFailure(identifier, meta.ip);
      throw BAD_CREDENTIALS();
    }
    await throttle.recordSuccess(identifier, meta.ip);
    const session = await db.transaction().execute(async (trx) => {
      const opened = await openSession(user.id, meta, trx);
      await recordAudit(
        trx,
        {
          // The person signing in is the actor of their own sign-in, so the trail names them.
          actor: { kind: 'user', user: toUserView(user), grants: [], sessionId: opened.sessionId, csrfToken: opened.csrfToken },
          ip: meta.ip,
          requestId: meta.requestId,
          at: clock.now().toISOString(),
        },
        { action: 'auth.signed_in', entityType: 'user', entityId: user.id },
      );
      return opened;
    });
    return { token: session.token, csrfToken: session.csrfToken, user: toUserView(user), maxAgeSeconds: session.maxAgeSeconds };
  }

  async function logout(actor: Actor) {
    if (actor.kind !== 'user') return;
    await users.deleteSession(actor.sessionId);
  }

  /** Ends every session of the caller, on every device and server. */
  async function logoutEverywhere(actor: Actor, meta: RequestMeta) {
    const me = requireUser(actor);
    await db.transaction().execute(async (trx) => {
      await users.deleteSessionsOfUser(me.user.id, trx);
      await recordAudit(
        trx,
        { actor, ip: meta.ip, requestId: meta.requestId, at: clock.now().toISOString() },
        { action: 'auth.signed_out_everywhere', entityType: 'user', entityId: me.user.id },
      );
    });
  }

  async function describeMe(actor: Actor): Promise<MeResponse> {
    const me = requireUser(actor);
    const rows = await users.grantsOfUser(me.user.id);
    const unitRows = await users.unitNames(rows.filter((r) => r.level !== 'hamlet').map((r) => r.unit_code));
    const hamletRows = await users.hamletNames(rows.filter((r) => r.level === 'hamlet').map((r) => r.unit_code));
    const names = new Map<string, string>([
      ...unitRows.map((u) => [u.code, u.full_name] as const),
      ...hamletRows.map((h) => [h.id, h.name] as const),
    ]);
    const actions: Action[] = ACTIONS.filter((a) => grantsFor(me.grants, a).length > 0);
    return {
      user: me.user,
      grants: rows.map((r) => ({
        id: r.id,
        role: r.role as MeResponse['grants'][number]['role'],
        unitCode: r.unit_code,
        ...(names.has(r.unit_code) ? { unitName: names.get(r.unit_code)! } : {}),
      })),
      teams: deps.teamsOfUser ? await deps.teamsOfUser(me.user.id) : [],
      csrfToken: me.csrfToken,
      actions,
    };
  }

  return { login, logout, logoutEverywhere, describeMe, checkPassword, openSession };
}
export type AuthService = ReturnType<typeof createAuthService>;
