import { z } from 'zod';
import { UUID_PATTERN } from '../ids';
import { ActionSchema } from './accounts';
import { pageOf } from './paging';

/**
 * The online Q&A's contracts (issue 11). Public answers never carry an asker's e-mail; the asker's display name is
 * public by the register's consent ("questions" purpose). Every text field is plain text: clients show it as text,
 * and `bodyHtml` is the server's escaped rendering (paragraphs and line breaks only — never markup from the user).
 */

export const MAX_QUESTION_TITLE = 200;
export const MAX_QUESTION_BODY = 5000;
export const MAX_ANSWER_BODY = 8000;
export const MAX_COMMENT_BODY = 1000;
export const QUESTION_FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic'] as const;
export const QUESTION_STATUSES = ['pending', 'published', 'hidden', 'rejected', 'merged'] as const;
/** Hours after which a published question without an answer is on the network's "unanswered" list. */
export const UNANSWERED_AFTER_HOURS = 48;

/**
 * A topic: one of the five basic digital skills (`skill.public_services`), a service of the catalogue
 * (`service.vneid_level2`), administrative procedures (`procedures`) or anything else (`other`).
 */
export const TOPIC_PATTERN = /^(skill\.[a-z_]{2,40}|service\.[a-z][a-z0-9_]{1,47}|procedures|other)$/;
export const TopicSchema = z
  .string()
  .trim()
  .regex(TOPIC_PATTERN, 'A topic code: skill.<skill>, service.<code>, procedures or other')
  .describe('skill.<one of the five skills> | service.<catalogue code> | procedures | other');

const UuidSchema = z.string().regex(UUID_PATTERN, 'Must be a UUID');
const CommuneCodeSchema = z.string().regex(/^\d{5}$/, 'A 5-digit commune code');
/** A random id the browser keeps for "helpful" and flags (stored only as a keyed hash). */
const DeviceIdSchema = z
  .string()
  .trim()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/)
  .describe('A random id the device keeps (16–128 letters, digits, "-" or "_"); stored only as a keyed hash');
const AskerTokenSchema = z.string().trim().min(20).max(100).describe('The private token of the asker’s link');

export const QuestionIdParamsSchema = z.object({ id: UuidSchema });
export const AnswerParamsSchema = z.object({ id: UuidSchema, answerId: UuidSchema });

export const TopicSchemaItem = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  group: z.enum(['skill', 'service', 'procedures', 'other']),
});
export const TopicListSchema = z.object({ items: z.array(TopicSchemaItem) });

/**
 * The self-hosted spam challenge (no third-party service): find a `nonce` such that
 * SHA-256(`${token}:${nonce}`) starts with `difficulty` zero bits, and send `{ token, nonce }` with the question.
 * The token is signed by the server and expires; each token asks one question only.
 */
export const ChallengeSchema = z.object({
  token: z.string(),
  algorithm: z.literal('sha256-leading-zero-bits'),
  difficulty: z.number().int().min(0).max(32),
  expiresAt: z.string(),
});
export const ChallengeAnswerSchema = z.strictObject({
  token: z.string().min(10).max(300),
  nonce: z.string().min(1).max(64),
});

/** POST /api/v1/questions (anyone; an asker without an account also sends a solved `challenge`). */
export const AskQuestionBodySchema = z.strictObject({
  id: z
    .string()
    .regex(UUID_PATTERN, 'Must be a UUID')
    .optional()
    .describe('Made by the client so a resend stores one question and gets the same askerToken back'),
  title: z.string().trim().min(8).max(MAX_QUESTION_TITLE),
  body: z.string().trim().min(10).max(MAX_QUESTION_BODY),
  topic: TopicSchema.optional().describe('Defaults to "other"'),
  communeCode: CommuneCodeSchema.optional(),
  name: z
    .string()
    .trim()
    .max(80)
    .optional()
    .describe('A display name, shown publicly; need not be a real name'),
  email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .describe('Only to be told of the answer; never shown. Needs `consentVersion`'),
  consentVersion: z
    .string()
    .trim()
    .max(40)
    .optional()
    .describe(
      'The register’s consent text version ("questions") the asker agreed to; required with an e-mail',
    ),
  challenge: ChallengeAnswerSchema.optional().describe('Required when not signed in'),
});
export type AskQuestionBody = z.infer<typeof AskQuestionBodySchema>;

export const AskQuestionResultSchema = z.object({
  id: z.string(),
  status: z.enum(['published', 'pending']).describe('pending: waits for a moderator before it is public'),
  askerToken: z
    .string()
    .describe('Keep it: the private link that accepts an answer and adds clarifications (shown once)'),
});

export const QuestionListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Words to search, with or without tones'),
  topic: TopicSchema.optional(),
  unit: z
    .string()
    .regex(/^\d{2}$|^\d{5}$/)
    .optional()
    .describe('A province (2 digits) or commune (5 digits)'),
  answered: z.enum(['yes', 'no']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type QuestionListQuery = z.infer<typeof QuestionListQuerySchema>;

export const QuestionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
  topic: z.string(),
  communeCode: z.string().nullable(),
  askerName: z.string().nullable(),
  answerCount: z.number().int(),
  hasAcceptedAnswer: z.boolean(),
  hasOfficialAnswer: z.boolean(),
  upvotes: z.number().int(),
  publishedAt: z.string().nullable(),
});
export type QuestionSummary = z.infer<typeof QuestionSummarySchema>;
export const QuestionPageSchema = pageOf(QuestionSummarySchema);

export const SuggestQuerySchema = z.object({
  q: z.string().trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
export const SuggestionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      answerCount: z.number().int(),
      hasAcceptedAnswer: z.boolean(),
    }),
  ),
});

export const AnswerSchema = z.object({
  id: z.string(),
  body: z.string(),
  bodyHtml: z.string().describe('The body escaped, paragraphs and line breaks only'),
  authorName: z.string(),
  authorRole: z.string(),
  official: z.boolean().describe('The "official answer" badge: given by an accountable role'),
  accepted: z.boolean(),
  status: z.enum(['published', 'hidden']),
  upvotes: z.number().int(),
  helpful: z.number().int(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const CommentSchema = z.object({
  id: z.string(),
  answerId: z.string().nullable(),
  body: z.string(),
  authorName: z.string().nullable(),
  byAsker: z.boolean(),
  createdAt: z.string(),
});

export const QuestionDetailSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  bodyHtml: z.string().describe('The body escaped, paragraphs and line breaks only'),
  topic: z.string(),
  communeCode: z.string().nullable(),
  askerName: z.string().nullable(),
  status: z.enum(QUESTION_STATUSES),
  locked: z.boolean(),
  closed: z.boolean(),
  mergedIntoId: z.string().nullable(),
  acceptedAnswerId: z.string().nullable(),
  inFaq: z.boolean(),
  upvotes: z.number().int(),
  helpful: z.number().int(),
  publishedAt: z.string().nullable(),
  editedAt: z.string().nullable(),
  answers: z.array(AnswerSchema),
  comments: z.array(CommentSchema),
  actions: z.array(ActionSchema).describe('What the caller may do here'),
  jsonLd: z
    .record(z.string(), z.unknown())
    .describe('schema.org QAPage for the public page; its strings are user text: embed it with "<" escaped'),
});
export type QuestionDetail = z.infer<typeof QuestionDetailSchema>;

export const QuestionDetailQuerySchema = z.object({
  askerToken: AskerTokenSchema.optional().describe(
    'The asker sees their question while it waits for moderation',
  ),
});

export const AnswerBodySchema = z.strictObject({ body: z.string().trim().min(2).max(MAX_ANSWER_BODY) });

export const EditQuestionBodySchema = z.strictObject({
  title: z.string().trim().min(8).max(MAX_QUESTION_TITLE).optional(),
  body: z.string().trim().min(10).max(MAX_QUESTION_BODY).optional(),
  topic: TopicSchema.optional(),
  reason: z
    .enum(['edit', 'personal_data'])
    .default('edit')
    .describe('personal_data: the previous text is not kept in the history'),
  note: z.string().trim().max(300).optional(),
});
export const EditAnswerBodySchema = z.strictObject({
  body: z.string().trim().min(2).max(MAX_ANSWER_BODY),
  reason: z.enum(['edit', 'personal_data']).default('edit'),
  note: z.string().trim().max(300).optional(),
});

export const CommentBodySchema = z.strictObject({
  body: z.string().trim().min(2).max(MAX_COMMENT_BODY),
  answerId: UuidSchema.optional(),
  askerToken: AskerTokenSchema.optional().describe('The asker’s clarification (no account needed)'),
});

export const AcceptBodySchema = z.strictObject({
  answerId: UuidSchema,
  askerToken: AskerTokenSchema.optional().describe('The asker; a moderator accepts without it'),
});

export const UpvoteBodySchema = z.strictObject({ answerId: UuidSchema.optional() });
export const HelpfulBodySchema = z.strictObject({
  answerId: UuidSchema.optional(),
  deviceId: DeviceIdSchema,
});
export const ReactionResultSchema = z.object({
  count: z.number().int(),
  counted: z.boolean().describe('false: this account or device had already counted'),
});

export const FlagBodySchema = z.strictObject({
  reason: z.enum(QUESTION_FLAG_REASONS),
  answerId: UuidSchema.optional(),
  deviceId: DeviceIdSchema,
});
export const FlagResultSchema = z.object({ received: z.literal(true) });

export const MODERATION_ACTIONS = [
  'publish',
  'hide',
  'reject',
  'lock',
  'unlock',
  'close',
  'reopen',
  'dismiss_flags',
  'hide_answer',
  'publish_answer',
] as const;
export const ModerationBodySchema = z.strictObject({
  action: z.enum(MODERATION_ACTIONS),
  answerId: UuidSchema.optional().describe('For hide_answer / publish_answer / dismiss_flags on an answer'),
  reason: z.string().trim().max(300).optional(),
});
export const MergeBodySchema = z.strictObject({ intoId: UuidSchema });

export const RevisionSchema = z.object({
  id: z.string(),
  targetKind: z.enum(['question', 'answer']),
  targetId: z.string(),
  reason: z.enum(['edit', 'personal_data']),
  beforeTitle: z.string().nullable(),
  beforeBody: z.string().nullable().describe('null for a personal-data edit: the removed text is not kept'),
  editorUserId: z.string().nullable(),
  editorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const RevisionListSchema = z.object({ items: z.array(RevisionSchema) });

export const QueueQuerySchema = z.object({
  box: z.enum(['pending', 'flagged', 'hidden']).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export const QueueItemSchema = QuestionSummarySchema.extend({
  status: z.enum(QUESTION_STATUSES),
  openFlags: z.number().int().describe('Open flags on the question and its answers'),
  flagReasons: z.array(z.enum(QUESTION_FLAG_REASONS)),
  createdAt: z.string(),
});
export const QueuePageSchema = pageOf(QueueItemSchema);

export const UnansweredQuerySchema = z.object({
  unit: z
    .string()
    .regex(/^\d{2}$|^\d{5}$/)
    .optional(),
  topic: TopicSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const FaqQuerySchema = z.object({ topic: TopicSchema.optional() });
export const FaqSchema = z.object({
  topics: z.array(
    z.object({
      topic: z.string(),
      name: z.string(),
      nameEn: z.string(),
      items: z.array(
        z.object({
          id: z.string(),
          position: z.number().int(),
          title: z.string(),
          answer: z
            .string()
            .nullable()
            .describe('The accepted answer, else the first official one, else the first'),
          answerHtml: z.string().nullable(),
        }),
      ),
    }),
  ),
  jsonLd: z
    .record(z.string(), z.unknown())
    .describe('schema.org FAQPage; its strings are user text: embed it with "<" escaped'),
});
export const FaqPromoteBodySchema = z.strictObject({
  position: z.number().int().min(1).max(1000).optional().describe('Last of its topic when left out'),
});
export const FaqOrderBodySchema = z.strictObject({
  topic: TopicSchema,
  ids: z.array(UuidSchema).min(1).max(200),
});
export const FaqEntryResultSchema = z.object({
  id: z.string(),
  topic: z.string(),
  position: z.number().int().nullable(),
});

export const QuestionSettingsSchema = z.object({
  provinceCode: z.string(),
  flagThreshold: z.number().int(),
  moderateAnonymous: z.boolean(),
});
export const UpdateQuestionSettingsBodySchema = z.strictObject({
  flagThreshold: z.number().int().min(1).max(50).optional(),
  moderateAnonymous: z.boolean().optional(),
});
