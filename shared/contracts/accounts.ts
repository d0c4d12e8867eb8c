import { z } from 'zod';
import { ACTIONS, ROLES } from '../rules/permissions';
import { PageQuerySchema, pageOf } from './paging';

export const RoleSchema = z.enum(ROLES).describe('Role code');
export const ActionSchema = z.enum(ACTIONS);

export const EmailSchema = z.string().trim().toLowerCase().email().max(254);
/**
 * Vietnamese mobile numbers written as 0912345678, +84912345678 or 84912345678 (spaces, dots and dashes allowed):
 * one number, stored as +84… (normalizePhone).
 */
export const PhoneSchema = z
  .string()
  .trim()
  .max(20)
  .refine(
    (v) => /^(\+84|84|0)\d{9}$/.test(v.replace(/[\s.-]/g, '')),
    'Phone must look like 0912345678, +84912345678 or 84912345678',
  );
export const PasswordSchema = z.string().min(10, 'At least 10 characters').max(200);

export const LoginBodySchema = z
  .strictObject({
    email: EmailSchema.optional().describe('Sign in by e-mail…'),
    phone: PhoneSchema.optional().describe('…or by phone number (09…, +849…, 849… are the same number)'),
    password: z.string().min(1).max(200),
  })
  .refine((b) => (b.email === undefined) !== (b.phone === undefined), {
    message: 'Give either an e-mail address or a phone number',
    path: ['email'],
  });
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const UserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.enum(['vi', 'en']),
});
export type User = z.infer<typeof UserSchema>;

export const LoginResponseSchema = z.object({
  user: UserSchema,
  csrfToken: z.string().describe('Send as X-CSRF-Token on every unsafe request made with the session cookie'),
});

export const GrantViewSchema = z.object({
  id: z.string().optional(),
  role: RoleSchema,
  unitCode: z.string().describe('2-digit province, 5-digit commune, or a hamlet id'),
  unitName: z.string().optional(),
});
export type GrantView = z.infer<typeof GrantViewSchema>;

export const MeTeamSchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  hamletId: z.string().nullable(),
  role: z.enum(['leader', 'deputy', 'member']),
});
export type MeTeam = z.infer<typeof MeTeamSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  grants: z.array(GrantViewSchema),
  teams: z.array(MeTeamSchema),
  csrfToken: z.string(),
  actions: z.array(ActionSchema).describe('Actions the caller may take somewhere in their scope'),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const UpdateProfileBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  phone: PhoneSchema.nullable().optional(),
  locale: z.enum(['vi', 'en']).optional(),
});

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});

/**
 * The one stored form of a Vietnamese phone number: +84 followed by 9 digits. 0912345678, +84912345678,
 * 84912345678 and "091 234 5678" are the same number. Input is expected to have passed PhoneSchema.
 */
export function normalizePhone(phone: string): string {
  const compact = phone.replace(/[\s.-]/g, '');
  if (compact.startsWith('+84')) return compact;
  if (compact.startsWith('84') && compact.length === 11) return `+${compact}`;
  if (compact.startsWith('0')) return `+84${compact.slice(1)}`;
  return compact;
}

/** "09•• ••• 678": enough for a colleague to recognise a number, not enough to call it (issue 9's list form). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const national = phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
  return `${national.slice(0, 2)}•• ••• ${national.slice(-3)}`;
}

const UnitCodeSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .describe('2-digit province, 5-digit commune, or a hamlet id');
const SecretTokenSchema = z
  .string()
  .trim()
  .min(20)
  .max(200)
  .describe('The token from the e-mailed or shared link');

// ---------------------------------------------------------------------------------------------- password reset

/** By e-mail (the link is mailed) or by phone number (the link goes by SMS / Zalo through the signed webhook). */
export const PasswordResetRequestBodySchema = z
  .strictObject({ email: EmailSchema.optional(), phone: PhoneSchema.optional() })
  .refine((b) => (b.email === undefined) !== (b.phone === undefined), {
    message: 'Give either an e-mail address or a phone number',
    path: ['email'],
  });
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBodySchema>;

export const AcceptedResponseSchema = z.object({
  message: z.string(),
  messageVi: z.string(),
});

export const PasswordResetConfirmBodySchema = z.strictObject({
  token: SecretTokenSchema,
  password: PasswordSchema,
});

// ------------------------------------------------------------------------------------------------- invitations

export const CreateInvitationBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).describe('Name of the person invited, as the inviter knows it'),
  email: EmailSchema.optional().describe('When given, the link is e-mailed; otherwise the inviter shares it'),
  phone: PhoneSchema.optional(),
  role: RoleSchema,
  unitCode: UnitCodeSchema,
});
export type CreateInvitationBody = z.infer<typeof CreateInvitationBodySchema>;

export const InvitationCreatedSchema = z.object({
  id: z.string(),
  link: z.string().describe('Shown once: share it (e.g. by Zalo) when no e-mail was given'),
  expiresAt: z.string(),
});

export const InvitationViewSchema = z.object({
  name: z.string(),
  email: z.string().nullable(),
  phoneMasked: z
    .string()
    .nullable()
    .describe(
      'Set when the invitation went to a phone number: the account signs in with it, an e-mail is optional',
    ),
  role: RoleSchema,
  unitCode: z.string(),
  unitName: z.string(),
  expiresAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

export const InvitationTokenParamsSchema = z.object({ token: SecretTokenSchema });

export const AcceptInvitationBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  password: z
    .string()
    .min(1)
    .max(200)
    .describe('A new password (at least 10 characters), or the current password of an existing account'),
  email: EmailSchema.optional().describe('Required when the invitation was sent without an e-mail'),
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBodySchema>;

// ----------------------------------------------------------------------------------------------- users admin

export const UserStatusSchema = z.enum(['active', 'invited', 'disabled']);

export const UsersQuerySchema = PageQuerySchema.extend({
  unit: UnitCodeSchema.optional().describe('Only users holding a grant inside this unit'),
  q: z.string().trim().min(1).max(100).optional().describe('Matches name or e-mail, ignoring diacritics'),
  role: RoleSchema.optional(),
});
export type UsersQuery = z.infer<typeof UsersQuerySchema>;

export const UserGrantSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  unitCode: z.string(),
  unitName: z.string(),
  agencyId: z.string().nullable().optional().describe("An agency_handler grant's agency"),
});
export type UserGrant = z.infer<typeof UserGrantSchema>;

export const UserListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  status: UserStatusSchema,
  grants: z.array(UserGrantSchema).describe("Grants inside the caller's scope"),
  actions: z.array(ActionSchema),
});
export type UserListItem = z.infer<typeof UserListItemSchema>;

export const UsersPageSchema = pageOf(UserListItemSchema);

export const UserDetailSchema = UserListItemSchema.extend({
  phone: z.string().nullable().describe('Full number, only for callers who may manage this user'),
  locale: z.enum(['vi', 'en']),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDetail = z.infer<typeof UserDetailSchema>;

export const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const UserGrantParamsSchema = z.object({
  id: z.string().min(1).max(100),
  grantId: z.string().min(1).max(100),
});

export const UpdateUserBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  status: z.enum(['active', 'disabled']).optional().describe('Disabling ends every session of the user'),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export const CreateGrantBodySchema = z.strictObject({
  role: RoleSchema,
  unitCode: UnitCodeSchema,
  /** Only for agency_handler: the agency whose cases the grant handles; the unit must be the agency's own unit. */
  agencyId: z.string().min(1).max(100).optional(),
});
export type CreateGrantBody = z.infer<typeof CreateGrantBodySchema>;

// ---------------------------------------------------------------------------------------------------- API keys

export const API_KEY_SCOPES = ['open311:write', 'sync:write', 'indicators:write', 'read'] as const;
export const ApiKeyScopeSchema = z.enum(API_KEY_SCOPES);

export const CreateApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120),
  scopes: z.array(ApiKeyScopeSchema).min(1).max(API_KEY_SCOPES.length),
  unitCode: UnitCodeSchema.optional().describe(
    'Province or commune the key acts in; defaults to your province',
  ),
});
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBodySchema>;

export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('First characters of the key, to tell keys apart'),
  scopes: z.array(ApiKeyScopeSchema),
  unitCode: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  actions: z.array(ActionSchema),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;
export const ApiKeysPageSchema = pageOf(ApiKeySchema);

export const ApiKeyCreatedSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ApiKeyScopeSchema),
  unitCode: z.string(),
  createdAt: z.string(),
  secret: z.string().describe('Shown once; send it as "Authorization: Bearer <secret>"'),
});
export type ApiKeyCreated = z.infer<typeof ApiKeyCreatedSchema>;

// ------------------------------------------------------------------------------------------------------- audit

const InstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const AuditQuerySchema = PageQuerySchema.extend({
  actor: z.string().min(1).max(100).optional().describe('User id of the actor'),
  entityType: z.string().min(1).max(100).optional(),
  entityId: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(100).optional(),
  from: InstantSchema.optional().describe('Inclusive; a bare date is that day in Asia/Ho_Chi_Minh'),
  to: InstantSchema.optional().describe('Exclusive; a bare date means up to the end of that day'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  apiKeyId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  entityName: z
    .string()
    .nullable()
    .describe(
      'The object in words where cheap to name (an account, team, member, hamlet or kind of help); null otherwise',
    ),
  provinceName: z.string().nullable().describe('The province the entry is placed in, by name'),
  communeName: z.string().nullable().describe('The commune or ward the entry is placed in, by name'),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = pageOf(AuditEntrySchema);

// ------------------------------------------------------------------------------------------------- mail outbox

export const OutboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'sent', 'captured', 'failed']),
  createdAt: z.string(),
});
export type OutboxMail = z.infer<typeof OutboxMailSchema>;
export const OutboxPageSchema = pageOf(OutboxMailSchema);
