import { z } from 'zod';
import { CASE_KINDS, CASE_SEVERITIES, CASE_STATES } from '../rules/case-workflow';
import { ActionSchema } from './accounts';
import { AGENCY_KINDS, ReplyTemplateBodySchema } from './case-handling';

/**
 * The case engine's administration and statistics (issue 10): agency edits, routing queries, reply-template edits,
 * a province's case settings, the categories' admin view, and the supervisors' statistics. The agency, rule and
 * template shapes themselves are in case-handling.ts; this file only adds what those screens send and read.
 */

const UnitCodeSchema = z.string().regex(/^\d{2}$|^\d{5}$/);
const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date yyyy-mm-dd');

/** PATCH /api/v1/agencies/{id}: any field of the agency; moving it to another unit needs configure rights on both. */
export const AgencyPatchBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  nameEn: z.string().trim().max(200).nullable().optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  unitCode: UnitCodeSchema.optional(),
  email: z.string().trim().email().max(254).nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
  active: z.boolean().optional(),
});
export type AgencyPatchBody = z.infer<typeof AgencyPatchBodySchema>;
export const AgencyParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const RoutingRuleListQuerySchema = z.object({
  /** Only the rules of this commune (and the province defaults they fall back to). */
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  category: z.string().max(64).optional(),
});

export const ReplyTemplateListQuerySchema = z.object({
  purpose: z.enum(['refuse', 'accept', 'public_update', 'answer', 'reassign']).optional(),
  /** 'true': inactive templates too (the administrators' screen). */
  all: z.enum(['true', 'false']).optional(),
});
export const ReplyTemplatePatchBodySchema = ReplyTemplateBodySchema.partial().strict();
export const ReplyTemplateParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const CaseDeadlinePolicySchema = z.strictObject({
  acceptWithinHours: z.number().positive().max(200),
  urgentWithinHours: z.number().positive().max(200),
  normalWithinDays: z.number().int().min(1).max(90),
  complexWithinDays: z.number().int().min(1).max(90),
  warnBeforeHours: z.number().positive().max(200),
});
export const CaseSettingsSchema = z.object({
  provinceCode: z.string(),
  deadlines: CaseDeadlinePolicySchema,
  retentionMonths: z.number().int(),
  moderateAnonymous: z.boolean(),
  updatedAt: z.string().nullable(),
  actions: z.array(ActionSchema),
});
export type CaseSettings = z.infer<typeof CaseSettingsSchema>;
export const CaseSettingsBodySchema = z.strictObject({
  deadlines: CaseDeadlinePolicySchema,
  retentionMonths: z.number().int().min(1).max(60),
  moderateAnonymous: z.boolean(),
});
export type CaseSettingsBody = z.infer<typeof CaseSettingsBodySchema>;

/** A category as its administrators see it: both languages, order, active, and whether it is the "Khác". */
export const AdminCategorySchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  group: z.string(),
  kinds: z.array(z.enum(CASE_KINDS)),
  defaultSeverity: z.enum(CASE_SEVERITIES),
  isOther: z.boolean(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  updatedAt: z.string(),
  actions: z.array(ActionSchema),
});
export type AdminCategory = z.infer<typeof AdminCategorySchema>;
export const AdminCategoryListSchema = z.object({ items: z.array(AdminCategorySchema) });
export const CategoryPatchBodySchema = z.strictObject({
  nameVi: z.string().trim().min(2).max(120).optional(),
  nameEn: z.string().trim().min(2).max(120).optional(),
  descriptionVi: z.string().trim().max(500).optional(),
  descriptionEn: z.string().trim().max(500).optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
export const CategoryParamsSchema = z.object({ code: z.string().min(1).max(64) });
/**
 * POST /api/v1/case-categories: a new citizens' category. Its code is its Open311 service_code, in FixMyStreet's
 * URLs (services/{code}.xml) and never changed afterwards: plain lower-case ASCII; `proposal_…` is kept for the
 * teams' themes. Extra questions are not set here (a category without them is a plain Open311 service).
 */
export const CategoryCreateBodySchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'a-z, 0-9 and _, 2 to 40 characters, starting with a letter')
    .refine((code) => !code.startsWith('proposal_'), 'proposal_… codes are the teams’ themes'),
  nameVi: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120),
  descriptionVi: z.string().trim().max(500).default(''),
  descriptionEn: z.string().trim().max(500).default(''),
  kinds: z
    .array(z.enum(['report', 'petition']))
    .min(1)
    .max(2)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'each kind once'),
  group: z
    .enum(['infrastructure', 'environment', 'order', 'digital', 'social', 'administration', 'other'])
    .default('other'),
  keywords: z.string().trim().max(300).default(''),
  defaultSeverity: z.enum(CASE_SEVERITIES).default('normal'),
  sortOrder: z.number().int().min(0).max(1000),
  active: z.boolean().default(true),
});
export type CategoryCreateBody = z.output<typeof CategoryCreateBodySchema>;

/** GET /api/v1/case-stats (and its .csv / .xlsx): cases submitted on local days [from, to] inside the caller's scope. */
export const CaseStatsQuerySchema = z.object({
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  agency: z.string().min(1).max(64).optional(),
  category: z.string().max(64).optional(),
});
export type CaseStatsQuery = z.infer<typeof CaseStatsQuerySchema>;

const CountSchema = z.number().int();
const OnTimeSchema = z.object({
  done: CountSchema.describe('Steps done (accepted, or answered) in the period'),
  onTime: CountSchema,
  rate: z.number().nullable().describe('onTime / done, null when nothing was done'),
});
export const CaseStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: CountSchema,
  open: CountSchema,
  overdueOpen: CountSchema.describe('Open cases past the deadline of their current step now'),
  byState: z.array(z.object({ state: z.enum(CASE_STATES), count: CountSchema })),
  byCategory: z.array(z.object({ code: z.string(), name: z.string(), count: CountSchema })),
  byAgency: z.array(
    z.object({ agencyId: z.string().nullable(), name: z.string().nullable(), count: CountSchema }),
  ),
  byCommune: z.array(
    z.object({ code: z.string().nullable(), name: z.string().nullable(), count: CountSchema }),
  ),
  byMonth: z.array(z.object({ month: z.string(), submitted: CountSchema, answered: CountSchema })),
  acceptOnTime: OnTimeSchema,
  answerOnTime: OnTimeSchema,
  medianHoursToAccept: z.number().nullable().describe('Working hours on the province calendar'),
  medianHoursToAnswer: z.number().nullable().describe('Working hours from acceptance to the answer'),
  satisfaction: z.object({
    count: CountSchema,
    mean: z.number().nullable(),
    byRating: z.array(z.object({ rating: z.number().int(), count: CountSchema })),
  }),
});
export type CaseStats = z.infer<typeof CaseStatsSchema>;
