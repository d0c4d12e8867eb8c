import { z } from 'zod';
import { UUID_PATTERN } from '../ids';
import { ActionSchema } from './accounts';
import { ErrorDetailSchema } from './errors';
import { PageQuerySchema, pageOf } from './paging';
import { CONSENT_CHANNELS } from '../privacy/register-types';

/** interfaces.md §2 "Support records and offline sync": these names and values are fixed. */
export const OUTCOMES = ['done', 'partly', 'follow_up'] as const;
export const AGE_BANDS = ['under_18', '18_39', '40_59', '60_plus'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const SYNC_STATUSES = ['created', 'duplicate', 'conflict', 'invalid'] as const;
export const MAX_SYNC_RECORDS = 500;
export const MAX_SERVICES_PER_RECORD = 12;
export const MAX_NOTE_LENGTH = 1000;

export type Outcome = (typeof OUTCOMES)[number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type Gender = (typeof GENDERS)[number];
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** ISO 8601 with an explicit offset ("Z" or "+07:00"): a phone's local time without a zone is ambiguous. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const UuidSchema = z.string().regex(UUID_PATTERN, 'Must be a UUID');
const RefSchema = z.string().trim().min(1).max(64);

export const PersonSchema = z.strictObject({
  ageBand: z.enum(AGE_BANDS),
  gender: z.enum(GENDERS),
});

export const LocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000).nullish().describe('Metres, as the device reports it'),
});

const recordShape = {
  id: UuidSchema.describe('Made on the device (UUIDv7 preferred); the same id is never stored twice'),
  teamId: RefSchema.describe('The team the member helped for'),
  hamletId: RefSchema.describe('Hamlet of the person helped; must belong to the team’s commune'),
  occurredAt: z
    .string()
    .regex(ISO_WITH_OFFSET, 'ISO 8601 with an offset, e.g. 2026-11-28T09:30:00+07:00')
    .refine((v) => !Number.isNaN(Date.parse(v)), 'Not a real date and time')
    .describe('When the help happened, with its offset; at most 10 minutes ahead and 90 days back'),
  services: z
    .array(z.string().trim().min(1).max(64))
    .min(1)
    .max(MAX_SERVICES_PER_RECORD)
    .describe('Codes from GET /api/v1/services (active ones)'),
  outcome: z.enum(OUTCOMES),
  person: PersonSchema.describe(
    'Privacy-preserving description of the person helped: no name, phone or ID number',
  ),
  consent: z.boolean().describe('True when the citizen agreed to what is recorded'),
  durationMinutes: z.number().int().min(1).max(600).nullish(),
  note: z
    .string()
    .max(MAX_NOTE_LENGTH)
    .nullish()
    .describe('Never the name, phone or ID number of the person helped'),
  location: LocationSchema.nullish(),
  campaignId: RefSchema.nullish(),
  helpRequestId: RefSchema.nullish(),
  supersedes: UuidSchema.nullish().describe('The id of the record this one corrects'),
};

/** One record as the device sends it (PUT body and each element of a sync batch). Unknown fields are refused. */
export const SupportRecordInputSchema = z.strictObject(recordShape);
export type SupportRecordInput = z.infer<typeof SupportRecordInputSchema>;

/** PUT body: `id` may be left out (it is in the path); when present it must equal the path's id. */
export const PutSupportRecordBodySchema = z.strictObject({ ...recordShape, id: recordShape.id.optional() });

export const SupportRecordParamsSchema = z.object({ id: UuidSchema });

export const SyncRequestSchema = z.strictObject({
  records: z.array(SupportRecordInputSchema).min(1).max(MAX_SYNC_RECORDS),
});

export const SyncResultSchema = z.object({
  id: z.string().nullable().describe('The record’s id as sent (null when the element had no usable id)'),
  status: z.enum(SYNC_STATUSES),
  errors: z
    .array(ErrorDetailSchema)
    .optional()
    .describe('Why a record is invalid or in conflict, field by field'),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

export const SyncResponseSchema = z.object({
  results: z.array(SyncResultSchema).describe('One result per record, in input order'),
});

export const RECORD_STATES = ['active', 'superseded', 'retracted'] as const;
export const REVIEW_STATUSES = ['pending', 'reviewed', 'flagged'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const SupportRecordSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string().nullable(),
  hamletId: z.string(),
  hamletName: z.string().nullable(),
  communeCode: z.string(),
  provinceCode: z.string(),
  occurredAt: z.string().describe('UTC instant of the help'),
  services: z.array(z.string()),
  outcome: z.enum(OUTCOMES),
  person: PersonSchema,
  consent: z.boolean(),
  consentWithdrawnAt: z
    .string()
    .nullable()
    .optional()
    .describe('When the citizen withdrew consent: note and location were cleared on every version then'),
  durationMinutes: z.number().nullable(),
  note: z.string().nullable(),
  location: z.object({ lat: z.number(), lng: z.number(), accuracy: z.number().nullable() }).nullable(),
  campaignId: z.string().nullable(),
  helpRequestId: z.string().nullable(),
  supersedes: z.string().nullable(),
  author: z.object({
    userId: z.string().nullable(),
    memberId: z.string().nullable(),
    name: z.string().nullable(),
    viaApiKey: z.boolean(),
  }),
  receivedAt: z.string(),
  state: z.enum(RECORD_STATES),
  supersededBy: z.string().nullable(),
  retraction: z.object({ at: z.string(), reason: z.string() }).nullable(),
  review: z.object({
    status: z.enum(REVIEW_STATUSES),
    at: z.string().nullable(),
    byUserId: z.string().nullable(),
    note: z.string().nullable(),
  }),
  actions: z.array(ActionSchema),
});
export type SupportRecord = z.infer<typeof SupportRecordSchema>;

export const RetractBodySchema = z.strictObject({
  reason: z.string().trim().min(3).max(500).describe('Why the record is withdrawn (kept with the record)'),
});

/** How the person told the team they withdraw consent (recorded with the withdrawal). */
export const ConsentWithdrawalBodySchema = z.strictObject({
  channel: z.enum(CONSENT_CHANNELS).describe('How the person withdrew consent: in person, by a phone call, on the web'),
});
export type ConsentWithdrawalBody = z.infer<typeof ConsentWithdrawalBodySchema>;

export const ReviewBodySchema = z.strictObject({
  ids: z.array(UuidSchema).min(1).max(MAX_SYNC_RECORDS).describe('Records to review in one go'),
  decision: z.enum(['reviewed', 'flagged']),
  note: z.string().trim().max(500).nullish().describe('Shown to the author, e.g. what to correct'),
});
export const ReviewResponseSchema = z.object({
  results: z.array(
    z.object({ id: z.string(), status: z.enum(['reviewed', 'flagged', 'not_found', 'forbidden']) }),
  ),
});

const DateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** Filters shared by the list and the CSV export; dates are local days (Asia/Ho_Chi_Minh), `to` inclusive. */
export const SupportFilterSchema = z.object({
  from: DateParam.optional(),
  to: DateParam.optional(),
  unit: z.string().trim().min(1).max(64).optional().describe('Province code, commune code or hamlet id'),
  teamId: z.string().max(64).optional(),
  hamletId: z.string().max(64).optional(),
  service: z.string().max(64).optional(),
  memberId: z.string().max(64).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .describe('"true": only records the caller captured (any signed-in user)'),
  state: z.enum(RECORD_STATES).optional().describe('Default: every state'),
  review: z.enum(REVIEW_STATUSES).optional(),
});
export type SupportFilter = z.infer<typeof SupportFilterSchema>;

export const SupportListQuerySchema = SupportFilterSchema.extend(PageQuerySchema.shape);
export type SupportListQuery = z.infer<typeof SupportListQuerySchema>;
export const SupportListResponseSchema = pageOf(SupportRecordSchema);

export const TeamStatsQuerySchema = z.object({ from: DateParam.optional(), to: DateParam.optional() });

export const TeamStatsSchema = z.object({
  teamId: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number().int().describe('Active records (corrected versions and retracted ones are not counted)'),
  byService: z.array(z.object({ service: z.string(), count: z.number().int() })),
  byWeek: z.array(
    z.object({
      week: z.string().describe('ISO week, e.g. "2026-W48"'),
      total: z.number().int(),
      services: z.record(z.string(), z.number().int()),
    }),
  ),
  people: z
    .array(z.object({ ageBand: z.enum(AGE_BANDS), gender: z.enum(GENDERS), count: z.number().int() }))
    .describe('People reached by age band and gender'),
  members: z
    .array(z.object({ memberId: z.string().nullable(), name: z.string(), count: z.number().int() }))
    .describe('Records per member (memberId null: captured by staff or an integration)'),
  targets: z.array(z.unknown()).describe('Filled by the indicators module'),
});
export type TeamStats = z.infer<typeof TeamStatsSchema>;
