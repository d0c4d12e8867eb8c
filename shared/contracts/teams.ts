import { z } from 'zod';
import { ActionSchema, EmailSchema, PhoneSchema } from './accounts';
import { PageQuerySchema, pageOf } from './paging';

export const TEAM_LEVELS = ['hamlet', 'commune'] as const;
export const TEAM_STATUSES = ['active', 'merged', 'dissolved'] as const;
export const MEMBER_ROLES = ['leader', 'deputy', 'member'] as const;
export const AFFILIATIONS = [
  'youth_union',
  'hamlet_head',
  'police',
  'telecom_business',
  'womens_union',
  'veterans',
  'teacher',
  'other',
] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type Affiliation = (typeof AFFILIATIONS)[number];

export const AFFILIATION_NAMES: Record<Affiliation, { vi: string; en: string }> = {
  youth_union: { vi: 'Đoàn viên thanh niên', en: 'Youth Union' },
  hamlet_head: { vi: 'Trưởng ấp/khu phố', en: 'Hamlet head' },
  police: { vi: 'Công an khu vực', en: 'Area police' },
  telecom_business: { vi: 'Doanh nghiệp viễn thông, CNTT, bưu chính', en: 'Telecom/ICT/postal business' },
  womens_union: { vi: 'Hội Liên hiệp Phụ nữ', en: 'Women’s Union' },
  veterans: { vi: 'Hội Cựu chiến binh', en: 'Veterans’ Association' },
  teacher: { vi: 'Giáo viên', en: 'Teacher' },
  other: { vi: 'Khác', en: 'Other' },
};

const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Not a real date');

/** A team's public number may be a landline (0 + 10 digits) as well as a mobile. */
export const ContactPhoneSchema = z
  .string()
  .trim()
  .regex(/^(\+84|0)\d{9,10}$/, 'Phone must look like 0276 3822 123 or 0912345678 (digits only)');

/** The commune chairman's founding decision (domain.md §1): number, date and signer are recorded. */
export const DecisionSchema = z.strictObject({
  number: z.string().trim().min(1).max(60).describe('e.g. "125/QĐ-UBND"'),
  date: DateSchema,
  signer: z.string().trim().min(2).max(120),
});

export const TeamMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
  affiliation: z.enum(AFFILIATIONS),
  organization: z.string().nullable().describe('Business name for telecom/ICT/postal members'),
  phone: z.string().nullable().describe('Shown publicly only when the member opted in; in full to managers'),
  phoneMasked: z.string().nullable().optional().describe('Staff in scope: the number with its middle hidden'),
  phonePublic: z.boolean(),
  email: z.string().nullable().optional(),
  hasAccount: z.boolean().optional(),
  isMe: z.boolean().optional(),
  activeFrom: z.string().optional(),
  activeTo: z.string().nullable().optional(),
  active: z.boolean(),
  actions: z.array(ActionSchema),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(TEAM_LEVELS),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  hamletId: z.string().nullable(),
  hamletName: z.string().nullable(),
  schedule: z.string().nullable().describe('e.g. "Sáng thứ Bảy, nhà văn hoá ấp Bình Phú"'),
  contactPhone: z.string().nullable().describe('The team’s public contact number'),
  memberCount: z.number().int(),
  status: z.enum(TEAM_STATUSES),
  mergedIntoId: z.string().nullable(),
  decision: DecisionSchema.nullable().optional().describe('Staff in scope only'),
  statusReason: z.string().nullable().optional(),
  statusChangedAt: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  actions: z.array(ActionSchema),
});
export type Team = z.infer<typeof TeamSchema>;

export const TeamChangeSchema = z.object({
  change: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const TeamDetailSchema = TeamSchema.extend({
  members: z
    .array(TeamMemberSchema)
    .describe('Active members for the public; every member, past ones too, for staff'),
  history: z.array(TeamChangeSchema).optional(),
});
export type TeamDetail = z.infer<typeof TeamDetailSchema>;

export const TeamListQuerySchema = PageQuerySchema.extend({
  unit: z.string().trim().min(1).max(64).optional().describe('Province code, commune code or hamlet id'),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Team, hamlet or commune name; diacritics optional ("binh phu")'),
  status: z
    .enum([...TEAM_STATUSES, 'all'])
    .optional()
    .describe('Staff only; the public sees active teams'),
});
export type TeamListQuery = z.infer<typeof TeamListQuerySchema>;
export const TeamListResponseSchema = pageOf(TeamSchema);

export const TeamParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const MemberParamsSchema = z.object({
  id: z.string().min(1).max(64),
  memberId: z.string().min(1).max(64),
});

export const CreateTeamBodySchema = z.strictObject({
  communeCode: z.string().regex(/^\d{5}$/, 'A 5-digit commune code'),
  hamletId: z.string().min(1).max(64).nullish().describe('Leave out for a commune-level team'),
  name: z
    .string()
    .trim()
    .min(3)
    .max(160)
    .optional()
    .describe('Defaults to "Tổ công nghệ số cộng đồng <hamlet>"'),
  decision: DecisionSchema,
  schedule: z.string().trim().max(300).nullish(),
  contactPhone: ContactPhoneSchema.nullish(),
});
export type CreateTeamBody = z.infer<typeof CreateTeamBodySchema>;

export const UpdateTeamBodySchema = z.strictObject({
  name: z.string().trim().min(3).max(160).optional(),
  decision: DecisionSchema.optional(),
  schedule: z.string().trim().max(300).nullish(),
  contactPhone: ContactPhoneSchema.nullish(),
});
export type UpdateTeamBody = z.infer<typeof UpdateTeamBodySchema>;

export const MergeTeamBodySchema = z.strictObject({
  intoId: z.string().min(1).max(64).describe('The active team of the same commune that continues'),
  reason: z.string().trim().max(500).nullish(),
});

export const DissolveTeamBodySchema = z.strictObject({
  reason: z.string().trim().min(3).max(500),
  decision: DecisionSchema.nullish().describe('The decision that dissolves the team, when there is one'),
});

export const AddMemberBodySchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120),
    role: z.enum(MEMBER_ROLES).default('member'),
    affiliation: z.enum(AFFILIATIONS),
    organization: z.string().trim().min(2).max(120).nullish(),
    phone: PhoneSchema.nullish().describe('The member’s own number: never public unless the member opts in'),
    email: EmailSchema.nullish(),
    activeFrom: DateSchema.optional().describe('Defaults to today'),
    userId: z.string().min(1).max(64).nullish().describe('Link an existing account directly (no invitation)'),
    invite: z
      .boolean()
      .default(true)
      .describe('Send an invitation by e-mail / link when no account is linked'),
  })
  .superRefine((v, ctx) => {
    if (v.affiliation === 'telecom_business' && !v.organization) {
      ctx.addIssue({
        code: 'custom',
        path: ['organization'],
        message: 'Name the business (e.g. Viettel, VNPT, VNPost)',
        params: { messageVi: 'Hãy ghi tên doanh nghiệp (ví dụ Viettel, VNPT, VNPost).' },
      });
    }
  });
export type AddMemberBody = z.infer<typeof AddMemberBodySchema>;

/** A patch; the business-name rule is checked by the server against the merged result. */
export const UpdateMemberBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  role: z.enum(MEMBER_ROLES).optional(),
  affiliation: z.enum(AFFILIATIONS).optional(),
  organization: z.string().trim().min(2).max(120).nullish(),
  phone: PhoneSchema.nullish(),
  email: EmailSchema.nullish(),
  phonePublic: z.boolean().optional().describe('Only the member may make their own number public'),
  activeFrom: DateSchema.optional(),
  activeTo: DateSchema.nullish().describe('Last day of membership; null re-activates'),
});
export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>;

export const MemberInvitationSchema = z.object({ link: z.string(), expiresAt: z.string() });

export const MemberResponseSchema = z.object({
  member: TeamMemberSchema,
  invitation: MemberInvitationSchema.nullable(),
});
