import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { uuidv7 } from '../../../shared/ids';
import { formatLocalDateTime } from '../../../shared/time/vietnam-time';
import type { Actor } from '../../platform/auth/actor';
import type { AuditContext } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { CaseIntakeInput, CaseIntakeResult } from '../cases/index';
import {
  normalisedParamsDigest,
  parseRefs,
  parseRequestParams,
  parseUpdateParams,
  parseWindow,
  type FormParams,
  type RequestsQuery,
} from './open311-params';
import type { Open311UpdatesService } from './open311-updates.service';
import {
  presentRequest,
  presentService,
  presentServiceDefinition,
  presentUpdate,
  type PresentContext,
  type XmlObject,
} from './open311.presenter';
import type { Open311Repository } from './open311.repository';

/** An Open311 client's retry of the same submission within this window is the same request (interfaces.md §3). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;

export interface Open311Deps {
  db: Kysely<DB>;
  clock: Clock;
  repo: Open311Repository;
  updates: Open311UpdatesService;
  /** The cases module's one write path for a new case. */
  createCase: (input: CaseIntakeInput, ctx: AuditContext) => Promise<CaseIntakeResult>;
  /** The deployment's province: its categories are the services, its cases the requests. */
  provinceCode: string;
  publicUrl: string;
  /** Who to write to about the endpoint (discovery's `contact`). */
  contact: string;
}

const FORBIDDEN_KEY = () =>
  new AppError('FORBIDDEN', 'An api_key with the open311:write scope is required.', {
    messageVi: 'Cần api_key có quyền open311:write.',
  });

/** The API key a write comes from: a Bearer header or the form's api_key (both resolved into request.actor). */
export function writerKey(actor: Actor, provinceCode: string): string {
  if (actor.kind !== 'apiKey' || !actor.scopes.includes('open311:write')) throw FORBIDDEN_KEY();
  // A key issued in another province speaks for nobody here.
  if (!actor.grants.some((g) => g.provinceCode === provinceCode)) throw FORBIDDEN_KEY();
  return actor.keyId;
}

export function createOpen311Service(deps: Open311Deps) {
  const { repo, clock, provinceCode } = deps;
  const present: PresentContext = { publicUrl: deps.publicUrl };
  const endpointUrl = `${deps.publicUrl}/open311/v2`;

  return {
    discovery(): XmlObject {
      // The changeset moves when the API's shape does, not with data; it is the date of this version of it.
      const changeset = '2026-12-06T00:00:00+07:00';
      return {
        changeset,
        contact: deps.contact,
        key_service: `${deps.publicUrl}/admin — API keys with the open311:write scope (POST /api/v1/api-keys)`,
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: endpointUrl,
            changeset,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      };
    },

    async services(): Promise<XmlObject[]> {
      return (await repo.listCategories(provinceCode)).map(presentService);
    },

    async serviceDefinition(code: string): Promise<XmlObject> {
      const row = await repo.getCategory(provinceCode, code);
      if (!row) throw notFound('No such service.', 'Không có dịch vụ (lĩnh vực) này.');
      return presentServiceDefinition(row);
    },

    async listRequests(q: RequestsQuery): Promise<XmlObject[]> {
      if (q.service_request_id !== undefined && q.service_request_id.trim() !== '') {
        const rows = await repo.requestsByRefs(provinceCode, parseRefs(q.service_request_id));
        return rows.map((r) => presentRequest(r, present));
      }
      const w = parseWindow(q, clock.now());
      const serviceCode = q.service_code?.trim() || undefined;
      const rows = await repo.listRequests({
        provinceCode,
        ...(serviceCode ? { serviceCode } : {}),
        start: w.start,
        end: w.end,
        ...(w.status ? { status: w.status } : {}),
        limit: w.pageSize,
        offset: (w.page - 1) * w.pageSize,
      });
      return rows.map((r) => presentRequest(r, present));
    },

    async getRequest(ref: string): Promise<XmlObject[]> {
      const rows = await repo.requestsByRefs(provinceCode, [ref]);
      if (rows.length === 0) throw notFound('No such service request.', 'Không tìm thấy phản ánh này.');
      return rows.map((r) => presentRequest(r, present));
    },

    async createRequest(
      ctx: AuditContext,
      params: FormParams,
    ): Promise<{ created: boolean; body: XmlObject[] }> {
      const keyId = writerKey(ctx.actor, provinceCode);
      const p = parseRequestParams(params);
      const category = await repo.getCategory(provinceCode, p.serviceCode);
      if (!category) throw notFound('No such service.', 'Không có dịch vụ (lĩnh vực) này.');
      const kinds = JSON.parse(category.kinds_json) as string[];
      const submissionKey = `open311:${keyId}:${normalisedParamsDigest(params)}`;
      // Idempotent for 24 hours: after that the same submission is a new request, so the old key is let go.
      await deps.db
        .deleteFrom('case_submissions')
        .where('key', '=', submissionKey)
        .where('created_at', '<', new Date(clock.now().getTime() - IDEMPOTENCY_WINDOW_MS).toISOString())
        .execute();
      const result = await deps.createCase(
        {
          id: uuidv7(),
          submissionKey,
          kind: kinds.includes('report') ? 'report' : 'petition',
          provinceCode,
          categoryCode: category.code,
          title: null,
          description: p.description,
          location: p.location,
          // Found from the point by the intake; with an address only it stays unknown until a handler places it.
          communeCode: null,
          addressText: p.addressString,
          attributes: p.attributes,
          reporter: { name: p.name, phone: p.phone, email: p.email, showName: false, consentVersion: null },
          source: 'open311',
          channel: 'open311',
          apiKeyId: keyId,
          externalRef: p.accountId ?? p.deviceId,
          mediaUrl: p.mediaUrl,
        },
        ctx,
      );
      return {
        created: result.status === 'created',
        body: [
          {
            service_request_id: result.code,
            service_notice: `Đã nhận phản ánh ${result.code}. Hạn tiếp nhận: ${formatLocalDateTime(result.acceptDueAt)}.`,
            account_id: p.accountId,
          },
        ],
      };
    },

    async listUpdates(q: RequestsQuery): Promise<XmlObject[]> {
      const w = parseWindow(q, clock.now());
      const rows = await repo.listUpdates({
        provinceCode,
        start: w.start,
        end: w.end,
        limit: w.pageSize,
        offset: (w.page - 1) * w.pageSize,
      });
      return rows.map((r) => presentUpdate(r, present));
    },

    async postUpdate(
      ctx: AuditContext,
      params: FormParams,
    ): Promise<{ created: boolean; body: XmlObject[] }> {
      const keyId = writerKey(ctx.actor, provinceCode);
      const p = parseUpdateParams(params);
      const r = await deps.updates.post({ ...ctx, keyId }, p);
      return { created: r.status === 'created', body: [{ update_id: r.updateId }] };
    },
  };
}
export type Open311Service = ReturnType<typeof createOpen311Service>;
