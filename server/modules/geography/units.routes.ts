import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ProvinceGeoParamsSchema,
  UnitCodeParamsSchema,
  UnitDetailSchema,
  UnitListQuerySchema,
  UnitListResponseSchema,
} from '../../../shared/contracts/units';
import { AppError } from '../../platform/errors';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { publicAccess } from '../../platform/http/route-access';
import type { BoundariesService, BoundaryFile } from './boundaries.service';
import type { UnitsService } from './units.service';

/** Sent as stored (application/geo+json), never re-serialized; documented so clients know what 200 carries. */
const GEOJSON = z.unknown().describe('GeoJSON FeatureCollection (application/geo+json)');

/** Boundaries change only with a release: a day of caching, revalidated by ETag. */
function sendBoundary(
  request: FastifyRequest,
  reply: FastifyReply,
  file: BoundaryFile | null,
  what: string,
  whatVi: string,
) {
  if (!file)
    throw new AppError('NOT_FOUND', `No boundaries are available for ${what}.`, {
      messageVi: `Chưa có ranh giới cho ${whatVi}.`,
    });
  void reply.header('cache-control', 'public, max-age=86400').header('etag', file.etag);
  if (request.headers['if-none-match'] === file.etag) return reply.status(304).send();
  return reply.type('application/geo+json; charset=utf-8').send(file.body);
}

/** Official units and boundaries: public reads (no sign-in), the same for every caller except hamlet actions. */
export function registerUnitsRoutes(
  app: ZodApp,
  deps: { units: UnitsService; boundaries: BoundariesService },
) {
  const { units, boundaries } = deps;

  app.get(
    '/api/v1/units',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['geography'],
        operationId: 'listUnits',
        summary:
          'List administrative units (or a commune’s hamlets), current or on a date, with diacritic-free search',
        querystring: UnitListQuerySchema,
        response: { 200: UnitListResponseSchema, ...errorResponses },
      },
    },
    async (request) => units.listUnits(request.actor, request.query),
  );

  app.get(
    '/api/v1/units/:code',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['geography'],
        operationId: 'getUnit',
        summary: 'One unit: the current unit with this code, else the retired one with its successors',
        params: UnitCodeParamsSchema,
        response: { 200: UnitDetailSchema, ...errorResponses },
      },
    },
    async (request) => units.getUnit(request.params.code),
  );

  app.get(
    '/api/v1/geo/provinces.geojson',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['geography'],
        operationId: 'getProvinceBoundaries',
        summary: 'Simplified province boundaries (GeoJSON FeatureCollection with "source")',
        response: { 200: GEOJSON, 403: errorResponses[403], 404: errorResponses[404] },
      },
    },
    async (request, reply) =>
      sendBoundary(request, reply, boundaries.loadProvinces(), 'provinces', 'các tỉnh'),
  );

  app.get(
    '/api/v1/geo/communes/:provinceCode.geojson',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['geography'],
        operationId: 'getCommuneBoundaries',
        summary: 'Simplified commune boundaries of one province, where available',
        params: ProvinceGeoParamsSchema,
        response: { 200: GEOJSON, 400: errorResponses[400], 403: errorResponses[403], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const code = request.params.provinceCode;
      return sendBoundary(
        request,
        reply,
        boundaries.loadCommunesOf(code),
        `the communes of province ${code}`,
        `các xã của tỉnh ${code}`,
      );
    },
  );
}
