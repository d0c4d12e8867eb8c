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
} from '../../../shared/contracts/cases';
import { ok, type EndpointContract } from '../../endpoint-contract';

/**
 * The citizens' side of the cases (issue 10) — categories, filing, the public list, map and tracking page, rating,
 * dispute, "me too", following — for web/test-contracts.ts, whose fake API checks every body against them. The
 * handlers' side is in features/case-handling/endpoint-contracts.ts.
 */
export const CASE_CONTRACTS: EndpointContract[] = [
  // Literal paths before the handlers' '/api/v1/cases/:id' ones.
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
];
