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

export const ACCESS_SUBJECT_TYPES = [
  'user',
  'team_member',
  'team',
  'data_subject_request',
  'case',
  'help_request',
] as const;

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

// ------------------------------------------------------------------------------------------- breach register

/** What kinds of personal data a breach touched (the notification form asks for the types of data). */
export const BREACH_DATA_CATEGORIES = [
  'name',
  'phone',
  'email',
  'address',
  'citizen_id',
  'age_gender',
  'location',
  'notes',
  'account_credentials',
  'other',
] as const;
export type BreachDataCategory = (typeof BREACH_DATA_CATEGORIES)[number];
export const BREACH_STATUSES = ['open', 'notified', 'closed'] as const;
/** Decree 13/2023's deadline, kept under Law 91/2025 until the new one is confirmed (domain.md §5). */
export const BREACH_NOTIFY_HOURS = 72;

const IsoInstant = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 with its offset');
const Text = (max: number) => z.string().trim().min(3).max(max);

export const CreateBreachBodySchema = z.strictObject({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .describe('The province whose register this is'),
  discoveredAt: IsoInstant.describe('When the breach was discovered: the 72-hour clock starts here'),
  occurredAt: IsoInstant.nullish().describe('When it happened, if known'),
  title: Text(200),
  description: Text(4000).describe('What happened: the act, where, which systems'),
  dataCategories: z.array(z.enum(BREACH_DATA_CATEGORIES)).min(1).max(BREACH_DATA_CATEGORIES.length),
  subjects: Text(1000).describe('Whose data: which groups of people'),
  subjectsCount: z.number().int().min(0).max(100_000_000).nullish().describe('How many people, estimated'),
  consequences: Text(4000).nullish().describe('Likely consequences and harm'),
  measures: Text(4000).nullish().describe('Measures taken or planned to limit the harm'),
  contact: Text(300).describe('Who answers for the breach: name, role and how to reach them'),
});
export type CreateBreachBody = z.infer<typeof CreateBreachBodySchema>;

export const UpdateBreachBodySchema = z.strictObject({
  occurredAt: IsoInstant.nullish(),
  title: Text(200).optional(),
  description: Text(4000).optional(),
  dataCategories: z
    .array(z.enum(BREACH_DATA_CATEGORIES))
    .min(1)
    .max(BREACH_DATA_CATEGORIES.length)
    .optional(),
  subjects: Text(1000).optional(),
  subjectsCount: z.number().int().min(0).max(100_000_000).nullish(),
  consequences: Text(4000).nullish(),
  measures: Text(4000).nullish(),
  contact: Text(300).optional(),
  /** Marks the notification sent (status → notified); after the deadline a lateReason is required. */
  notification: z
    .strictObject({
      notifiedAt: IsoInstant,
      notifiedTo: Text(300).default(
        'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)',
      ),
      reference: Text(200).nullish().describe('The dispatch number or receipt'),
      lateReason: Text(2000).nullish().describe('Required when notified after the 72-hour deadline'),
    })
    .optional(),
  close: z.literal(true).optional().describe('Closes a notified breach once handled'),
});
export type UpdateBreachBody = z.infer<typeof UpdateBreachBodySchema>;

export const BreachSchema = z.object({
  id: z.string(),
  provinceCode: z.string(),
  discoveredAt: z.string(),
  occurredAt: z.string().nullable(),
  notifyBy: z.string().describe('discoveredAt + 72 hours'),
  overdue: z.boolean().describe('Not notified and past notifyBy'),
  hoursLeft: z
    .number()
    .nullable()
    .describe('Whole hours until notifyBy while not notified (negative when overdue)'),
  title: z.string(),
  description: z.string(),
  dataCategories: z.array(z.enum(BREACH_DATA_CATEGORIES)),
  subjects: z.string(),
  subjectsCount: z.number().nullable(),
  consequences: z.string().nullable(),
  measures: z.string().nullable(),
  contact: z.string(),
  status: z.enum(BREACH_STATUSES),
  notifiedAt: z.string().nullable(),
  notifiedTo: z.string().nullable(),
  notificationRef: z.string().nullable(),
  lateReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Breach = z.infer<typeof BreachSchema>;
export const BreachListQuerySchema = PageQuerySchema.extend({
  status: z.enum(BREACH_STATUSES).optional(),
});
export type BreachListQuery = z.infer<typeof BreachListQuerySchema>;
export const BreachPageSchema = pageOf(BreachSchema);

// ------------------------------------------------------------------------------------- data-subject requests

/** The rights a person exercises by a request (Law 91/2025): access, correction, deletion, restriction, withdrawal of consent, objection. */
export const DATA_SUBJECT_REQUEST_KINDS = [
  'access',
  'correction',
  'deletion',
  'restriction',
  'withdrawal',
  'objection',
] as const;
export type DataSubjectRequestKind = (typeof DATA_SUBJECT_REQUEST_KINDS)[number];
export const DATA_SUBJECT_REQUEST_STATUSES = [
  'unverified',
  'verified',
  'in_progress',
  'completed',
  'rejected',
  'expired',
] as const;
export type DataSubjectRequestStatus = (typeof DATA_SUBJECT_REQUEST_STATUSES)[number];
/** Answered within 2 working days of the verified request (domain.md §5). */
export const DATA_SUBJECT_REQUEST_WORKING_DAYS = 2;

export const CreateDataSubjectRequestBodySchema = z.strictObject({
  kind: z.enum(DATA_SUBJECT_REQUEST_KINDS),
  contact: z
    .string()
    .trim()
    .min(6)
    .max(254)
    .describe('The phone number or e-mail address the request is about; a one-time code is sent to it'),
  description: z.string().trim().min(3).max(2000).describe('What you ask, in your own words'),
});
export type CreateDataSubjectRequestBody = z.infer<typeof CreateDataSubjectRequestBodySchema>;

export const DataSubjectRequestCreatedSchema = z.object({
  id: z.string(),
  verifyBefore: z.string().describe('The one-time code expires then; an unverified request lapses'),
  sentTo: z.string().describe('Where the code went, masked'),
});

export const VerifyDataSubjectRequestBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .describe('The 6-digit code sent to the contact'),
});

/** What anyone holding the tracking code may see: no contact, no description. */
export const DataSubjectRequestStatusSchema = z.object({
  code: z.string().describe('The tracking code, e.g. YC-7K3Q-9MFA'),
  kind: z.enum(DATA_SUBJECT_REQUEST_KINDS),
  status: z.enum(DATA_SUBJECT_REQUEST_STATUSES),
  submittedAt: z.string(),
  verifiedAt: z.string().nullable(),
  dueAt: z.string().nullable().describe('2 working days after verification'),
  completedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type DataSubjectRequestStatusView = z.infer<typeof DataSubjectRequestStatusSchema>;
export const DataSubjectRequestCodeParamsSchema = z.object({ code: z.string().min(4).max(40) });

/** A request in the handlers' queue (province administrators): the contact masked. */
export const DataSubjectRequestSchema = DataSubjectRequestStatusSchema.extend({
  id: z.string(),
  contactKind: z.enum(['phone', 'email']),
  contactMasked: z.string(),
  description: z.string(),
  overdue: z.boolean(),
  handledBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type DataSubjectRequest = z.infer<typeof DataSubjectRequestSchema>;
export const DataSubjectRequestQuerySchema = PageQuerySchema.extend({
  status: z.enum(DATA_SUBJECT_REQUEST_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type DataSubjectRequestQuery = z.infer<typeof DataSubjectRequestQuerySchema>;
export const DataSubjectRequestPageSchema = pageOf(DataSubjectRequestSchema);
export const UpdateDataSubjectRequestBodySchema = z.strictObject({
  status: z.enum(['in_progress', 'completed', 'rejected']),
  resolution: z
    .string()
    .trim()
    .min(3)
    .max(4000)
    .nullish()
    .describe('Required to complete or reject: what was done, or why not'),
});
export type UpdateDataSubjectRequestBody = z.infer<typeof UpdateDataSubjectRequestBodySchema>;

/** Everything the platform holds about a request's contact, across modules (the answer to an access request). */
export const DataSubjectExportSchema = z.object({
  code: z.string(),
  kind: z.enum(DATA_SUBJECT_REQUEST_KINDS),
  contact: z.string().describe('The contact the request is about, in full: the export goes to that person'),
  generatedAt: z.string(),
  items: z.array(
    z.object({
      purpose: z.string().describe('The register purpose (shared/privacy/register.ts)'),
      label: z.object({ vi: z.string(), en: z.string() }),
      recordId: z.string(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
});
export type DataSubjectExport = z.infer<typeof DataSubjectExportSchema>;

export const ErasureResultSchema = z.object({
  erased: z.array(z.object({ purpose: z.string(), rows: z.number() })),
});
export type ErasureResult = z.infer<typeof ErasureResultSchema>;
