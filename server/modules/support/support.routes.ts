import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  PutSupportRecordBodySchema,
  ConsentWithdrawalBodySchema,
  RetractBodySchema,
  ReviewBodySchema,
  ReviewResponseSchema,
  SupportFilterSchema,
  SupportListQuerySchema,
  SupportListResponseSchema,
  SupportRecordParamsSchema,
  SupportRecordSchema,
  SyncRequestSchema,
  SyncResponseSchema,
  TeamStatsQuerySchema,
  TeamStatsSchema,
} from '../../../shared/contracts/support';
import { TeamParamsSchema } from '../../../shared/contracts/teams';
import type { Clock } from '../../platform/clock';
import { auditContext, requestMeta } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { sessionOnly, userOrApiKey } from '../../platform/http/route-access';
import type { SupportListsService } from './support-lists.service';
import type { SupportRecordsService } from './support-records.service';
import { localDateOf } from '../../../shared/time/vietnam-time';

/** A full batch with long Vietnamese notes (3 bytes a letter) exceeds the default 1 MB body limit. */
const SYNC_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * PUT and /sync keep their schemas for the OpenAPI but validate each record in the service: a bad record gets
 * bilingual per-field messages, in a batch it never rejects the others, and the hot path parses a body once.
 */
const validatedByService = () => (data: unknown) => ({ value: data });

/** The field support log (interfaces.md §2), its reviews, lists, export and the team page's figures. */
export function registerSupportRoutes(
  app: ZodApp,
  deps: { records: SupportRecordsService; lists: SupportListsService; clock: Clock },
) {
  const { records, lists, clock } = deps;

  app.put(
    '/api/v1/support-records/:id',
    {
      validatorCompiler: validatedByService,
      config: { access: userOrApiKey('sync:write') },
      schema: {
        tags: ['support'],
        operationId: 'putSupportRecord',
        summary:
          'Store a support record made on a device (201); the same record again → 200; other content → 409',
        params: SupportRecordParamsSchema,
        body: PutSupportRecordBodySchema,
        response: { 200: SupportRecordSchema, 201: SupportRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = String((request.params as { id?: unknown }).id ?? '');
      const { status, record } = await records.putRecord(
        request.actor,
        id,
        request.body as unknown,
        requestMeta(request),
      );
      return reply.status(status === 'created' ? 201 : 200).send(record);
    },
  );

  app.get(
    '/api/v1/support-records/:id',
    {
      config: { access: userOrApiKey('read') },
      schema: {
        tags: ['support'],
        operationId: 'getSupportRecord',
        summary: 'One support record (its author, reviewers and exporters in scope)',
        params: SupportRecordParamsSchema,
        response: { 200: SupportRecordSchema, ...errorResponses },
      },
    },
    async (request) => records.getRecord(request.actor, request.params.id),
  );

  app.post(
    '/api/v1/sync',
    {
      validatorCompiler: validatedByService,
      bodyLimit: SYNC_BODY_LIMIT,
      config: { access: userOrApiKey('sync:write') },
      schema: {
        tags: ['support'],
        operationId: 'syncSupportRecords',
        summary:
          'Offline outbox sync: up to 500 records, one result per record in input order; safe to resend',
        body: SyncRequestSchema,
        response: { 200: SyncResponseSchema, ...errorResponses },
      },
    },
    async (request) => records.syncRecords(request.actor, request.body as unknown, requestMeta(request)),
  );

  app.post(
    '/api/v1/support-records/:id/consent-withdrawal',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['support'],
        operationId: 'withdrawSupportConsent',
        summary:
          'The person helped withdraws consent: note and location are cleared on every version (its author or a reviewer)',
        params: SupportRecordParamsSchema,
        body: ConsentWithdrawalBodySchema,
        response: { 200: SupportRecordSchema, ...errorResponses },
      },
    },
    async (request) =>
      records.withdrawConsent(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/support-records/:id/retract',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['support'],
        operationId: 'retractSupportRecord',
        summary: 'Withdraw a record with a reason (its author or a reviewer); it stays stored and marked',
        params: SupportRecordParamsSchema,
        body: RetractBodySchema,
        response: { 200: SupportRecordSchema, ...errorResponses },
      },
    },
    async (request) =>
      records.retractRecord(
        request.actor,
        request.params.id,
        request.body.reason,
        auditContext(request, clock),
      ),
  );

  app.post(
    '/api/v1/support-records/review',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['support'],
        operationId: 'reviewSupportRecords',
        summary: 'Mark records reviewed or flagged (support.review); flagged authors are notified',
        body: ReviewBodySchema,
        response: { 200: ReviewResponseSchema, ...errorResponses },
      },
    },
    async (request) => records.reviewRecords(request.actor, request.body, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/support-records',
    {
      config: { access: userOrApiKey('read') },
      schema: {
        tags: ['support'],
        operationId: 'listSupportRecords',
        summary:
          'Support records in the caller’s scope (support.review), or `mine=true` for one’s own history',
        querystring: SupportListQuerySchema,
        response: { 200: SupportListResponseSchema, ...errorResponses },
      },
    },
    async (request) => lists.listRecords(request.actor, request.query),
  );

  app.get(
    '/api/v1/support-records/export.csv',
    {
      config: { access: userOrApiKey('read') },
      schema: {
        tags: ['support'],
        operationId: 'exportSupportRecordsCsv',
        summary: 'CSV export (support.export; UTF-8 with BOM, times dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh)',
        querystring: SupportFilterSchema,
        response: { 200: z.unknown().describe('text/csv; one line per record'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const lines = await lists.exportCsv(request.actor, request.query);
      const day = localDateOf(clock.now()).replace(/-/g, '');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="luot-ho-tro-${day}.csv"`)
        .send(Readable.from(lines));
    },
  );

  app.get(
    '/api/v1/teams/:id/stats',
    {
      config: { access: userOrApiKey('read') },
      schema: {
        tags: ['support'],
        operationId: 'getTeamStats',
        summary:
          'The team page’s figures: by service and ISO week, people reached, members’ activity, targets',
        params: TeamParamsSchema,
        querystring: TeamStatsQuerySchema,
        response: { 200: TeamStatsSchema, ...errorResponses },
      },
    },
    async (request) => lists.teamStats(request.actor, request.params.id, request.query),
  );
}
