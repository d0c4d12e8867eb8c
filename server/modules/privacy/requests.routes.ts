import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/contracts/accounts';
import {
  CreateDataSubjectRequestBodySchema,
  DataSubjectRequestCodeParamsSchema,
  DataSubjectExportSchema,
  DataSubjectRequestCreatedSchema,
  ErasureResultSchema,
  DataSubjectRequestPageSchema,
  DataSubjectRequestQuerySchema,
  DataSubjectRequestSchema,
  DataSubjectRequestStatusSchema,
  UpdateDataSubjectRequestBodySchema,
  VerifyDataSubjectRequestBodySchema,
} from '../../../shared/contracts/privacy';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { publicAccess, sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { RequestsService } from './requests.service';
import { renderExportPdf } from './requests.pdf';

/** Data-subject requests: filed and followed by anyone (proven by a one-time code), handled by province administrators. */
export function registerRequestRoutes(app: ZodApp, deps: { requests: RequestsService; clock: Clock }) {
  const { requests, clock } = deps;

  app.post(
    '/api/v1/privacy/requests',
    {
      // Per address here; per contact in the service (a contact is sent at most 3 codes a day).
      config: { access: publicAccess(), rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: {
        tags: ['privacy'],
        operationId: 'fileDataSubjectRequest',
        summary: 'Ask to access, correct, delete, restrict, withdraw consent or object; a 6-digit code goes to the contact',
        body: CreateDataSubjectRequestBodySchema,
        response: { 202: DataSubjectRequestCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await requests.create(request.body, auditContext(request, clock))),
  );

  app.post(
    '/api/v1/privacy/requests/:id/verify',
    {
      config: { access: publicAccess() },
      schema: {
        tags: ['privacy'],
        operationId: 'verifyDataSubjectRequest',
        summary: 'Confirm a request with the code sent to its contact: it is then due in 2 working days',
        params: IdParamsSchema,
        body: VerifyDataSubjectRequestBodySchema,
        response: { 200: DataSubjectRequestStatusSchema, ...errorResponses },
      },
    },
    async (request) => requests.verify(request.params.id, request.body.code, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/privacy/requests/by-code/:code',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['privacy'],
        operationId: 'getDataSubjectRequestStatus',
        summary: 'Where a request stands, by its tracking code (no personal data in the answer)',
        params: DataSubjectRequestCodeParamsSchema,
        response: { 200: DataSubjectRequestStatusSchema, ...errorResponses },
      },
    },
    async (request) => requests.statusByCode(request.params.code),
  );

  app.get(
    '/api/v1/privacy/requests',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'listDataSubjectRequests',
        summary: 'The handlers’ queue, earliest deadline first, with overdue flags (province administrators)',
        querystring: DataSubjectRequestQuerySchema,
        response: { 200: DataSubjectRequestPageSchema, ...errorResponses },
      },
    },
    async (request) => requests.list(request.actor, request.query),
  );

  app.patch(
    '/api/v1/privacy/requests/:id',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'updateDataSubjectRequest',
        summary: 'Take a request in hand, complete it or reject it with what was done or why not',
        params: IdParamsSchema,
        body: UpdateDataSubjectRequestBodySchema,
        response: { 200: DataSubjectRequestSchema, ...errorResponses },
      },
    },
    async (request) => requests.update(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/privacy/requests/:id/export',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'exportDataSubjectData',
        summary: 'Everything the platform holds about the request’s contact, across modules (written to the access log)',
        params: IdParamsSchema,
        response: { 200: DataSubjectExportSchema, ...errorResponses },
      },
    },
    async (request) => requests.exportData(request.actor, request.params.id, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/privacy/requests/:id/erase',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'eraseDataSubjectData',
        summary: 'Carry out a deletion request: every module anonymises the contact’s data; counts stay',
        params: IdParamsSchema,
        response: { 200: ErasureResultSchema, ...errorResponses },
      },
    },
    async (request) => requests.erase(request.actor, request.params.id, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/privacy/requests/:id/withdraw-consent',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'withdrawDataSubjectConsent',
        summary: 'Carry out a withdrawal request: every consent the contact gave is withdrawn and honoured by its module',
        params: IdParamsSchema,
        response: { 200: ErasureResultSchema, ...errorResponses },
      },
    },
    async (request) => requests.withdrawConsents(request.actor, request.params.id, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/privacy/requests/:id/export.pdf',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['privacy'],
        operationId: 'exportDataSubjectDataPdf',
        summary: 'The same export as a PDF to hand or send to the person (Vietnamese and English)',
        params: IdParamsSchema,
        response: { 200: z.unknown().describe('application/pdf'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const data = await requests.exportData(request.actor, request.params.id, auditContext(request, clock));
      const pdf = await renderExportPdf(data);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="du-lieu-ca-nhan-${data.code}.pdf"`)
        .send(pdf);
    },
  );
}
