import { z } from 'zod';
import {
  AcceptBodySchema,
  AnswerBodySchema,
  AnswerSchema,
  AskQuestionBodySchema,
  AskQuestionResultSchema,
  ChallengeSchema,
  CommentBodySchema,
  CommentSchema,
  EditAnswerBodySchema,
  EditQuestionBodySchema,
  FaqEntryResultSchema,
  FaqOrderBodySchema,
  FaqPromoteBodySchema,
  FaqSchema,
  FlagBodySchema,
  FlagResultSchema,
  HelpfulBodySchema,
  MergeBodySchema,
  ModerationBodySchema,
  QuestionDetailSchema,
  QuestionPageSchema,
  QuestionSettingsSchema,
  QueuePageSchema,
  RevisionListSchema,
  ReactionResultSchema,
  SuggestionListSchema,
  TopicListSchema,
  UpdateQuestionSettingsBodySchema,
  UpvoteBodySchema,
} from '../../../shared/contracts/questions';
import type { EndpointContract } from '../../test-contracts';

const Id = z.object({ id: z.string() });

/**
 * The Q&A endpoints the web calls (issue 11), public and staff, for web/test-contracts.ts (the fake API checks every
 * body against them; server/test/web-test-contracts.test.ts checks them against the server's routes). Literal
 * paths come before `/:id`, which would otherwise match them.
 */
export const QUESTION_CONTRACTS: EndpointContract[] = [
  { method: 'GET', path: '/api/v1/questions/topics', responses: { 200: TopicListSchema } },
  { method: 'GET', path: '/api/v1/questions/challenge', responses: { 200: ChallengeSchema } },
  { method: 'GET', path: '/api/v1/questions/suggestions', responses: { 200: SuggestionListSchema } },
  { method: 'GET', path: '/api/v1/questions/moderation-queue', responses: { 200: QueuePageSchema } },
  { method: 'GET', path: '/api/v1/questions/unanswered', responses: { 200: QuestionPageSchema } },
  { method: 'GET', path: '/api/v1/questions/settings', responses: { 200: QuestionSettingsSchema } },
  {
    method: 'PUT',
    path: '/api/v1/questions/settings',
    body: UpdateQuestionSettingsBodySchema,
    responses: { 200: QuestionSettingsSchema },
  },
  { method: 'GET', path: '/api/v1/questions', responses: { 200: QuestionPageSchema } },
  {
    method: 'POST',
    path: '/api/v1/questions',
    body: AskQuestionBodySchema,
    // 200: a resend under the same client id (the stored question answers it).
    responses: { 200: AskQuestionResultSchema, 201: AskQuestionResultSchema },
  },
  { method: 'GET', path: '/api/v1/questions/:id', responses: { 200: QuestionDetailSchema } },
  { method: 'GET', path: '/api/v1/questions/:id/revisions', responses: { 200: RevisionListSchema } },
  { method: 'PATCH', path: '/api/v1/questions/:id', body: EditQuestionBodySchema, responses: { 200: Id } },
  {
    method: 'POST',
    path: '/api/v1/questions/:id/comments',
    body: CommentBodySchema,
    responses: { 201: CommentSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/questions/:id/accept',
    body: AcceptBodySchema,
    responses: { 200: z.object({ acceptedAnswerId: z.string() }) },
  },
  {
    method: 'POST',
    path: '/api/v1/questions/:id/upvote',
    body: UpvoteBodySchema,
    responses: { 200: ReactionResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/questions/:id/helpful',
    body: HelpfulBodySchema,
    responses: { 200: ReactionResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/questions/:id/flags',
    body: FlagBodySchema,
    responses: { 200: FlagResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/questions/:id/answers',
    body: AnswerBodySchema,
    responses: { 201: AnswerSchema },
  },
  {
    method: 'PATCH',
    path: '/api/v1/questions/:id/answers/:answerId',
    body: EditAnswerBodySchema,
    responses: { 200: AnswerSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/questions/:id/moderation',
    body: ModerationBodySchema,
    responses: { 200: Id },
  },
  {
    method: 'POST',
    path: '/api/v1/questions/:id/merge',
    body: MergeBodySchema,
    responses: { 200: z.object({ id: z.string(), mergedIntoId: z.string() }) },
  },
  { method: 'GET', path: '/api/v1/faq', responses: { 200: FaqSchema } },
  {
    method: 'PUT',
    path: '/api/v1/faq/order',
    body: FaqOrderBodySchema,
    responses: { 200: z.object({ topic: z.string(), ids: z.array(z.string()) }) },
  },
  {
    method: 'PUT',
    path: '/api/v1/faq/:id',
    body: FaqPromoteBodySchema,
    responses: { 200: FaqEntryResultSchema },
  },
  { method: 'DELETE', path: '/api/v1/faq/:id', responses: { 200: FaqEntryResultSchema } },
];
