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
  VerifyDataSubjectRequestBodySchema,
} from '../../../shared/contracts/privacy';
import { created, ok, type EndpointContract } from '../../endpoint-contract';

/**
 * The personal-data endpoints the web calls (issue 9) — the access log, the breach register, data-subject requests —
 * for web/test-contracts.ts, whose fake API checks every body against them.
 */
export const PRIVACY_CONTRACTS: EndpointContract[] = [
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
];
