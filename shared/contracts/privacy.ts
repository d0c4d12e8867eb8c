import { z } from 'zod';
import { pageOf, PageQuerySchema } from './paging';

/**
 * Seeing a full phone number is an explicit act with a reason (Law 91/2025: access only as needed), written to the
 * personal-data access log that province administrators read. Lists only ever show masked numbers.
 */
export const RevealBodySchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(5)
    .max(300)
    .describe('Why the full number is needed (e.g. "gọi hẹn lịch hỗ trợ"); kept in the access log'),
});
export type RevealBody = z.infer<typeof RevealBodySchema>;

export const RevealedPhoneSchema = z.object({
  phone: z.string().describe('The full number as Vietnamese people write it (0…)'),
});
export type RevealedPhone = z.infer<typeof RevealedPhoneSchema>;

export const ACCESS_SUBJECT_TYPES = ['user', 'team_member', 'team'] as const;

export const AccessLogQuerySchema = PageQuerySchema.extend({
  subjectType: z.enum(ACCESS_SUBJECT_TYPES).optional(),
  subjectId: z.string().min(1).max(100).optional(),
  actor: z.string().min(1).max(100).optional().describe('User id of who revealed'),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuerySchema>;

export const AccessLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  subjectType: z.enum(ACCESS_SUBJECT_TYPES),
  subjectId: z.string(),
  field: z.string(),
  reason: z.string(),
  communeCode: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;
export const AccessLogPageSchema = pageOf(AccessLogEntrySchema);
