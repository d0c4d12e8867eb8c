import { z } from 'zod';

/** The closed list of error codes. Each maps to exactly one HTTP status (server/platform/errors.ts). */
export const ERROR_CODES = [
  'VALIDATION',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'RATE_LIMITED',
  'LOCKED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorDetailSchema = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "records.3.occurredAt"'),
  message: z.string(),
  messageVi: z.string().optional().describe('The same message in Vietnamese, where a citizen may read it'),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().describe('English message'),
      messageVi: z.string().optional().describe('Vietnamese message'),
      details: z.array(ErrorDetailSchema).optional(),
    }),
  })
  .describe('Every error answered by /api/v1');
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
