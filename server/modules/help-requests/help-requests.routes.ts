import type { FastifyRequest } from 'fastify';
import {
  CreateHelpRequestBodySchema,
  CreateHelpRequestResultSchema,
  HelpRequestActionBodySchema,
  HelpRequestCodeParamsSchema,
  HelpRequestDetailSchema,
  HelpRequestIdParamsSchema,
  HelpRequestListQuerySchema,
  HelpRequestPageSchema,
  HelpRequestSettingsBodySchema,
  HelpRequestSettingsSchema,
  PublicHelpRequestSchema,
  RateHelpRequestBodySchema,
  RateHelpRequestResultSchema,
  RevealedHelpRequestContactSchema,
  RevealHelpRequestContactBodySchema,
  StaffHelpRequestBodySchema,
} from '../../../shared/contracts/help-requests';
import { UUID_PATTERN, uuidv7 } from '../../../shared/ids';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { auditContext } from '../../platform/http/request-meta';
import { publicAccess, sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { HelpRequestHandlingService } from './help-request-handling.service';
import type { HelpRequestIntakeService } from './help-request-intake.service';
import type { HelpRequestSettingsService } from './help-request-settings.service';
import { createHelpRequestStaffFiling } from './help-request-staff-filing';
import { invalid } from './help-requests.rules';

/** Requests one address may send in 10 minutes: a family or a commune's Wi-Fi sends a few; a script is stopped. */
export const HELP_REQUESTS_PER_ADDRESS = 10;

/** The client-made id of a filing: the body's, else the Idempotency-Key header's (a UUID), else a new one. */
function filingId(request: FastifyRequest, bodyId: string | undefined): string {
  const header = request.headers['idempotency-key'];
  const key = typeof header === 'string' ? header.trim().toLowerCase() : undefined;
  if (key !== undefined && !UUID_PATTERN.test(key)) {
    throw invalid(
      'headers.idempotency-key',
      'The Idempotency-Key must be a UUID.',
      'Idempotency-Key phải là một UUID.',
    );
  }
  return (bodyId ?? key ?? uuidv7()).toLowerCase();
}

const citizenLimit = (max: number, en: string, vi: string) => ({
  max,
  timeWindow: '10 minutes',
  errorResponseBuilder: () =>
    new AppError('RATE_LIMITED', en, { messageVi: vi, headers: { 'retry-after': '600' } }),
});

/**
 * Help requests' routes (issue 11). Public: filing (rate-limited per address here, per phone in the service),
 * the tracking page by code and the rating. Staff (signed-in people; API keys are refused): the scoped list, one
 * request, the workflow steps, the logged reveal of the phone and the province's settings. The service answers
 * 404 for a request out of the caller's reach.
 */
export function registerHelpRequestRoutes(
  app: ZodApp,
  deps: {
    intake: HelpRequestIntakeService;
    handling: HelpRequestHandlingService;
    settings: HelpRequestSettingsService;
    clock: Clock;
    provinceCode: string;
  },
) {
  const { intake, handling, settings, clock } = deps;
  // Staff filing is the intake with the deployment's province and a scope check: built here, beside its route.
  const staffFiling = createHelpRequestStaffFiling({ intake, provinceCode: deps.provinceCode });
  const tags = ['help requests'];
  const staff = { access: sessionOnly() };

  app.post(
    '/api/v1/help-requests',
    {
      config: {
        access: publicAccess(),
        rateLimit: citizenLimit(
          HELP_REQUESTS_PER_ADDRESS,
          'Many help requests were sent from this connection just now. Please wait a few minutes and send again.',
          'Có nhiều yêu cầu hỗ trợ vừa được gửi từ kết nối này. Vui lòng chờ vài phút rồi gửi lại.',
        ),
      },
      schema: {
        tags,
        operationId: 'createHelpRequest',
        summary:
          'Ask the hamlet’s team for help (201, with a tracking code and a private token); the same id (field or ' +
          'Idempotency-Key header) and content again → 200 "duplicate"; other content → 409. consent must be true',
        body: CreateHelpRequestBodySchema,
        response: {
          200: CreateHelpRequestResultSchema,
          201: CreateHelpRequestResultSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const id = filingId(request, b.id);
      const result = await intake.create(
        {
          id,
          submissionKey: `client:${id}`,
          provinceCode: deps.provinceCode,
          need: b.need,
          communeCode: b.communeCode,
          hamletId: b.hamletId ?? null,
          address: b.address || null,
          preferredTime: b.preferredTime || null,
          phone: b.phone,
          contactName: b.contactName || null,
          consent: b.consent,
          consentVersion: b.consentVersion ?? null,
          createdBy: request.actor.kind === 'user' ? request.actor.user.id : null,
        },
        auditContext(request, clock),
      );
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );

  // Staff record what a resident asked by phone or in person: no per-address limit (a commune office files many
  // calls from one connection); the per-phone limit of the intake still applies.
  app.post(
    '/api/v1/help-requests/staff-filed',
    {
      config: staff,
      schema: {
        tags,
        operationId: 'fileHelpRequestForResident',
        summary:
          'Record a request a resident made by phone or in person (officers, team leaders and members of the ' +
          'commune): 201 with the tracking code to read back; the same id and content again → 200 "duplicate"; ' +
          'consentConfirmed must be true (the consent is recorded with the channel and the recorder)',
        body: StaffHelpRequestBodySchema,
        response: {
          200: CreateHelpRequestResultSchema,
          201: CreateHelpRequestResultSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await staffFiling.fileForCaller(
        request.actor,
        filingId(request, request.body.id),
        request.body,
        auditContext(request, clock),
      );
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/v1/help-requests/track/:code',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags,
        operationId: 'trackHelpRequest',
        summary: 'A help request’s public status by its code (YCHT.yyyymmdd.nnnn): no name, phone or address',
        params: HelpRequestCodeParamsSchema,
        response: { 200: PublicHelpRequestSchema, ...errorResponses },
      },
    },
    async (request) => intake.track(request.params.code),
  );

  app.post(
    '/api/v1/help-requests/track/:code/rate',
    {
      config: {
        access: publicAccess(),
        rateLimit: citizenLimit(
          30,
          'Too many requests from this connection just now. Please wait a few minutes.',
          'Có quá nhiều yêu cầu từ kết nối này. Vui lòng chờ vài phút.',
        ),
      },
      schema: {
        tags,
        operationId: 'rateHelpRequest',
        summary: 'The requester rates the help (1–5, once, when done) with the private token given at filing',
        params: HelpRequestCodeParamsSchema,
        body: RateHelpRequestBodySchema,
        response: { 200: RateHelpRequestResultSchema, ...errorResponses },
      },
    },
    async (request) => intake.rate(request.params.code, request.body, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/help-requests',
    {
      config: staff,
      schema: {
        tags,
        operationId: 'listHelpRequests',
        summary:
          'Help requests in the caller’s reach (officers: their units; teams: their teams’ requests), newest first, ' +
          'phones masked',
        querystring: HelpRequestListQuerySchema,
        response: { 200: HelpRequestPageSchema, ...errorResponses },
      },
    },
    async (request) => handling.list(request.actor, request.query),
  );

  app.get(
    '/api/v1/help-requests/settings',
    {
      config: staff,
      schema: {
        tags,
        operationId: 'getHelpRequestSettings',
        summary: 'The province’s help-request settings (days the contact is kept after closing)',
        response: { 200: HelpRequestSettingsSchema, ...errorResponses },
      },
    },
    async (request) => settings.getSettings(request.actor, deps.provinceCode),
  );

  app.put(
    '/api/v1/help-requests/settings',
    {
      config: staff,
      schema: {
        tags,
        operationId: 'updateHelpRequestSettings',
        summary: 'Set the days a closed request’s contact is kept (province administrators)',
        body: HelpRequestSettingsBodySchema,
        response: { 200: HelpRequestSettingsSchema, ...errorResponses },
      },
    },
    async (request) =>
      settings.setSettings(
        request.actor,
        deps.provinceCode,
        request.body.retentionDays,
        auditContext(request, clock),
      ),
  );

  app.get(
    '/api/v1/help-requests/:id',
    {
      config: staff,
      schema: {
        tags,
        operationId: 'getHelpRequest',
        summary: 'One help request with its timeline and the caller’s actions (phone masked)',
        params: HelpRequestIdParamsSchema,
        response: { 200: HelpRequestDetailSchema, ...errorResponses },
      },
    },
    async (request) => handling.get(request.actor, request.params.id),
  );

  app.post(
    '/api/v1/help-requests/:id/actions',
    {
      config: staff,
      schema: {
        tags,
        operationId: 'takeHelpRequestAction',
        summary:
          'One step: assign (a member; officers may also give a team), schedule, not_reached, cancel. ' +
          'Completion comes from a support record naming the request (helpRequestId). 409 when the state moved',
        params: HelpRequestIdParamsSchema,
        body: HelpRequestActionBodySchema,
        response: { 200: HelpRequestDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      handling.act(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/help-requests/:id/reveal-contact',
    {
      config: staff,
      schema: {
        tags,
        operationId: 'revealHelpRequestContact',
        summary:
          'The requester’s full phone, for whoever must call, who states why (written to the access log)',
        params: HelpRequestIdParamsSchema,
        body: RevealHelpRequestContactBodySchema,
        response: { 200: RevealedHelpRequestContactSchema, ...errorResponses },
      },
    },
    async (request) =>
      handling.revealContact(
        request.actor,
        request.params.id,
        request.body.reason,
        auditContext(request, clock),
      ),
  );
}
