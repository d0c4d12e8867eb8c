import { z } from 'zod';
import { MAX_PAGE_SIZE } from './paging';

/**
 * Notification kinds: what a user can tune delivery for. Modules that start notifying add their kind here
 * (and the web app shows its label) — one list for server, web and the OpenAPI.
 */
export const NOTIFICATION_KINDS = [
  'account', // invitations, password changes, sign-in security
  'team', // team membership
  'support', // review of support records
  'privacy', // data-subject requests falling due (handlers)
  'case', // citizens' reports and teams' proposals: assignments, deadlines, answers (issue 10)
  'help_request', // citizens' help requests: new for the team, assigned to me, nobody called yet (issue 11)
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS).describe('What the notification is about');
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** Actions the caller may take on one notification. */
export const NOTIFICATION_ACTIONS = ['markRead'] as const;

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string().describe('A notification kind; older rows may carry a kind no longer listed'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('Where the notification leads in the app (path or absolute URL)'),
  readAt: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.enum(NOTIFICATION_ACTIONS)),
});
export type Notification = z.infer<typeof NotificationSchema>;

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .describe('true / false');

export const ListNotificationsQuerySchema = z.object({
  unread: booleanQuery.optional().describe('Only unread notifications when true'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuerySchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema).describe('Newest first'),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int().describe('Unread notifications in total, whatever the filter'),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationIdParamsSchema = z.object({ id: z.string().max(64) });

export const NotificationPreferenceSchema = z.strictObject({
  kind: NotificationKindSchema,
  inApp: z.boolean().describe('Show in the app'),
  email: z.boolean().describe('Send by e-mail'),
  webhook: z.boolean().describe("Post to the deployment's webhook (only when one is configured)"),
  digest: z
    .boolean()
    .describe('Bundle e-mails of this kind into one daily digest (07:00) instead of sending each'),
});
export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>;

/** Defaults when the user never chose: in the app and by e-mail, at once. */
export const DEFAULT_NOTIFICATION_PREFERENCE: Omit<NotificationPreference, 'kind'> = {
  inApp: true,
  email: true,
  webhook: false,
  digest: false,
};

export const NotificationPreferencesSchema = z.object({
  items: z.array(NotificationPreferenceSchema).describe('One entry per known kind'),
  webhookAvailable: z
    .boolean()
    .describe('Whether this deployment has a webhook, so `webhook` may be turned on'),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const PutNotificationPreferencesBodySchema = z.strictObject({
  items: z
    .array(NotificationPreferenceSchema)
    .max(NOTIFICATION_KINDS.length)
    .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, 'Each kind may appear once')
    .describe('Kinds left out keep their current setting'),
});
export type PutNotificationPreferencesBody = z.infer<typeof PutNotificationPreferencesBodySchema>;
