/**
 * The accounts module's public surface. Other modules use only what is exported here:
 * - createInvitation(trx, input, ctx): invite someone to a role at a unit inside the caller's transaction
 *   (the teams module passes `payload`, e.g. { teamId, memberRole }, handed back in the invitation.accepted event
 *   `{ invitationId, userId, role, unitCode, payload }`);
 * - ensureAdministrator(db, …): the ADMIN_EMAIL / ADMIN_PASSWORD start-up step;
 * - syncTeamRoleGrant(trx, …): keeps a team member's team_leader / team_member grant in step with the team role;
 * - registerAccountsRoutes(app, …): everything beyond sign-in, for the composition root.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { Dialect } from '../../db/database';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { ZodApp } from '../../platform/http/route-types';
import { registerApiKeyRoutes } from './api-keys.routes';
import { createApiKeysRepository } from './api-keys.repository';
import { createApiKeysService } from './api-keys.service';
import { registerAuditRoutes } from './audit.routes';
import { createAuditLogRepository } from './audit-log.repository';
import { createAuditService } from './audit.service';
import { createAccessLogRepository } from './access-log.repository';
import { createAccessLogService } from './access-log.service';
import { createAuthTokensRepository } from './auth-tokens.repository';
import type { AuthService } from './auth.service';
import { createGrantsRepository } from './grants.repository';
import { registerInvitationRoutes } from './invitations.routes';
import { createInvitationsService } from './invitations.service';
import { createMailOutboxRepository } from './mail-outbox.repository';
import { registerOutboxRoutes } from './outbox.routes';
import { createOutboxService } from './outbox.service';
import { registerPasswordResetRoutes } from './password-reset.routes';
import { createPasswordResetService } from './password-reset.service';
import { registerProfileRoutes } from './profile.routes';
import { createProfileService } from './profile.service';
import type { UsersRepository } from './users.repository';
import { registerUserRoutes } from './users.routes';
import { createUsersService } from './users.service';
import type { Sealer } from '../../platform/crypto/sealing';

export { createInvitation, INVITATION_TTL_MS } from './invitations.service';
export { queuePhoneMessage } from './phone-messages.jobs';
export type { CreatedInvitation, InvitationContext, InvitationInput } from './invitations.service';
export { ensureAdministrator } from './administrators.service';
export { syncTeamRoleGrant } from './team-role-grants.service';
export type { TeamRole, TeamRoleGrantInput } from './team-role-grants.service';
export type { EnsureAdministratorInput, EnsureAdministratorOutcome } from './administrators.service';

export interface AccountsDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  users: UsersRepository;
  auth: AuthService;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'cookieSecure' | 'seed' | 'env' | 'provinceCode'>;
  sealer: Sealer;
}

/** Builds the accounts services beyond sign-in and registers their routes; returns the services for tests. */
export function registerAccountsRoutes(app: ZodApp, deps: AccountsDeps) {
  const { db, users, auth, clock, config, sealer } = deps;
  const grants = createGrantsRepository(db, { rowLocks: deps.dialect === 'postgres' });
  const tokens = createAuthTokensRepository(db);

  const passwordReset = createPasswordResetService({ db, users, tokens, clock, publicUrl: config.publicUrl, sealer });
  const invitations = createInvitationsService({ db, users, grants, auth, clock, publicUrl: config.publicUrl, sealer });
  const usersAdmin = createUsersService({ db, users, grants });
  const profile = createProfileService({ db, users });
  const apiKeys = createApiKeysService({ db, apiKeys: createApiKeysRepository(db) });
  const audit = createAuditService({ auditLog: createAuditLogRepository(db) });
  const outbox = createOutboxService({
    mailOutbox: createMailOutboxRepository(db),
    demoProvinceCode: config.seed === 'demo' ? config.provinceCode : null,
    sealer,
  });

  registerPasswordResetRoutes(app, { passwordReset });
  registerInvitationRoutes(app, { invitations, clock, cookieSecure: config.cookieSecure });
  registerUserRoutes(app, { usersAdmin, clock });
  registerProfileRoutes(app, { profile, clock });
  registerApiKeyRoutes(app, { apiKeys, clock });
  const accessLog = createAccessLogService({ repo: createAccessLogRepository(db) });
  registerAuditRoutes(app, { audit, accessLog });
  registerOutboxRoutes(app, { outbox });
  return { passwordReset, invitations, usersAdmin, profile, apiKeys, audit, outbox };
}
export { accountsRetention } from './accounts.retention';
export { accountsPersonalData } from './accounts.personal-data';
