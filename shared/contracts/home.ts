import { z } from 'zod';

/**
 * GET /api/v1/home/summary: the figures of a signed-in person's home, one section per kind of role they hold, the
 * highest first. Every figure is counted on the server inside the caller's grants; the web app only lays them out.
 */

const count = () => z.number().int().nonnegative();

export const HomeMonthSchema = z.object({
  from: z.string().describe('First local day of the current month (YYYY-MM-DD, Asia/Ho_Chi_Minh)'),
  to: z.string().describe('Today, local'),
});

export const HomeRecentRecordSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  state: z.enum(['active', 'superseded', 'retracted']),
  reviewStatus: z.enum(['pending', 'reviewed', 'flagged']),
  teamName: z.string().nullable(),
});
export type HomeRecentRecord = z.infer<typeof HomeRecentRecordSchema>;

export const HomeTeamRefSchema = z.object({ teamId: z.string(), teamName: z.string() });

/** A team member: what they recorded lately and their teams (the outbox count is on the phone, not here). */
export const MemberSectionSchema = z.object({
  kind: z.literal('member'),
  recordsThisMonth: count().describe('Records the caller captured this month (retracted ones not counted)'),
  recent: z.array(HomeRecentRecordSchema).describe('The caller’s five newest records'),
  teams: z.array(HomeTeamRefSchema),
});

export const LeaderTeamSchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  hamletName: z.string().nullable(),
  schedule: z.string().nullable(),
  hasContact: z.boolean().describe('The team has a public contact number (shown on its page)'),
  activeMembers: count(),
  inactiveMembers: z
    .array(z.object({ memberId: z.string(), name: z.string() }))
    .describe('Active members with no record this month (at most 20 named)'),
  inactiveCount: count(),
});
export type LeaderTeam = z.infer<typeof LeaderTeamSchema>;

/** A team leader: the teams they lead and the records waiting for their review. */
export const LeaderSectionSchema = z.object({
  kind: z.literal('leader'),
  teams: z.array(LeaderTeamSchema),
  pendingReview: count().describe('Active records awaiting review inside the leader grants (the review list)'),
});

export const CommuneGlanceSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  teams: count().describe('Active teams'),
  hamlets: count().describe('Active hamlets'),
  hamletsWithoutTeam: count(),
  pendingReview: count(),
  teamsWithoutRecords: count().describe('Active teams with no record this month'),
});
export type CommuneGlance = z.infer<typeof CommuneGlanceSchema>;

/** A commune officer: each of their communes at a glance. */
export const CommuneSectionSchema = z.object({
  kind: z.literal('commune'),
  communes: z.array(CommuneGlanceSchema),
});

export const ProvinceRowSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  teams: count(),
  members: count().describe('Active members of active teams'),
  recordsThisMonth: count().describe('Active records (corrected versions and retracted ones not counted)'),
  pendingReview: count(),
  hamletsWithoutTeam: count(),
});
export type ProvinceRow = z.infer<typeof ProvinceRowSchema>;

/** Province, department and Youth Union roles: every commune of their grants, one row each. */
export const OverviewSectionSchema = z.object({
  kind: z.literal('overview'),
  rows: z.array(ProvinceRowSchema),
});

/** An agency handler: no figures yet — their case work arrives with the reports module. */
export const AgencySectionSchema = z.object({ kind: z.literal('agency') });

export const HomeSectionSchema = z.discriminatedUnion('kind', [
  OverviewSectionSchema,
  CommuneSectionSchema,
  AgencySectionSchema,
  LeaderSectionSchema,
  MemberSectionSchema,
]);
export type HomeSection = z.infer<typeof HomeSectionSchema>;
export type HomeSectionKind = HomeSection['kind'];

export const HomeSummarySchema = z.object({
  month: HomeMonthSchema,
  sections: z.array(HomeSectionSchema).describe('One per kind of role the caller holds, the highest first'),
});
export type HomeSummary = z.infer<typeof HomeSummarySchema>;
