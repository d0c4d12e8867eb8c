import {
  PutSupportRecordBodySchema,
  RetractBodySchema,
  ReviewBodySchema,
  ReviewResponseSchema,
  SupportListResponseSchema,
  SupportRecordSchema,
  SyncRequestSchema,
  SyncResponseSchema,
} from '../../../shared/contracts/support';
import { ok, type EndpointContract } from '../../endpoint-contract';

/**
 * Support records (offline sync, lists, review, edits, retraction), for web/test-contracts.ts, whose fake API checks
 * every body against them. Literal paths come before `/:id`.
 */
export const SUPPORT_CONTRACTS: EndpointContract[] = [
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
];
