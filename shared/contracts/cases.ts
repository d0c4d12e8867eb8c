import { z } from 'zod';
import { UUID_PATTERN } from '../ids';
import { CASE_KINDS, CASE_SEVERITIES, CASE_STATES, CASE_TRACKING_CODE_PATTERN } from '../rules/case-workflow';
import { ATTRIBUTE_DATATYPES } from '../rules/case-categories';
import { pageOf } from './paging';

/**
 * The case engine's public contracts (issue 10): what a citizen sends when reporting, and what anyone may read —
 * the public list and map, a case's tracking page. Nothing here ever carries the reporter's name (unless they chose
 * to show it), phone or e-mail. The handlers' contracts are in case-handling.ts.
 */

export const MAX_CASE_PHOTOS = 5;
export const MAX_CASE_DESCRIPTION = 4000;
export const MAX_CASE_TITLE = 120;
export const DUPLICATE_RADIUS_M = 200;
export const DUPLICATE_WINDOW_DAYS = 30;

const UuidSchema = z.string().regex(UUID_PATTERN, 'Must be a UUID');
export const CaseStateSchema = z.enum(CASE_STATES);
export const CaseKindSchema = z.enum(CASE_KINDS);
export const CaseSeveritySchema = z.enum(CASE_SEVERITIES);
export const CaseCodeSchema = z
  .string()
  .regex(CASE_TRACKING_CODE_PATTERN, 'A tracking code like PAKN.20261128.0012');
export const DeadlineStatusSchema = z.enum(['on_time', 'due_soon', 'overdue']);

export const CaseLocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000).nullish(),
});

/** A category as citizens and Open311 clients see it. */
export const CaseCategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  group: z.string(),
  kinds: z.array(CaseKindSchema),
  isOther: z.boolean(),
  attributes: z.array(
    z.object({
      code: z.string(),
      datatype: z.enum(ATTRIBUTE_DATATYPES),
      required: z.boolean(),
      description: z.string(),
      descriptionEn: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string() })).optional(),
    }),
  ),
});
export type CaseCategory = z.infer<typeof CaseCategorySchema>;
export const CaseCategoryListSchema = z.object({
  items: z.array(CaseCategorySchema),
  /** The installation's province: the report map draws its boundaries and starts the commune pick list there. */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  /** An optional tile URL template ({z}/{x}/{y}) from configuration; without one the map draws boundaries only. */
  tileUrl: z.string().max(500).nullish(),
});

/**
 * A citizen's report or petition (POST /api/v1/cases, multipart: this JSON as the field `data`, photos as `photos`
 * parts; or plain JSON without photos). `id` is made on the device: a resend after a lost connection stores nothing
 * new. A report needs a place — `location`, or `communeCode` (+ hamlet, address text) when there is no GPS.
 */
export const CreateCaseBodySchema = z.strictObject({
  id: UuidSchema.describe('Made on the device; the same id is never stored twice'),
  kind: z.enum(['report', 'petition']),
  categoryCode: z.string().trim().min(1).max(64),
  title: z.string().trim().max(MAX_CASE_TITLE).nullish().describe('Made from the description when left out'),
  description: z.string().trim().min(10).max(MAX_CASE_DESCRIPTION),
  location: CaseLocationSchema.nullish(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullish(),
  hamletId: z.string().trim().min(1).max(64).nullish(),
  addressText: z.string().trim().max(300).nullish(),
  attributes: z
    .record(z.string().max(64), z.union([z.string().max(500), z.array(z.string().max(100)).max(20)]))
    .optional(),
  name: z
    .string()
    .trim()
    .max(120)
    .nullish()
    .describe('Always kept for handlers; shown publicly only with showName'),
  showName: z.boolean().default(false),
  phone: z.string().trim().max(20).nullish(),
  email: z.string().trim().email().max(254).nullish(),
  /** The register's consent text version the citizen agreed to, required when a phone or e-mail is given. */
  contactConsentVersion: z.string().trim().max(40).nullish(),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBodySchema>;

export const CreateCaseResultSchema = z.object({
  id: z.string(),
  code: CaseCodeSchema,
  status: z.enum(['created', 'duplicate']),
  state: CaseStateSchema,
  acceptDueAt: z.string(),
  reporterToken: z
    .string()
    .optional()
    .describe(
      'Secret for the reporter alone (kept on the device, in the private link): rating and disputing need it. Given only ' +
        'when the case is created; a resend (status "duplicate") does not repeat it, since anyone could resend public text',
    ),
});
export type CreateCaseResult = z.infer<typeof CreateCaseResultSchema>;

export const CasePhotoSchema = z.object({
  id: z.string(),
  url: z.string().describe('Display size (≤ 1280 px WebP, no metadata)'),
  thumbUrl: z.string().describe('320 px WebP'),
  width: z.number().int(),
  height: z.number().int(),
});

export const PublicTimelineEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['transition', 'public_update', 'citizen_comment', 'rating']),
  action: z.string().nullable(),
  state: CaseStateSchema.nullable(),
  body: z.string(),
  agencyName: z.string().nullable(),
  at: z.string(),
  photos: z.array(CasePhotoSchema),
});

/** One case in a public list (and the duplicate suggestions). */
export const PublicCaseItemSchema = z.object({
  id: z.string(),
  code: CaseCodeSchema,
  kind: CaseKindSchema,
  categoryCode: z.string(),
  categoryName: z.string(),
  title: z.string(),
  state: CaseStateSchema,
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  submittedAt: z.string(),
  supporters: z.number().int(),
  thumbUrl: z.string().nullable(),
  distanceM: z.number().optional().describe('Only in duplicate suggestions'),
});
export type PublicCaseItem = z.infer<typeof PublicCaseItemSchema>;
export const PublicCasePageSchema = pageOf(PublicCaseItemSchema);

/** A case's public page (by id or by tracking code). */
export const PublicCaseSchema = PublicCaseItemSchema.extend({
  description: z.string(),
  addressText: z.string().nullable(),
  publicName: z.string().nullable(),
  severity: CaseSeveritySchema,
  agencyName: z.string().nullable(),
  acceptDueAt: z.string(),
  handleDueAt: z.string().nullable(),
  deadlineStatus: DeadlineStatusSchema.nullable(),
  answeredAt: z.string().nullable(),
  answer: z.string().nullable(),
  refusedReason: z.string().nullable(),
  mergedIntoCode: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  mayRate: z.boolean(),
  mayDispute: z.boolean(),
  photos: z.array(CasePhotoSchema),
  timeline: z.array(PublicTimelineEntrySchema),
  /** False while the case waits for acceptance or moderation: its text and photos are not shown yet. */
  published: z.boolean(),
});
export type PublicCase = z.infer<typeof PublicCaseSchema>;

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date yyyy-mm-dd');
/** bbox = west,south,east,north (lng,lat,lng,lat), as Leaflet's toBBoxString() writes it. */
export const BboxSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'bbox = west,south,east,north')
  .transform((s) => s.split(',').map(Number) as [number, number, number, number])
  .refine(
    ([w, s, e, n]) => w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90,
    'An empty or inverted bbox',
  );

export const PublicCaseQuerySchema = z.object({
  category: z.string().max(64).optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  status: z.enum(['open', 'closed', ...CASE_STATES]).optional(),
  kind: z.enum(['report', 'petition']).optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
  bbox: BboxSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

/** The map: markers when few, grid clusters when many (the server clusters, so a phone never draws 100,000 pins). */
export const CaseMapQuerySchema = PublicCaseQuerySchema.omit({
  limit: true,
  cursor: true,
  bbox: true,
}).extend({
  bbox: BboxSchema,
  zoom: z.coerce.number().int().min(0).max(20),
});
export const CaseMapSchema = z.object({
  clusters: z.array(
    z.object({
      lat: z.number(),
      lng: z.number(),
      count: z.number().int(),
      /** Present when the cluster is one case. */
      id: z.string().optional(),
      code: z.string().optional(),
      state: CaseStateSchema.optional(),
      categoryCode: z.string().optional(),
    }),
  ),
  total: z.number().int(),
});

export const DuplicateQuerySchema = z.object({
  category: z.string().max(64),
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
});
export const DuplicateListSchema = z.object({ items: z.array(PublicCaseItemSchema) });

export const CaseCodeParamsSchema = z.object({ code: CaseCodeSchema });
export const CaseIdParamsSchema = z.object({ id: UuidSchema });

const ReporterTokenSchema = z
  .string()
  .min(20)
  .max(100)
  .describe('The reporterToken given when the case was filed');
export const RateCaseBodySchema = z.strictObject({
  token: ReporterTokenSchema,
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).nullish(),
});
export const DisputeCaseBodySchema = z.strictObject({
  token: ReporterTokenSchema,
  reason: z.string().trim().min(5).max(2000),
});
/** "Me too": one per device (the id is kept only as a keyed hash). */
export const SupportCaseBodySchema = z.strictObject({ deviceId: UuidSchema });
export const FollowCaseBodySchema = z.strictObject({
  email: z.string().trim().email().max(254),
  consentVersion: z.string().trim().min(1).max(40),
});

/** GET /api/v1/case-categories?kind= — citizens' categories by default; `proposal` lists the teams' themes. */
export const CaseCategoryQuerySchema = z.object({ kind: CaseKindSchema.optional() });
export const RateCaseResultSchema = z.object({ id: z.string(), rating: z.number().int() });
export const DisputeCaseResultSchema = z.object({
  id: z.string(),
  state: CaseStateSchema,
  handleDueAt: z.string(),
});
export const SupportCaseResultSchema = z.object({
  id: z.string(),
  supporters: z.number().int(),
  added: z.boolean().describe('False when this device had already said "me too"'),
});
export const FollowCaseResultSchema = z.object({ id: z.string().optional(), following: z.boolean() });
export const UnfollowQuerySchema = z.object({ token: z.string().min(10).max(200) });
export const CaseFileParamsSchema = z.object({ id: UuidSchema, variant: z.enum(['display', 'thumb']) });
