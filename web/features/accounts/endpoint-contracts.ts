import {
  AcceptInvitationBodySchema,
  AcceptedResponseSchema,
  ApiKeyCreatedSchema,
  ApiKeysPageSchema,
  AuditPageSchema,
  ChangePasswordBodySchema,
  CreateApiKeyBodySchema,
  CreateGrantBodySchema,
  CreateInvitationBodySchema,
  InvitationCreatedSchema,
  InvitationViewSchema,
  LoginBodySchema,
  LoginResponseSchema,
  MeResponseSchema,
  OutboxPageSchema,
  PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema,
  UpdateProfileBodySchema,
  UpdateUserBodySchema,
  UserDetailSchema,
  UserGrantSchema,
  UserSchema,
  UsersPageSchema,
} from '../../../shared/contracts/accounts';
import {
  NotificationPageSchema,
  NotificationPreferencesSchema,
  PutNotificationPreferencesBodySchema,
} from '../../../shared/contracts/notifications';
import { RevealBodySchema, RevealedPhoneSchema } from '../../../shared/contracts/privacy';
import { created, noContent, ok, type EndpointContract } from '../../endpoint-contract';

/**
 * The accounts endpoints the web calls — signing in and out, password reset, one's own profile, API keys, the audit log
 * and outbox, invitations, users and their grants — for web/test-contracts.ts, whose fake API checks every body against
 * them.
 */
export const ACCOUNT_CONTRACTS: EndpointContract[] = [
  { method: 'POST', path: '/api/v1/auth/login', body: LoginBodySchema, responses: ok(LoginResponseSchema) },
  { method: 'POST', path: '/api/v1/auth/logout', responses: noContent },
  { method: 'POST', path: '/api/v1/auth/logout-all', responses: noContent },
  {
    method: 'POST',
    path: '/api/v1/auth/password-reset/confirm',
    body: PasswordResetConfirmBodySchema,
    responses: noContent,
  },
  {
    method: 'POST',
    path: '/api/v1/auth/password-reset',
    body: PasswordResetRequestBodySchema,
    responses: { 202: AcceptedResponseSchema },
  },
  { method: 'GET', path: '/api/v1/me', responses: ok(MeResponseSchema) },
  { method: 'PATCH', path: '/api/v1/me', body: UpdateProfileBodySchema, responses: ok(UserSchema) },
  { method: 'POST', path: '/api/v1/me/password', body: ChangePasswordBodySchema, responses: noContent },
  { method: 'GET', path: '/api/v1/api-keys', responses: ok(ApiKeysPageSchema) },
  {
    method: 'POST',
    path: '/api/v1/api-keys',
    body: CreateApiKeyBodySchema,
    responses: created(ApiKeyCreatedSchema),
  },
  { method: 'DELETE', path: '/api/v1/api-keys/:id', responses: noContent },
  { method: 'GET', path: '/api/v1/audit', responses: ok(AuditPageSchema) },
  { method: 'GET', path: '/api/v1/outbox', responses: ok(OutboxPageSchema) },
  {
    method: 'POST',
    path: '/api/v1/invitations',
    body: CreateInvitationBodySchema,
    responses: created(InvitationCreatedSchema),
  },
  { method: 'GET', path: '/api/v1/invitations/:token', responses: ok(InvitationViewSchema) },
  {
    method: 'POST',
    path: '/api/v1/invitations/:token/accept',
    body: AcceptInvitationBodySchema,
    responses: ok(LoginResponseSchema),
  },
  { method: 'GET', path: '/api/v1/users', responses: ok(UsersPageSchema) },
  { method: 'GET', path: '/api/v1/users/:id', responses: ok(UserDetailSchema) },
  { method: 'PATCH', path: '/api/v1/users/:id', body: UpdateUserBodySchema, responses: ok(UserDetailSchema) },
  {
    method: 'POST',
    path: '/api/v1/users/:id/grants',
    body: CreateGrantBodySchema,
    responses: created(UserGrantSchema),
  },
  { method: 'DELETE', path: '/api/v1/users/:id/grants/:grantId', responses: noContent },
  {
    method: 'POST',
    path: '/api/v1/users/:id/reveal-phone',
    body: RevealBodySchema,
    responses: ok(RevealedPhoneSchema),
  },
];

/** One's notifications and their preferences, for web/test-contracts.ts. */
export const NOTIFICATION_CONTRACTS: EndpointContract[] = [
  { method: 'GET', path: '/api/v1/notifications', responses: ok(NotificationPageSchema) },
  { method: 'POST', path: '/api/v1/notifications/read-all', responses: noContent },
  { method: 'GET', path: '/api/v1/notifications/preferences', responses: ok(NotificationPreferencesSchema) },
  {
    method: 'PUT',
    path: '/api/v1/notifications/preferences',
    body: PutNotificationPreferencesBodySchema,
    responses: ok(NotificationPreferencesSchema),
  },
  { method: 'POST', path: '/api/v1/notifications/:id/read', responses: noContent },
];
