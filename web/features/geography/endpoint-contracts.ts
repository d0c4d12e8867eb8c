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
} from '../../../shared/contracts/units';
import { created, ok, type EndpointContract } from '../../endpoint-contract';

/**
 * Administrative units and hamlets (create, import, edit, merge, retire), for web/test-contracts.ts, whose fake API
 * checks every body against them. Literal paths come before `/:id`.
 */
export const GEOGRAPHY_CONTRACTS: EndpointContract[] = [
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
];
