import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resolveApiKeyActor, type Actor } from '../../platform/auth/actor';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import { auditContext } from '../../platform/http/request-meta';
import { publicAccess } from '../../platform/http/route-access';
import type { ZodApp } from '../../platform/http/route-types';
import { parseFormat, sendOpen311, splitIdAndFormat } from './open311-format';
import { parseForm, RequestsQuerySchema, type FormParams } from './open311-params';
import type { Open311Service } from './open311.service';

/**
 * /open311/v2/ (interfaces.md §3). Every resource answers in XML and JSON (`.xml`, `.json`); errors take the
 * GeoReport v2 shape through the platform's error handler (platform/http/open311-errors.ts). The routes are left out
 * of /api/v1's OpenAPI document: Open311 has its own specification, and discovery.{fmt} points to it.
 */
const FormatParams = z.object({ format: z.string().max(10) });
const FileParams = z.object({ file: z.string().max(200) });

/** The form's fields, whatever the client sent: a form body, or a flat JSON object of strings. */
function formOf(body: unknown): FormParams {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: FormParams = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
    else if (Array.isArray(v))
      out[k] = v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String);
  }
  return out;
}

/** The form's api_key as the caller, unless the request already carries one (a Bearer key or a session). */
async function withFormKey(
  db: Kysely<DB>,
  clock: Clock,
  request: FastifyRequest,
  form: FormParams,
): Promise<void> {
  const key = form.api_key;
  const secret = typeof key === 'string' ? key.trim() : undefined;
  if (!secret || request.actor.kind !== 'anonymous') return;
  const actor = await resolveApiKeyActor(db, secret, clock.now().toISOString());
  if (actor) (request as { actor: Actor }).actor = actor;
}

export function registerOpen311Routes(
  app: ZodApp,
  deps: { open311: Open311Service; clock: Clock; db: Kysely<DB> },
) {
  const { open311, clock, db } = deps;
  const read = { access: publicAccess('read') };
  // A form's api_key is resolved by the body parser (below), so POSTs declare the key scope like a Bearer call would.
  const write = { access: publicAccess('open311:write') };

  void app.register(async (scope: FastifyInstance) => {
    const api = scope as unknown as ZodApp;
    // FixMyStreet posts application/x-www-form-urlencoded. The form's api_key becomes the caller here, as a Bearer
    // header would earlier, so the rate limit (preValidation) counts the key and not the client's address.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      async (request: FastifyRequest, body: string) => {
        const form = parseForm(body);
        await withFormKey(db, clock, request, form);
        return form;
      },
    );

    api.get(
      '/open311/v2/discovery.:format',
      { config: read, schema: { hide: true, operationId: 'open311Discovery', params: FormatParams } },
      async (request, reply) =>
        sendOpen311(reply, parseFormat(request.params.format), 'discovery', open311.discovery()),
    );

    api.get(
      '/open311/v2/services.:format',
      { config: read, schema: { hide: true, operationId: 'open311Services', params: FormatParams } },
      async (request, reply) => {
        const format = parseFormat(request.params.format);
        return sendOpen311(reply, format, 'services', await open311.services());
      },
    );

    api.get(
      '/open311/v2/services/:file',
      { config: read, schema: { hide: true, operationId: 'open311ServiceDefinition', params: FileParams } },
      async (request, reply) => {
        const { id, format } = splitIdAndFormat(request.params.file);
        return sendOpen311(reply, format, 'service_definition', await open311.serviceDefinition(id));
      },
    );

    api.get(
      '/open311/v2/requests.:format',
      {
        config: read,
        schema: {
          hide: true,
          operationId: 'open311Requests',
          params: FormatParams,
          querystring: RequestsQuerySchema,
        },
      },
      async (request, reply) => {
        const format = parseFormat(request.params.format);
        return sendOpen311(reply, format, 'service_requests', await open311.listRequests(request.query));
      },
    );

    api.post(
      '/open311/v2/requests.:format',
      { config: write, schema: { hide: true, operationId: 'open311CreateRequest', params: FormatParams } },
      async (request, reply) => {
        const format = parseFormat(request.params.format);
        const form = formOf(request.body);
        await withFormKey(db, clock, request, form);
        const r = await open311.createRequest(auditContext(request, clock), form);
        return sendOpen311(reply, format, 'service_requests', r.body, r.created ? 201 : 200);
      },
    );

    api.get(
      '/open311/v2/requests/:file',
      { config: read, schema: { hide: true, operationId: 'open311Request', params: FileParams } },
      async (request, reply) => {
        const { id, format } = splitIdAndFormat(request.params.file);
        return sendOpen311(reply, format, 'service_requests', await open311.getRequest(id));
      },
    );

    // Every service is realtime: ids are answered at once, so no token is ever issued and none is known.
    api.get(
      '/open311/v2/tokens/:file',
      { config: read, schema: { hide: true, operationId: 'open311Token', params: FileParams } },
      async (request) => {
        splitIdAndFormat(request.params.file);
        throw notFound(
          'No such token: every service here is realtime.',
          'Không có token này: mọi dịch vụ trả mã ngay.',
        );
      },
    );

    api.get(
      '/open311/v2/servicerequestupdates.:format',
      {
        config: read,
        schema: {
          hide: true,
          operationId: 'open311Updates',
          params: FormatParams,
          querystring: RequestsQuerySchema,
        },
      },
      async (request, reply) => {
        const format = parseFormat(request.params.format);
        return sendOpen311(
          reply,
          format,
          'service_request_updates',
          await open311.listUpdates(request.query),
        );
      },
    );

    api.post(
      '/open311/v2/servicerequestupdates.:format',
      { config: write, schema: { hide: true, operationId: 'open311PostUpdate', params: FormatParams } },
      async (request, reply) => {
        const format = parseFormat(request.params.format);
        const form = formOf(request.body);
        await withFormKey(db, clock, request, form);
        const r = await open311.postUpdate(auditContext(request, clock), form);
        return sendOpen311(reply, format, 'service_request_updates', r.body, r.created ? 201 : 200);
      },
    );
  });
}
