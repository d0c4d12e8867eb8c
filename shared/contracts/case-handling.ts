import { z } from 'zod';
import { UUID_PATTERN } from '../ids';
import { CASE_ACTIONS } from '../rules/case-workflow';
import {
  CaseCodeSchema,
  CaseKindSchema,
  CaseLocationSchema,
  CasePhotoSchema,
  CaseSeveritySchema,
  CaseStateSchema,
  CreateCaseBodySchema,
  DeadlineStatusSchema,
  PublicCaseSchema,
} from './cases';
import { ActionSchema } from './accounts';
import { pageOf } from './paging';

/**
 * The handlers' contracts (issue 10): agencies and routing rules, inboxes, triage and the case's actions, notes,
 * extensions, moderation, staff filing. The reporter's contact appears only here, masked, and in full only through
 * the logged reveal.
 */

const UuidSchema = z.string().regex(UUID_PATTERN, 'Must be a UUID');

export const AGENCY_KINDS = [
  'department',
  'commune_office',
  'utility',
  'police',
  'youth_union',
  'other',
] as const;
export const AgencySchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(AGENCY_KINDS),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  handlers: z.number().int().describe('People holding an agency_handler grant for it'),
  actions: z.array(ActionSchema),
});
export type Agency = z.infer<typeof AgencySchema>;
export const AgencyListSchema = z.object({ items: z.array(AgencySchema) });
export const AgencyBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().max(200).nullish(),
  kind: z.enum(AGENCY_KINDS),
  /** A 2-digit province code (a province-level agency) or a 5-digit commune code. */
  unitCode: z.string().regex(/^\d{2}$|^\d{5}$/),
  email: z.string().trim().email().max(254).nullish(),
  phone: z.string().trim().max(20).nullish(),
  active: z.boolean().default(true),
});
export const AgencyListQuerySchema = z.object({
  unit: z
    .string()
    .regex(/^\d{2}$|^\d{5}$/)
    .optional(),
  q: z.string().max(100).optional(),
});

export const RoutingRuleSchema = z.object({
  id: z.string(),
  categoryCode: z.string(),
  communeCode: z.string().nullable(),
  agencyId: z.string(),
  agencyName: z.string(),
  updatedAt: z.string(),
});
export const RoutingRuleListSchema = z.object({ items: z.array(RoutingRuleSchema) });
/** PUT: one rule per category × commune (null = the province default); agencyId null deletes it. */
export const RoutingRuleBodySchema = z.strictObject({
  categoryCode: z.string().trim().min(1).max(64),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
  agencyId: UuidSchema.nullable(),
});

export const InboxQuerySchema = z.object({
  /** 'agency': cases with my agencies; 'commune': cases placed in my communes (receiving); 'all': my whole scope. */
  box: z.enum(['agency', 'commune', 'all']).default('all'),
  agencyId: UuidSchema.optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  state: z
    .enum([
      'open',
      'submitted',
      'accepted',
      'assigned',
      'in_progress',
      'answered',
      'closed',
      'refused',
      'merged',
    ])
    .optional(),
  kind: CaseKindSchema.optional(),
  severity: CaseSeveritySchema.optional(),
  category: z.string().max(64).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional().describe('Tracking code or words of the title'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const InboxItemSchema = z.object({
  id: z.string(),
  code: CaseCodeSchema,
  kind: CaseKindSchema,
  title: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  severity: CaseSeveritySchema,
  state: CaseStateSchema,
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  submittedAt: z.string(),
  dueAt: z.string().nullable().describe('The deadline of the current step: acceptance, or handling'),
  deadlineStatus: DeadlineStatusSchema.nullable(),
  hidden: z.boolean(),
  photoCount: z.number().int(),
});
export const InboxPageSchema = pageOf(InboxItemSchema).extend({
  counts: z.object({
    open: z.number().int(),
    submitted: z.number().int(),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
  }),
});

export const ReporterViewSchema = z.object({
  name: z.string().nullable(),
  showName: z.boolean(),
  phoneMasked: z.string().nullable(),
  emailMasked: z.string().nullable(),
  anonymised: z.boolean(),
  blocked: z.boolean(),
});

export const InternalEntrySchema = z.object({
  id: z.string(),
  kind: z.enum([
    'transition',
    'note',
    'public_update',
    'citizen_comment',
    'rating',
    'extension',
    'moderation',
  ]),
  action: z.string().nullable(),
  fromState: CaseStateSchema.nullable(),
  toState: CaseStateSchema.nullable(),
  body: z.string(),
  public: z.boolean(),
  hidden: z.boolean(),
  authorName: z.string().nullable(),
  agencyName: z.string().nullable(),
  at: z.string(),
  photos: z.array(CasePhotoSchema.extend({ hidden: z.boolean() })),
});

export const ExtensionSchema = z.object({
  id: z.string(),
  reason: z.string(),
  workingDays: z.number().int(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

/** A case as a handler in scope sees it: the public view plus the reporter (masked), the internal timeline, actions. */
export const HandlerCaseSchema = PublicCaseSchema.extend({
  originalDescription: z.string(),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  source: z.string(),
  channel: z.string(),
  agencyId: z.string().nullable(),
  teamId: z.string().nullable(),
  theme: z.string().nullable(),
  reporter: ReporterViewSchema,
  entries: z.array(InternalEntrySchema),
  extensions: z.array(ExtensionSchema),
  allPhotos: z.array(CasePhotoSchema.extend({ hidden: z.boolean() })),
  /** Workflow actions this caller may take now (state machine ∩ authorization). */
  caseActions: z.array(z.enum(CASE_ACTIONS)),
  /** Other things this caller may do: note, publicUpdate, requestExtension, decideExtension, moderate, revealContact, block. */
  can: z.array(z.string()),
  suggestedAgencyId: z.string().nullable().describe('From the routing rules'),
});
export type HandlerCase = z.infer<typeof HandlerCaseSchema>;

/** POST /api/v1/cases/{id}/actions — one workflow step. */
export const CaseActionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('accept'),
    severity: CaseSeveritySchema,
    categoryCode: z.string().max(64).optional(),
    /** Assign at once (to the routed agency unless another is named). */
    assign: z.boolean().default(false),
    agencyId: UuidSchema.optional(),
    message: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({
    action: z.literal('refuse'),
    reason: z.string().trim().min(5).max(2000),
    notCompetent: z.boolean().default(false),
  }),
  z.strictObject({
    action: z.literal('assign'),
    agencyId: UuidSchema.optional(),
    message: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({
    action: z.literal('reassign'),
    agencyId: UuidSchema,
    reason: z.string().trim().min(5).max(2000),
  }),
  z.strictObject({ action: z.literal('start'), message: z.string().trim().max(2000).optional() }),
  z.strictObject({ action: z.literal('answer'), text: z.string().trim().min(5).max(8000) }),
  z.strictObject({ action: z.literal('close'), message: z.string().trim().max(2000).optional() }),
  z.strictObject({ action: z.literal('merge'), intoCode: CaseCodeSchema }),
]);
export type CaseActionBody = z.infer<typeof CaseActionBodySchema>;

export const CaseNoteBodySchema = z.strictObject({
  body: z.string().trim().min(1).max(4000),
  /** false: an internal note (handlers only); true: a public update on the timeline. */
  public: z.boolean(),
});

export const ExtensionRequestBodySchema = z.strictObject({
  reason: z.string().trim().min(5).max(2000),
  workingDays: z.number().int().min(1).max(30),
});
export const ExtensionDecisionBodySchema = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});

export const ModerationBodySchema = z.strictObject({
  publicDescription: z.string().trim().min(1).max(4000).optional(),
  title: z.string().trim().min(1).max(120).optional(),
  hidden: z.boolean().optional(),
  hiddenReason: z.string().trim().max(500).optional(),
  hidePhotoIds: z.array(z.string()).max(20).optional(),
  showPhotoIds: z.array(z.string()).max(20).optional(),
  hideEntryIds: z.array(z.string()).max(50).optional(),
});

export const BlockSenderBodySchema = z.strictObject({
  reason: z.string().trim().min(5).max(500),
  days: z.number().int().min(1).max(3650).nullable(),
});

/** A report filed by staff for a caller or a walk-in (the 1022 hotline's way): the same body plus the channel. */
export const StaffCaseBodySchema = CreateCaseBodySchema.omit({ kind: true }).extend({
  kind: z.enum(['report', 'petition']),
  channel: z.enum(['phone', 'walk_in', 'letter', 'email']),
});

/** A team leader's difficulty or proposal (kind 'proposal'). */
export const ProposalBodySchema = z.strictObject({
  id: UuidSchema,
  teamId: z.string().min(1).max(64),
  theme: z.string().min(1).max(64),
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().min(10).max(4000),
});

export const ReplyTemplateSchema = z.object({
  id: z.string(),
  purpose: z.enum(['refuse', 'accept', 'public_update', 'answer', 'reassign']),
  title: z.string(),
  body: z.string(),
  active: z.boolean(),
});
export const ReplyTemplateListSchema = z.object({ items: z.array(ReplyTemplateSchema) });
export const ReplyTemplateBodySchema = z.strictObject({
  purpose: z.enum(['refuse', 'accept', 'public_update', 'answer', 'reassign']),
  title: z.string().trim().min(2).max(120),
  body: z.string().trim().min(5).max(4000),
  active: z.boolean().default(true),
});

export { CaseLocationSchema };

// ------------------------------------------------------------------------------------------------------------------
// Added for the handlers' screens (web/features/case-handling): the shapes of the endpoints the plan names that had
// no schema yet. Additive; the server helpers may refine them. (Settings and statistics: case-admin.ts.)

/** POST /api/v1/cases/{id}/reveal-contact: the reason is written to the personal-data access log with the reveal. */
export const RevealContactBodySchema = z.strictObject({ reason: z.string().trim().min(5).max(300) });
export const RevealedContactSchema = z.object({ phone: z.string().nullable(), email: z.string().nullable() });

/**
 * What every write on a case answers (actions, notes, extensions and their decision, moderation, block, answer
 * photos): the handler's view of the case after the write, so the screen shows it without another read.
 */
export const CaseWriteResultSchema = HandlerCaseSchema;

/** GET /api/v1/proposals?teamId= — a team's difficulties and proposals with their official answers. */
export const ProposalListQuerySchema = z.object({
  teamId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const ProposalItemSchema = z.object({
  id: z.string(),
  code: CaseCodeSchema,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  theme: z.string(),
  title: z.string(),
  state: CaseStateSchema,
  submittedAt: z.string(),
  answeredAt: z.string().nullable(),
  answer: z.string().nullable(),
  refusedReason: z.string().nullable(),
});
export const ProposalPageSchema = pageOf(ProposalItemSchema);
/** GET /api/v1/proposals/summary?teamId= — counts by theme × state (Youth Union coordinators; leaders: their team). */
export const ProposalSummarySchema = z.object({
  rows: z.array(z.object({ theme: z.string(), state: CaseStateSchema, count: z.number().int() })),
  total: z.number().int(),
});
export type ProposalSummary = z.infer<typeof ProposalSummarySchema>;

/** GET /api/v1/proposals/summary?teamId=. */
export const ProposalSummaryQuerySchema = z.object({ teamId: z.string().min(1).max(64).optional() });

/** Answer photos: POST /api/v1/cases/{id}/answer-photos (multipart, up to 5 `photos` parts) after the answer. */
export const ANSWER_PHOTO_LIMIT = 5;
