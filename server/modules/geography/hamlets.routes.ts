import {
  CreateHamletBodySchema,
  HamletDetailSchema,
  HamletParamsSchema,
  ImportErrorBodySchema,
  ImportHamletsBodySchema,
  ImportHamletsResultSchema,
  MAX_IMPORT_CSV_BYTES,
  MergeHamletBodySchema,
  RetireHamletBodySchema,
  UpdateHamletBodySchema,
} from '../../../shared/contracts/units';
import { ErrorBodySchema } from '../../../shared/contracts/errors';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { publicAccess, sessionOnly } from '../../platform/http/route-access';
import type { HamletImportService } from './hamlets-import.service';
import type { HamletsService } from './hamlets.service';

/** Hamlet reads are public; writes need hamlets.manage at the hamlet's commune. */
export function registerHamletsRoutes(
  app: ZodApp,
  deps: { hamlets: HamletsService; hamletImport: HamletImportService; clock: Clock },
) {
  const { hamlets, hamletImport, clock } = deps;

  app.post(
    '/api/v1/hamlets',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['geography'],
        operationId: 'createHamlet',
        summary: 'Create a hamlet (ấp, khu phố, thôn, tổ dân phố) in a current commune',
        body: CreateHamletBodySchema,
        response: { 201: HamletDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const hamlet = await hamlets.createHamlet(auditContext(request, clock), request.body);
      return reply.status(201).send(hamlet);
    },
  );

  app.post(
    '/api/v1/hamlets/import',
    {
      // The CSV may be 1 MiB of UTF-8; JSON escaping of quotes and line breaks makes the body somewhat larger.
      bodyLimit: MAX_IMPORT_CSV_BYTES * 3,
      config: { access: sessionOnly() },
      schema: {
        tags: ['geography'],
        operationId: 'importHamlets',
        summary: 'Import hamlets from CSV: dry run preview, or all-or-nothing import',
        body: ImportHamletsBodySchema,
        response: {
          200: ImportHamletsResultSchema,
          ...errorResponses,
          400: ImportErrorBodySchema,
          413: ErrorBodySchema,
        },
      },
    },
    async (request) => hamletImport.importHamlets(auditContext(request, clock), request.body),
  );

  app.get(
    '/api/v1/hamlets/:id',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['geography'],
        operationId: 'getHamlet',
        summary: 'A hamlet with its history and the actions the caller may take',
        params: HamletParamsSchema,
        response: { 200: HamletDetailSchema, ...errorResponses },
      },
    },
    async (request) => hamlets.getHamlet(request.actor, request.params.id.toLowerCase()),
  );

  app.patch(
    '/api/v1/hamlets/:id',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['geography'],
        operationId: 'updateHamlet',
        summary: 'Rename or edit a hamlet (the old values stay in its history)',
        params: HamletParamsSchema,
        body: UpdateHamletBodySchema,
        response: { 200: HamletDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      hamlets.updateHamlet(auditContext(request, clock), request.params.id.toLowerCase(), request.body),
  );

  app.post(
    '/api/v1/hamlets/:id/merge',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['geography'],
        operationId: 'mergeHamlet',
        summary: 'Merge a hamlet into another active hamlet of the same commune',
        params: HamletParamsSchema,
        body: MergeHamletBodySchema,
        response: { 200: HamletDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      hamlets.mergeHamlet(auditContext(request, clock), request.params.id.toLowerCase(), request.body.intoId),
  );

  app.post(
    '/api/v1/hamlets/:id/retire',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['geography'],
        operationId: 'retireHamlet',
        summary: 'Retire a hamlet; it stays in the records with its history',
        params: HamletParamsSchema,
        body: RetireHamletBodySchema,
        response: { 200: HamletDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      hamlets.retireHamlet(
        auditContext(request, clock),
        request.params.id.toLowerCase(),
        request.body.reason,
      ),
  );
}
