import {
  CreateServiceBodySchema,
  ServiceListResponseSchema,
  ServiceSchema,
  UpdateServiceBodySchema,
} from '../../../shared/contracts/services';
import { created, ok, type EndpointContract } from '../../endpoint-contract';

/**
 * The catalogue of services the teams help with, for web/test-contracts.ts, whose fake API checks every body against
 * them.
 */
export const SERVICE_CONTRACTS: EndpointContract[] = [
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
];
