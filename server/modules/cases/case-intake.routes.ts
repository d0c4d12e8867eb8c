import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  CreateCaseBodySchema,
  CreateCaseResultSchema,
  MAX_CASE_PHOTOS,
} from '../../../shared/contracts/cases';
import type { ErrorDetail } from '../../../shared/contracts/errors';
import type { Clock } from '../../platform/clock';
import { AppError, validation } from '../../platform/errors';
import { auditContext } from '../../platform/http/request-meta';
import { publicAccess } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { invalid } from './case-intake.rules';
import type { CaseIntakeService } from './case-intake.service';

/** Reports one address may send in 10 minutes: a family or a commune Wi-Fi reports a few; a script is stopped. */
export const REPORTS_PER_ADDRESS = 20;

const VI: Record<string, string> = {
  invalid_type: 'Thiếu hoặc sai kiểu dữ liệu.',
  too_small: 'Nội dung quá ngắn hoặc giá trị quá nhỏ.',
  too_big: 'Nội dung quá dài hoặc giá trị quá lớn.',
  invalid_format: 'Sai định dạng.',
  invalid_value: 'Giá trị không nằm trong danh sách cho phép.',
  unrecognized_keys: 'Có trường không được phép gửi lên.',
};

/** The contract's refusals as the error model's field details (the multipart part is validated here, not by Fastify). */
function bodyIssues(error: z.ZodError): AppError {
  const details: ErrorDetail[] = error.issues.map((i) => ({
    path: ['body', ...i.path.map(String)].join('.'),
    message: i.message,
    messageVi: VI[i.code] ?? 'Giá trị không hợp lệ.',
  }));
  return validation(details);
}

/**
 * The report and its photos from either form of the request: JSON alone, or multipart with the JSON as the `data`
 * field and up to five `photos` parts (the plugin's limits, set from config.uploads, stop an oversized part while it
 * streams).
 */
async function readSubmission(
  request: FastifyRequest,
  maxMb: string,
): Promise<{ raw: unknown; photos: Buffer[] }> {
  if (!request.isMultipart()) return { raw: request.body, photos: [] };
  let data: string | undefined;
  const photos: Buffer[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname !== 'photos') continue;
        if (photos.length >= MAX_CASE_PHOTOS)
          throw invalid('photos', `At most ${MAX_CASE_PHOTOS} photos.`, `Tối đa ${MAX_CASE_PHOTOS} ảnh.`);
        photos.push(bytes);
      } else if (part.fieldname === 'data') {
        data = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `A photo is larger than ${maxMb} MB.`, {
        messageVi: `Có ảnh lớn hơn ${maxMb} MB.`,
      });
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw invalid('photos', `At most ${MAX_CASE_PHOTOS} photos.`, `Tối đa ${MAX_CASE_PHOTOS} ảnh.`);
    }
    throw error;
  }
  if (data === undefined)
    throw invalid(
      'body.data',
      'The report itself (the "data" field) is missing.',
      'Thiếu nội dung phản ánh (trường "data").',
    );
  try {
    return { raw: JSON.parse(data) as unknown, photos };
  } catch {
    throw invalid(
      'body.data',
      'The "data" field is not valid JSON.',
      'Trường "data" không phải JSON hợp lệ.',
    );
  }
}

/** POST /api/v1/cases: a citizen's report or petition, with photos, from the web form (anyone; no API keys). */
export function registerCaseIntakeRoutes(
  app: ZodApp,
  deps: { intake: CaseIntakeService; clock: Clock; uploadMaxBytes: number; provinceCode: string },
) {
  const { intake, clock } = deps;
  const maxMb = (deps.uploadMaxBytes / 1024 / 1024).toFixed(
    deps.uploadMaxBytes % (1024 * 1024) === 0 ? 0 : 1,
  );

  app.post(
    '/api/v1/cases',
    {
      // Validated in the handler: a multipart request's JSON arrives as a field, after the body stage.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      config: {
        access: publicAccess(),
        // Per address here; per phone or e-mail in the service (MAX_CASES_PER_CONTACT_PER_DAY).
        rateLimit: {
          max: REPORTS_PER_ADDRESS,
          timeWindow: '10 minutes',
          errorResponseBuilder: () =>
            new AppError(
              'RATE_LIMITED',
              'Many reports were sent from this connection just now. Please wait a few minutes and send again.',
              {
                messageVi:
                  'Có nhiều phản ánh vừa được gửi từ kết nối này. Vui lòng chờ vài phút rồi gửi lại.',
                headers: { 'retry-after': '600' },
              },
            ),
        },
      },
      schema: {
        tags: ['cases'],
        operationId: 'createCase',
        summary:
          'Report a problem or send a petition (201); the same id and content again → 200 "duplicate"; other content → 409. ' +
          'multipart/form-data: this JSON as the field "data" and up to 5 "photos" parts (JPEG, PNG, WebP, AVIF); or JSON alone',
        body: CreateCaseBodySchema,
        response: { 200: CreateCaseResultSchema, 201: CreateCaseResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { raw, photos } = await readSubmission(request, maxMb);
      const parsed = CreateCaseBodySchema.safeParse(raw);
      if (!parsed.success) throw bodyIssues(parsed.error);
      const b = parsed.data;
      const result = await intake.createCase(
        {
          id: b.id.toLowerCase(),
          submissionKey: `client:${b.id.toLowerCase()}`,
          kind: b.kind,
          provinceCode: deps.provinceCode,
          categoryCode: b.categoryCode,
          title: b.title ?? null,
          description: b.description,
          location: b.location ?? null,
          communeCode: b.communeCode ?? null,
          hamletId: b.hamletId ?? null,
          addressText: b.addressText ?? null,
          attributes: b.attributes ?? {},
          reporter: {
            name: b.name ?? null,
            phone: b.phone ?? null,
            email: b.email ?? null,
            showName: b.showName,
            consentVersion: b.contactConsentVersion ?? null,
          },
          source: 'web',
          channel: 'web',
          createdBy: request.actor.kind === 'user' ? request.actor.user.id : null,
          photos,
          addressForLimits: request.ip,
        },
        auditContext(request, clock),
      );
      return reply.status(result.status === 'created' ? 201 : 200).send({
        id: result.caseId,
        code: result.code,
        status: result.status,
        state: result.state as never,
        acceptDueAt: result.acceptDueAt,
        ...(result.reporterToken ? { reporterToken: result.reporterToken } : {}),
      });
    },
  );
}
