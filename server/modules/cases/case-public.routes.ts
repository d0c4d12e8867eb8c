import { z } from 'zod';
import {
  CaseCategoryListSchema,
  CaseCategoryQuerySchema,
  CaseCodeParamsSchema,
  CaseFileParamsSchema,
  CaseIdParamsSchema,
  CaseMapQuerySchema,
  CaseMapSchema,
  DisputeCaseBodySchema,
  DisputeCaseResultSchema,
  DuplicateListSchema,
  DuplicateQuerySchema,
  FollowCaseBodySchema,
  FollowCaseResultSchema,
  PublicCasePageSchema,
  PublicCaseQuerySchema,
  PublicCaseSchema,
  RateCaseBodySchema,
  RateCaseResultSchema,
  SupportCaseBodySchema,
  SupportCaseResultSchema,
  UnfollowQuerySchema,
} from '../../../shared/contracts/cases';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { auditContext } from '../../platform/http/request-meta';
import { publicAccess } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { CaseCitizenService } from './case-citizen.service';
import type { CaseIntakeService } from './case-intake.service';
import { registerCaseIntakeRoutes } from './case-intake.routes';
import type { CasePublicService } from './case-public.service';

/** Public answers the same for everyone: a shared cache may keep them a little while (the map is polled). */
const SHORT_PUBLIC = 'public, max-age=30';
/**
 * A public photo never changes under its id, but a moderator may hide it: a day bounds how long a cache may
 * still show a hidden photo.
 */
const PHOTO_PUBLIC = 'public, max-age=86400';

const citizenLimit = (max: number) => ({
  max,
  timeWindow: '10 minutes',
  errorResponseBuilder: () =>
    new AppError(
      'RATE_LIMITED',
      'Too many requests from this connection just now. Please wait a few minutes.',
      {
        messageVi: 'Có quá nhiều yêu cầu từ kết nối này. Vui lòng chờ vài phút.',
        headers: { 'retry-after': '600' },
      },
    ),
});

/**
 * The case engine's public routes (issue 10): categories, filing, the tracking page, list, map and duplicate
 * suggestions, the reporter's rating and dispute, "me too", following by e-mail, and the photos.
 */
export function registerCasePublicRoutes(
  app: ZodApp,
  deps: {
    intake: CaseIntakeService;
    publicCases: CasePublicService;
    citizen: CaseCitizenService;
    clock: Clock;
    provinceCode: string;
    uploadMaxBytes: number;
  },
) {
  const { publicCases, citizen, clock } = deps;
  registerCaseIntakeRoutes(app, deps);

  app.get(
    '/api/v1/case-categories',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['cases'],
        operationId: 'listCaseCategories',
        summary:
          'The active categories in their order (citizens’ by default; kind=proposal for teams’ themes)',
        querystring: CaseCategoryQuerySchema,
        response: { 200: CaseCategoryListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', SHORT_PUBLIC);
      return publicCases.listCategories(request.query.kind);
    },
  );

  app.get(
    '/api/v1/cases',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['cases'],
        operationId: 'listPublicCases',
        summary: 'Published reports and petitions, newest first, with filters and a bbox',
        querystring: PublicCaseQuerySchema,
        response: { 200: PublicCasePageSchema, ...errorResponses },
      },
    },
    async (request) => publicCases.list(request.query),
  );

  app.get(
    '/api/v1/cases/map',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['cases'],
        operationId: 'mapPublicCases',
        summary:
          'Published cases in a box as grid clusters (a one-case cluster carries its id, code, state, category)',
        querystring: CaseMapQuerySchema,
        response: { 200: CaseMapSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', SHORT_PUBLIC);
      return publicCases.map(request.query);
    },
  );

  app.get(
    '/api/v1/cases/duplicates',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['cases'],
        operationId: 'suggestDuplicateCases',
        summary:
          'Likely duplicates while reporting: same category, within 200 m, last 30 days, nearest first (≤ 5)',
        querystring: DuplicateQuerySchema,
        response: { 200: DuplicateListSchema, ...errorResponses },
      },
    },
    async (request) => publicCases.duplicates(request.query),
  );

  app.get(
    '/api/v1/cases/track/:code',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['cases'],
        operationId: 'trackCase',
        summary: 'A case’s public page by its tracking code (PAKN.yyyymmdd.nnnn)',
        params: CaseCodeParamsSchema,
        response: { 200: PublicCaseSchema, ...errorResponses },
      },
    },
    async (request) => publicCases.getByCode(request.params.code),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['cases'],
        operationId: 'getPublicCase',
        summary:
          'A case’s public page: state, deadline, public timeline and answer; text and photos once published',
        params: CaseIdParamsSchema,
        response: { 200: PublicCaseSchema, ...errorResponses },
      },
    },
    async (request) => publicCases.getById(request.params.id),
  );

  app.post(
    '/api/v1/cases/:id/rate',
    {
      config: { access: publicAccess(), rateLimit: citizenLimit(30) },
      schema: {
        tags: ['cases'],
        operationId: 'rateCase',
        summary: 'The reporter rates the answer (1–5, once) with the private token given at filing',
        params: CaseIdParamsSchema,
        body: RateCaseBodySchema,
        response: { 200: RateCaseResultSchema, ...errorResponses },
      },
    },
    async (request) => citizen.rate(request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/cases/:id/dispute',
    {
      config: { access: publicAccess(), rateLimit: citizenLimit(30) },
      schema: {
        tags: ['cases'],
        operationId: 'disputeCase',
        summary:
          'The reporter disputes the answer (once, within 7 days): the case is reopened with the agency',
        params: CaseIdParamsSchema,
        body: DisputeCaseBodySchema,
        response: { 200: DisputeCaseResultSchema, ...errorResponses },
      },
    },
    async (request) => citizen.dispute(request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/cases/:id/support',
    {
      config: { access: publicAccess(), rateLimit: citizenLimit(60) },
      schema: {
        tags: ['cases'],
        operationId: 'supportCase',
        summary: '"Me too": +1 once per device',
        params: CaseIdParamsSchema,
        body: SupportCaseBodySchema,
        response: { 200: SupportCaseResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      citizen.support(request.params.id, request.body.deviceId, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/cases/:id/follow',
    {
      config: { access: publicAccess(), rateLimit: citizenLimit(20) },
      schema: {
        tags: ['cases'],
        operationId: 'followCase',
        summary:
          'Be told of a case’s progress by e-mail (with the register’s consent text); every mail has an unfollow link',
        params: CaseIdParamsSchema,
        body: FollowCaseBodySchema,
        response: { 200: FollowCaseResultSchema, ...errorResponses },
      },
    },
    async (request) => citizen.follow(request.params.id, request.body, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/cases/unfollow',
    {
      config: { access: publicAccess() },
      schema: {
        tags: ['cases'],
        operationId: 'unfollowCase',
        summary: 'The link in a progress mail: no more mails, the address is cleared',
        querystring: UnfollowQuerySchema,
        response: { 200: FollowCaseResultSchema, ...errorResponses },
      },
    },
    async (request) => citizen.unfollow(request.query.token, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/case-files/:id/:variant',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['cases'],
        operationId: 'getCasePhoto',
        summary:
          'A case photo (WebP, no metadata): public once its case is published; otherwise for handlers in scope',
        params: CaseFileParamsSchema,
        response: { 200: z.unknown().describe('image/webp'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bytes, isPublic } = await publicCases.photo(
        request.actor,
        request.params.id,
        request.params.variant,
      );
      return reply
        .type('image/webp')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', isPublic ? PHOTO_PUBLIC : 'no-store')
        .send(bytes);
    },
  );
}
