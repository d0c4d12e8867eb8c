import type { z } from 'zod';
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
} from '../shared/contracts/accounts';
import {
  CalendarDayBodySchema,
  CalendarDaySchema,
  CalendarYearSchema,
  WorkingHoursBodySchema,
  WorkingHoursSchema,
} from '../shared/contracts/calendar';
import {
  CaseCategoryListSchema,
  CaseMapSchema,
  CreateCaseBodySchema,
  CreateCaseResultSchema,
  DisputeCaseBodySchema,
  DisputeCaseResultSchema,
  DuplicateListSchema,
  FollowCaseBodySchema,
  FollowCaseResultSchema,
  PublicCasePageSchema,
  PublicCaseSchema,
  RateCaseBodySchema,
  RateCaseResultSchema,
  SupportCaseBodySchema,
  SupportCaseResultSchema,
} from '../shared/contracts/cases';
import { ErrorBodySchema } from '../shared/contracts/errors';
import { CASE_HANDLING_CONTRACTS } from './features/case-handling/endpoint-contracts';
import { HELP_REQUEST_CONTRACTS } from './features/help-request-handling/endpoint-contracts';
import { QUESTION_CONTRACTS } from './features/questions/endpoint-contracts';
import {
  AccessLogPageSchema,
  BreachPageSchema,
  BreachSchema,
  CreateBreachBodySchema,
  CreateDataSubjectRequestBodySchema,
  DataSubjectRequestCreatedSchema,
  DataSubjectRequestPageSchema,
  DataSubjectRequestSchema,
  DataSubjectRequestStatusSchema,
  ErasureResultSchema,
  UpdateBreachBodySchema,
  UpdateDataSubjectRequestBodySchema,
  RevealBodySchema,
  RevealedPhoneSchema,
  VerifyDataSubjectRequestBodySchema,
} from '../shared/contracts/privacy';
import {
  NotificationPageSchema,
  NotificationPreferencesSchema,
  PutNotificationPreferencesBodySchema,
} from '../shared/contracts/notifications';
import {
  CreateServiceBodySchema,
  ServiceListResponseSchema,
  ServiceSchema,
  UpdateServiceBodySchema,
} from '../shared/contracts/services';
import {
  PutSupportRecordBodySchema,
  RetractBodySchema,
  ReviewBodySchema,
  ReviewResponseSchema,
  SupportListResponseSchema,
  SupportRecordSchema,
  SyncRequestSchema,
  SyncResponseSchema,
  TeamStatsSchema,
} from '../shared/contracts/support';
import {
  AddMemberBodySchema,
  CreateTeamBodySchema,
  DissolveTeamBodySchema,
  MemberResponseSchema,
  MergeTeamBodySchema,
  TeamDetailSchema,
  TeamListResponseSchema,
  UpdateMemberBodySchema,
  UpdateTeamBodySchema,
} from '../shared/contracts/teams';
import {
  CreateHamletBodySchema,
  HamletDetailSchema,
  ImportErrorBodySchema,
  ImportHamletsBodySchema,
  ImportHamletsResultSchema,
  MergeHamletBodySchema,
  RetireHamletBodySchema,
  UnitDetailSchema,
  UnitListResponseSchema,
  UpdateHamletBodySchema,
} from '../shared/contracts/units';

/**
 * The shared contract of each /api/v1 endpoint the web app calls, as the server's routes declare it (request body,
 * response per status), so the web tests' fake API (features/geography/fake-api.tsx) parses every body it fakes and
 * every body the app sends: a hand-written body that drifts from the contract fails the test that uses it. Errors
 * are `ErrorBodySchema` unless an endpoint names its own; 204 carries no body. Literal paths come before `:param`
 * ones, as the first match wins.
 */
export interface EndpointContract {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: z.ZodType;
  responses: Record<number, z.ZodType | null>;
}

const ok = (schema: z.ZodType) => ({ 200: schema });
const created = (schema: z.ZodType) => ({ 201: schema });
const noContent = { 204: null };

export const ENDPOINT_CONTRACTS: EndpointContract[] = [
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
  { method: 'GET', path: '/api/v1/privacy/access-log', responses: ok(AccessLogPageSchema) },
  { method: 'GET', path: '/api/v1/privacy/breaches', responses: ok(BreachPageSchema) },
  {
    method: 'POST',
    path: '/api/v1/privacy/breaches',
    body: CreateBreachBodySchema,
    responses: created(BreachSchema),
  },
  { method: 'GET', path: '/api/v1/privacy/breaches/:id', responses: ok(BreachSchema) },
  {
    method: 'PATCH',
    path: '/api/v1/privacy/breaches/:id',
    body: UpdateBreachBodySchema,
    responses: ok(BreachSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/privacy/requests',
    body: CreateDataSubjectRequestBodySchema,
    responses: { 202: DataSubjectRequestCreatedSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/privacy/requests/:id/verify',
    body: VerifyDataSubjectRequestBodySchema,
    responses: ok(DataSubjectRequestStatusSchema),
  },
  {
    method: 'GET',
    path: '/api/v1/privacy/requests/by-code/:code',
    responses: ok(DataSubjectRequestStatusSchema),
  },
  { method: 'GET', path: '/api/v1/privacy/requests', responses: ok(DataSubjectRequestPageSchema) },
  {
    method: 'PATCH',
    path: '/api/v1/privacy/requests/:id',
    body: UpdateDataSubjectRequestBodySchema,
    responses: ok(DataSubjectRequestSchema),
  },
  { method: 'POST', path: '/api/v1/privacy/requests/:id/erase', responses: ok(ErasureResultSchema) },
  {
    method: 'POST',
    path: '/api/v1/privacy/requests/:id/withdraw-consent',
    responses: ok(ErasureResultSchema),
  },
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
  { method: 'GET', path: '/api/v1/units', responses: ok(UnitListResponseSchema) },
  { method: 'GET', path: '/api/v1/units/:code', responses: ok(UnitDetailSchema) },
  {
    method: 'POST',
    path: '/api/v1/hamlets',
    body: CreateHamletBodySchema,
    responses: created(HamletDetailSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/hamlets/import',
    body: ImportHamletsBodySchema,
    responses: { 200: ImportHamletsResultSchema, 400: ImportErrorBodySchema },
  },
  { method: 'GET', path: '/api/v1/hamlets/:id', responses: ok(HamletDetailSchema) },
  {
    method: 'PATCH',
    path: '/api/v1/hamlets/:id',
    body: UpdateHamletBodySchema,
    responses: ok(HamletDetailSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/hamlets/:id/merge',
    body: MergeHamletBodySchema,
    responses: ok(HamletDetailSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/hamlets/:id/retire',
    body: RetireHamletBodySchema,
    responses: ok(HamletDetailSchema),
  },
  { method: 'GET', path: '/api/v1/services', responses: ok(ServiceListResponseSchema) },
  {
    method: 'POST',
    path: '/api/v1/services',
    body: CreateServiceBodySchema,
    responses: created(ServiceSchema),
  },
  {
    method: 'PATCH',
    path: '/api/v1/services/:code',
    body: UpdateServiceBodySchema,
    responses: ok(ServiceSchema),
  },
  // Citizens' cases (issue 10): literal paths before the ':id' ones.
  { method: 'GET', path: '/api/v1/case-categories', responses: ok(CaseCategoryListSchema) },
  {
    method: 'POST',
    path: '/api/v1/cases',
    body: CreateCaseBodySchema,
    responses: { 200: CreateCaseResultSchema, 201: CreateCaseResultSchema },
  },
  { method: 'GET', path: '/api/v1/cases', responses: ok(PublicCasePageSchema) },
  { method: 'GET', path: '/api/v1/cases/map', responses: ok(CaseMapSchema) },
  { method: 'GET', path: '/api/v1/cases/duplicates', responses: ok(DuplicateListSchema) },
  { method: 'GET', path: '/api/v1/cases/track/:code', responses: ok(PublicCaseSchema) },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/rate',
    body: RateCaseBodySchema,
    responses: ok(RateCaseResultSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/dispute',
    body: DisputeCaseBodySchema,
    responses: ok(DisputeCaseResultSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/support',
    body: SupportCaseBodySchema,
    responses: ok(SupportCaseResultSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/follow',
    body: FollowCaseBodySchema,
    responses: ok(FollowCaseResultSchema),
  },
  { method: 'GET', path: '/api/v1/calendars/:provinceCode', responses: ok(CalendarYearSchema) },
  {
    method: 'PUT',
    path: '/api/v1/calendars/:provinceCode/hours',
    body: WorkingHoursBodySchema,
    responses: ok(WorkingHoursSchema),
  },
  {
    method: 'PUT',
    path: '/api/v1/calendars/:provinceCode/days/:day',
    body: CalendarDayBodySchema,
    responses: ok(CalendarDaySchema),
  },
  { method: 'DELETE', path: '/api/v1/calendars/:provinceCode/days/:day', responses: noContent },
  { method: 'POST', path: '/api/v1/sync', body: SyncRequestSchema, responses: ok(SyncResponseSchema) },
  { method: 'GET', path: '/api/v1/support-records', responses: ok(SupportListResponseSchema) },
  {
    method: 'POST',
    path: '/api/v1/support-records/review',
    body: ReviewBodySchema,
    responses: ok(ReviewResponseSchema),
  },
  {
    method: 'PUT',
    path: '/api/v1/support-records/:id',
    body: PutSupportRecordBodySchema,
    responses: { 200: SupportRecordSchema, 201: SupportRecordSchema },
  },
  { method: 'GET', path: '/api/v1/support-records/:id', responses: ok(SupportRecordSchema) },
  {
    method: 'POST',
    path: '/api/v1/support-records/:id/retract',
    body: RetractBodySchema,
    responses: ok(SupportRecordSchema),
  },
  { method: 'GET', path: '/api/v1/teams', responses: ok(TeamListResponseSchema) },
  { method: 'POST', path: '/api/v1/teams', body: CreateTeamBodySchema, responses: created(TeamDetailSchema) },
  { method: 'GET', path: '/api/v1/teams/:id', responses: ok(TeamDetailSchema) },
  { method: 'PATCH', path: '/api/v1/teams/:id', body: UpdateTeamBodySchema, responses: ok(TeamDetailSchema) },
  {
    method: 'POST',
    path: '/api/v1/teams/:id/merge',
    body: MergeTeamBodySchema,
    responses: ok(TeamDetailSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/teams/:id/dissolve',
    body: DissolveTeamBodySchema,
    responses: ok(TeamDetailSchema),
  },
  { method: 'GET', path: '/api/v1/teams/:id/stats', responses: ok(TeamStatsSchema) },
  {
    method: 'POST',
    path: '/api/v1/teams/:id/members',
    body: AddMemberBodySchema,
    responses: created(MemberResponseSchema),
  },
  {
    method: 'PATCH',
    path: '/api/v1/teams/:id/members/:memberId',
    body: UpdateMemberBodySchema,
    responses: ok(MemberResponseSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/teams/:id/members/:memberId/reveal-phone',
    body: RevealBodySchema,
    responses: ok(RevealedPhoneSchema),
  },
  ...CASE_HANDLING_CONTRACTS,
  ...HELP_REQUEST_CONTRACTS,
  ...QUESTION_CONTRACTS,
];

function matches(pattern: string, pathname: string): boolean {
  const a = pattern.split('/');
  const b = pathname.split('/');
  return a.length === b.length && a.every((part, i) => part.startsWith(':') || part === b[i]);
}

export function findEndpointContract(method: string, pathname: string): EndpointContract | undefined {
  return ENDPOINT_CONTRACTS.find((c) => c.method === method && matches(c.path, pathname));
}

/**
 * Everything wrong with one faked exchange, as readable lines (empty when it keeps to the contract): the body the app
 * sent, and the answer's status and body.
 */
export function contractProblems(
  call: { method: string; pathname: string; body: unknown },
  answer: { status: number; body: unknown },
): string[] {
  const where = `${call.method} ${call.pathname}`;
  const contract = findEndpointContract(call.method, call.pathname);
  if (!contract) return [`${where}: no contract for this endpoint (add it to web/test-contracts.ts)`];
  const problems: string[] = [];
  const describe = (error: z.ZodError) =>
    error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  if (contract.body) {
    const sent = contract.body.safeParse(call.body);
    if (!sent.success)
      problems.push(`${where}: the app sent a body the contract refuses — ${describe(sent.error)}`);
  }
  const declared = contract.responses[answer.status];
  const schema = declared !== undefined ? declared : answer.status >= 400 ? ErrorBodySchema : undefined;
  if (schema === undefined) {
    problems.push(`${where}: the fake answers ${answer.status}, a status this endpoint never answers`);
  } else if (schema === null) {
    if (answer.body !== undefined) problems.push(`${where}: a ${answer.status} answer carries no body`);
  } else {
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) {
      problems.push(
        `${where}: the fake ${answer.status} body breaks the contract — ${describe(parsed.error)}`,
      );
    }
  }
  return problems;
}
