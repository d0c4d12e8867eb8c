import { z } from 'zod';
import {
  AcceptBodySchema,
  AskQuestionBodySchema,
  AskQuestionResultSchema,
  ChallengeSchema,
  CommentBodySchema,
  CommentSchema,
  FaqQuerySchema,
  FaqSchema,
  FlagBodySchema,
  FlagResultSchema,
  HelpfulBodySchema,
  QuestionDetailQuerySchema,
  QuestionDetailSchema,
  QuestionIdParamsSchema,
  QuestionListQuerySchema,
  QuestionPageSchema,
  ReactionResultSchema,
  SuggestionListSchema,
  SuggestQuerySchema,
  TopicListSchema,
  UpvoteBodySchema,
} from '../../../shared/contracts/questions';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { auditContext } from '../../platform/http/request-meta';
import { publicAccess, sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { QuestionListsService } from './question-lists.service';
import type { QuestionReadersService } from './question-readers.service';
import type { Topics } from './question-topics';
import type { QuestionsService } from './questions.service';

/** Questions one address may ask in 10 minutes: a family or a commune's Wi-Fi asks a few; a script is stopped. */
export const QUESTIONS_PER_ADDRESS = 10;

/** A per-address limit over 10 minutes with a bilingual answer (counted across servers, platform/rate-limit). */
export const addressLimit = (max: number) => ({
  max,
  timeWindow: '10 minutes',
  errorResponseBuilder: () =>
    new AppError(
      'RATE_LIMITED',
      'Too many requests from this connection just now. Please wait a few minutes.',
      {
        messageVi: 'Có quá nhiều yêu cầu từ kết nối này. Vui lòng chờ vài phút.',
        headers: { 'retry-after': '600' },
      },
    ),
});

const tags = ['questions'];
const ok = { ...errorResponses };

/**
 * The Q&A's public routes (issue 11; fixed paths in interfaces.md): topics, the anti-spam challenge, asking, the
 * public list and search, suggestions while typing, a question's page, and what readers do — clarify and accept
 * (the asker by link), upvote (signed in), "helpful" and flags (per device) — and the curated FAQ.
 */
export function registerQuestionRoutes(
  app: ZodApp,
  deps: {
    questions: QuestionsService;
    readers: QuestionReadersService;
    lists: QuestionListsService;
    topics: Topics;
    clock: Clock;
  },
) {
  const { questions, readers, lists, clock } = deps;

  app.get(
    '/api/v1/questions/topics',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags,
        operationId: 'listQuestionTopics',
        summary: 'The topics: the five digital skills, the catalogue’s services, procedures, other',
        response: { 200: TopicListSchema, ...ok },
      },
    },
    async () => ({ items: await deps.topics.list() }),
  );

  app.get(
    '/api/v1/questions/challenge',
    {
      config: { access: publicAccess(), rateLimit: addressLimit(60) },
      schema: {
        tags,
        operationId: 'getQuestionChallenge',
        summary:
          'The anti-spam proof of work for asking without an account: find a nonce such that ' +
          'SHA-256("<token>:<nonce>") starts with `difficulty` zero bits; send { token, nonce } as `challenge` ' +
          'within 10 minutes. One solution asks one question; no third-party service is involved',
        response: { 200: ChallengeSchema, ...ok },
      },
    },
    async () => questions.challenge(),
  );

  app.post(
    '/api/v1/questions',
    {
      config: { access: publicAccess(), rateLimit: addressLimit(QUESTIONS_PER_ADDRESS) },
      schema: {
        tags,
        operationId: 'askQuestion',
        summary:
          'Ask a question (201). Without an account: a solved `challenge` is required, and the question waits ' +
          'for a moderator when the province says so (default). An e-mail is only to be told of the answer. ' +
          'The same client `id` and content again → 200 with the same question and askerToken; other content → 409',
        body: AskQuestionBodySchema,
        response: { 200: AskQuestionResultSchema, 201: AskQuestionResultSchema, ...ok },
      },
    },
    async (request, reply) => {
      const { created, ...result } = await questions.ask(
        request.actor,
        request.body,
        auditContext(request, clock),
      );
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/v1/questions',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags,
        operationId: 'listQuestions',
        summary:
          'Published questions: by relevance when `q` is given (tone-insensitive, the last word as a prefix), ' +
          'else newest first; cursor paging',
        querystring: QuestionListQuerySchema,
        response: { 200: QuestionPageSchema, ...ok },
      },
    },
    async (request) => questions.list(request.query),
  );

  app.get(
    '/api/v1/questions/suggestions',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags,
        operationId: 'suggestQuestions',
        summary:
          'Similar published questions while a title is typed (tone-insensitive, tolerant of small typos)',
        querystring: SuggestQuerySchema,
        response: { 200: SuggestionListSchema, ...ok },
      },
    },
    async (request) => questions.suggest(request.query.q, request.query.limit),
  );

  app.get(
    '/api/v1/questions/:id',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags,
        operationId: 'getQuestion',
        summary:
          'A question with its answers and clarifications (text fields are plain text; *Html fields are escaped). ' +
          'Waiting or hidden questions: moderators in scope, or the asker with `askerToken`',
        params: QuestionIdParamsSchema,
        querystring: QuestionDetailQuerySchema,
        response: { 200: QuestionDetailSchema, ...ok },
      },
    },
    async (request) => questions.detail(request.actor, request.params.id, request.query.askerToken),
  );

  app.post(
    '/api/v1/questions/:id/comments',
    {
      config: { access: publicAccess(), rateLimit: addressLimit(30) },
      schema: {
        tags,
        operationId: 'addQuestionComment',
        summary: 'A clarification: the asker with `askerToken`, or someone who may answer or moderate (201)',
        params: QuestionIdParamsSchema,
        body: CommentBodySchema,
        response: { 201: CommentSchema, ...ok },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await readers.comment(request.actor, request.params.id, request.body, auditContext(request, clock)),
        ),
  );

  app.post(
    '/api/v1/questions/:id/accept',
    {
      config: { access: publicAccess(), rateLimit: addressLimit(30) },
      schema: {
        tags,
        operationId: 'acceptAnswer',
        summary: 'Accept an answer: the asker with `askerToken`, or a moderator in scope',
        params: QuestionIdParamsSchema,
        body: AcceptBodySchema,
        response: { 200: z.object({ acceptedAnswerId: z.string() }), ...ok },
      },
    },
    async (request) =>
      readers.accept(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/questions/:id/upvote',
    {
      config: { access: sessionOnly() },
      schema: {
        tags,
        operationId: 'upvoteQuestion',
        summary: 'Upvote the question or one of its answers, once per account',
        params: QuestionIdParamsSchema,
        body: UpvoteBodySchema,
        response: { 200: ReactionResultSchema, ...ok },
      },
    },
    async (request) => readers.upvote(request.actor, request.params.id, request.body.answerId),
  );

  app.post(
    '/api/v1/questions/:id/helpful',
    {
      config: { access: publicAccess(), rateLimit: addressLimit(60) },
      schema: {
        tags,
        operationId: 'markQuestionHelpful',
        summary: '"This helped me" on the question or an answer, once per device',
        params: QuestionIdParamsSchema,
        body: HelpfulBodySchema,
        response: { 200: ReactionResultSchema, ...ok },
      },
    },
    async (request) => readers.helpful(request.params.id, request.body),
  );

  app.post(
    '/api/v1/questions/:id/flags',
    {
      config: { access: publicAccess(), rateLimit: addressLimit(30) },
      schema: {
        tags,
        operationId: 'flagQuestion',
        summary:
          'Flag the question or an answer (spam, offensive, personal data, off topic), once per account or device; ' +
          'the province’s threshold of open flags (default 3) hides it until a moderator decides',
        params: QuestionIdParamsSchema,
        body: FlagBodySchema,
        response: { 200: FlagResultSchema, ...ok },
      },
    },
    async (request) =>
      readers.flag(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/faq',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags,
        operationId: 'getFaq',
        summary: 'The curated FAQ by topic, in the curators’ order, with schema.org FAQPage JSON-LD',
        querystring: FaqQuerySchema,
        response: { 200: FaqSchema, ...ok },
      },
    },
    async (request) => lists.faq(request.query.topic),
  );
}
