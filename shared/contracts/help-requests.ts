import { z } from 'zod';
import { UUID_PATTERN } from '../ids';
import { HELP_REQUEST_CODE_PATTERN, HELP_REQUEST_STATES } from '../rules/help-request-workflow';
import { pageOf } from './paging';

/**
 * Help requests (issue 11): what a citizen sends, the public tracking page (never a phone, a name or an address),
 * and the staff's lists and steps. Staff see the phone masked; the full number only through the logged reveal.
 */

const UuidSchema = z.string().regex(UUID_PATTERN, 'Must be a UUID');
const LocalizedSchema = z.object({ vi: z.string(), en: z.string() });
export const HelpRequestStateSchema = z.enum(HELP_REQUEST_STATES);
export const HelpRequestCodeSchema = z
  .string()
  .regex(HELP_REQUEST_CODE_PATTERN, 'A tracking code like YCHT.20261207.0012');
export const HelpRequestRoutedToSchema = z
  .enum(['hamlet_team', 'commune_team', 'commune_officer'])
  .describe("Who received it: the hamlet's team, the commune's team, or the commune officers' queue");

/** POST /api/v1/help-requests (interfaces.md: the fixed fields, plus an optional client-made id for resends). */
export const CreateHelpRequestBodySchema = z.strictObject({
  id: UuidSchema.optional().describe(
    'Made by the client so a resend stores one request (or send an Idempotency-Key header)',
  ),
  need: z
    .string()
    .trim()
    .min(2)
    .max(500)
    .describe('What help is needed: a code of GET /api/v1/services, or free text'),
  communeCode: z.string().regex(/^\d{5}$/, 'A 5-digit commune code'),
  hamletId: z.string().trim().min(1).max(64).nullish(),
  address: z.string().trim().max(300).nullish(),
  preferredTime: z.string().trim().max(200).nullish(),
  phone: z.string().trim().max(30).describe('A Vietnamese phone number; required, someone must call'),
  contactName: z.string().trim().max(100).nullish(),
  consent: z
    .boolean()
    .optional()
    .describe(
      'Must be true: the requester agrees to be contacted (the register text, purpose help_requests)',
    ),
  consentVersion: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .describe('The consent text version shown, if the client knows it'),
});
export type CreateHelpRequestBody = z.infer<typeof CreateHelpRequestBodySchema>;

/**
 * POST /api/v1/help-requests/staff-filed: a commune officer or a team's leader or member records a request a resident
 * made by phone or in person (the 1022 hotline's way). The same fields; `consentConfirmed` says the staff member read
 * the notice to the resident and the resident agreed — the consent is recorded with that channel and recorder.
 */
export const StaffHelpRequestBodySchema = CreateHelpRequestBodySchema.omit({
  consent: true,
  consentVersion: true,
}).extend({
  channel: z.enum(['phone', 'walk_in']).describe('How the resident asked: a phone call or in person'),
  consentConfirmed: z
    .boolean()
    .describe('Must be true: the staff member read the notice to the resident and the resident agreed'),
  consentVersion: z.string().trim().max(40).nullish().describe('The consent text version read aloud'),
});
export type StaffHelpRequestBody = z.infer<typeof StaffHelpRequestBodySchema>;

export const CreateHelpRequestResultSchema = z.object({
  id: z.string(),
  code: HelpRequestCodeSchema,
  status: z.enum(['created', 'duplicate']),
  state: HelpRequestStateSchema,
  routedTo: HelpRequestRoutedToSchema,
  teamName: z.string().nullable(),
  callDueAt: z.string().describe('When the team should have called by (2 working days)'),
  token: z
    .string()
    .optional()
    .describe('Private: lets the requester rate the help; given once, when the request is created'),
});

export const HelpRequestCodeParamsSchema = z.object({ code: HelpRequestCodeSchema });
export const HelpRequestIdParamsSchema = z.object({ id: UuidSchema });

/** GET /api/v1/help-requests/track/{code}: public, no contact data, no names. */
export const PublicHelpRequestSchema = z.object({
  code: z.string(),
  state: HelpRequestStateSchema,
  status: LocalizedSchema.describe('The state in words'),
  need: z.string().nullable().describe('The catalogue service asked for (free text is never shown)'),
  communeName: z.string().nullable(),
  hamletName: z.string().nullable(),
  teamName: z.string().nullable(),
  createdAt: z.string(),
  scheduledFor: z.string().nullable(),
  timeline: z.array(z.object({ state: HelpRequestStateSchema, status: LocalizedSchema, at: z.string() })),
  rating: z.number().int().nullable(),
  canRate: z.boolean(),
});

export const RateHelpRequestBodySchema = z.strictObject({
  token: z.string().min(20).max(100),
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).nullish(),
});
export const RateHelpRequestResultSchema = z.object({ code: z.string(), rating: z.number().int() });

/** Staff lists: scoped to the caller's grants; `mine` = assigned to me. */
export const HelpRequestListQuerySchema = z.object({
  state: z.enum(['open', ...HELP_REQUEST_STATES]).optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  teamId: z.string().max(64).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export const HELP_REQUEST_STAFF_ACTIONS = ['assign', 'schedule', 'not_reached', 'cancel', 'reveal'] as const;

export const HelpRequestItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  state: HelpRequestStateSchema,
  routedTo: HelpRequestRoutedToSchema,
  communeCode: z.string(),
  hamletId: z.string().nullable(),
  hamletName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  serviceCode: z.string().nullable(),
  need: z.string(),
  preferredTime: z.string().nullable(),
  phoneMasked: z.string().nullable().describe('Never the full number in a list'),
  assignedMemberId: z.string().nullable(),
  assignedMemberName: z.string().nullable(),
  scheduledFor: z.string().nullable(),
  callDueAt: z.string(),
  createdAt: z.string(),
  actions: z.array(z.enum(HELP_REQUEST_STAFF_ACTIONS)),
});
export const HelpRequestPageSchema = pageOf(HelpRequestItemSchema);

export const HelpRequestDetailSchema = HelpRequestItemSchema.extend({
  channel: z
    .enum(['web', 'phone_call', 'in_person'])
    .describe('How the resident asked: the web form, a phone call or in person (recorded by staff)'),
  filedByName: z.string().nullable().describe('The staff member who recorded a phone or in-person request'),
  contactName: z.string().nullable(),
  address: z.string().nullable(),
  supportRecordId: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  timeline: z.array(
    z.object({
      action: z.string(),
      fromState: z.string().nullable(),
      toState: HelpRequestStateSchema,
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

/** POST /api/v1/help-requests/{id}/actions: one step. */
export const HelpRequestActionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('assign'),
    /** A member of the request's team (leaders); officers may also hand it to a team of the commune. */
    memberId: z.string().trim().min(1).max(64).nullish(),
    teamId: z.string().trim().min(1).max(64).nullish(),
    note: z.string().trim().max(1000).nullish(),
  }),
  z.strictObject({
    action: z.literal('schedule'),
    scheduledFor: z.iso.datetime({ offset: true }),
    note: z.string().trim().max(1000).nullish(),
  }),
  z.strictObject({ action: z.literal('not_reached'), note: z.string().trim().max(1000).nullish() }),
  z.strictObject({ action: z.literal('cancel'), reason: z.string().trim().min(3).max(500) }),
]);
export type HelpRequestActionBody = z.infer<typeof HelpRequestActionBodySchema>;

export const RevealHelpRequestContactBodySchema = z.strictObject({
  reason: z.string().trim().min(5).max(300),
});
export const RevealedHelpRequestContactSchema = z.object({ phone: z.string().nullable() });

export const HelpRequestSettingsSchema = z.object({
  provinceCode: z.string(),
  retentionDays: z.number().int(),
});
export const HelpRequestSettingsBodySchema = z.strictObject({
  retentionDays: z.number().int().min(7).max(3650).describe('Days the contact is kept after closing'),
});
