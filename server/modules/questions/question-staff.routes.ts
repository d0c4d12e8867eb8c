import { z } from 'zod';
import {
  AnswerBodySchema,
  AnswerParamsSchema,
  AnswerSchema,
  EditAnswerBodySchema,
  EditQuestionBodySchema,
  FaqEntryResultSchema,
  FaqOrderBodySchema,
  FaqPromoteBodySchema,
  MergeBodySchema,
  ModerationBodySchema,
  QuestionIdParamsSchema,
  QuestionPageSchema,
  QuestionSettingsSchema,
  QueuePageSchema,
  QueueQuerySchema,
  RevisionListSchema,
  UnansweredQuerySchema,
  UpdateQuestionSettingsBodySchema,
} from '../../../shared/contracts/questions';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { QuestionListsService } from './question-lists.service';
import type { QuestionStaffService } from './question-staff.service';

const tags = ['questions'];
const access = { access: sessionOnly() };
const IdResultSchema = z.object({ id: z.string() });

/**
 * The network's Q&A routes (issue 11), all for signed-in staff (API keys are refused): answering, editing with
 * history, moderation and its queue, merging duplicates, the "unanswered > 48 h" list, FAQ curation and the
 * province's settings. Who may do what is decided in the services by questions.policy.ts.
 */
export function registerQuestionStaffRoutes(
  app: ZodApp,
  deps: { staff: QuestionStaffService; lists: QuestionListsService; clock: Clock },
) {
  const { staff, lists, clock } = deps;

  app.get(
    '/api/v1/questions/moderation-queue',
    {
      config: access,
      schema: {
        tags,
        operationId: 'listQuestionModerationQueue',
        summary: 'The moderators’ queue in the caller’s scope: waiting for review, flagged, or hidden',
        querystring: QueueQuerySchema,
        response: { 200: QueuePageSchema, ...errorResponses },
      },
    },
    async (request) => lists.queue(request.actor, request.query),
  );

  app.get(
    '/api/v1/questions/unanswered',
    {
      config: access,
      schema: {
        tags,
        operationId: 'listUnansweredQuestions',
        summary: 'Published, open questions without an answer for more than 48 hours, oldest first',
        querystring: UnansweredQuerySchema,
        response: { 200: QuestionPageSchema, ...errorResponses },
      },
    },
    async (request) => lists.unanswered(request.actor, request.query),
  );

  app.get(
    '/api/v1/questions/settings',
    {
      config: access,
      schema: {
        tags,
        operationId: 'getQuestionSettings',
        summary: 'The province’s Q&A settings (curators at province level)',
        response: { 200: QuestionSettingsSchema, ...errorResponses },
      },
    },
    async (request) => lists.settings(request.actor),
  );

  app.put(
    '/api/v1/questions/settings',
    {
      config: access,
      schema: {
        tags,
        operationId: 'updateQuestionSettings',
        summary:
          'Change the auto-hide threshold (open flags) and whether anonymous questions wait for moderation',
        body: UpdateQuestionSettingsBodySchema,
        response: { 200: QuestionSettingsSchema, ...errorResponses },
      },
    },
    async (request) => lists.updateSettings(request.actor, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/questions/:id/answers',
    {
      config: access,
      schema: {
        tags,
        operationId: 'answerQuestion',
        summary:
          'Answer a published, open question (201); accountable roles’ answers carry the official badge',
        params: QuestionIdParamsSchema,
        body: AnswerBodySchema,
        response: { 201: AnswerSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await staff.answer(request.actor, request.params.id, request.body, auditContext(request, clock)),
        ),
  );

  app.patch(
    '/api/v1/questions/:id/answers/:answerId',
    {
      config: access,
      schema: {
        tags,
        operationId: 'editAnswer',
        summary:
          'Edit an answer (its author or a moderator); the previous text is kept unless it held personal data',
        params: AnswerParamsSchema,
        body: EditAnswerBodySchema,
        response: { 200: AnswerSchema, ...errorResponses },
      },
    },
    async (request) =>
      staff.editAnswer(
        request.actor,
        request.params.id,
        request.params.answerId,
        request.body,
        auditContext(request, clock),
      ),
  );

  app.patch(
    '/api/v1/questions/:id',
    {
      config: access,
      schema: {
        tags,
        operationId: 'editQuestion',
        summary:
          'A moderator edits a question (reason personal_data: the removed text is not kept in the history)',
        params: QuestionIdParamsSchema,
        body: EditQuestionBodySchema,
        response: { 200: IdResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      staff.editQuestion(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/questions/:id/moderation',
    {
      config: access,
      schema: {
        tags,
        operationId: 'moderateQuestion',
        summary:
          'publish | hide | reject | lock | unlock | close | reopen | dismiss_flags | hide_answer | publish_answer',
        params: QuestionIdParamsSchema,
        body: ModerationBodySchema,
        response: { 200: IdResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      staff.moderate(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/questions/:id/merge',
    {
      config: access,
      schema: {
        tags,
        operationId: 'mergeQuestion',
        summary: 'Merge a duplicate into another question: answers and clarifications move there',
        params: QuestionIdParamsSchema,
        body: MergeBodySchema,
        response: { 200: z.object({ id: z.string(), mergedIntoId: z.string() }), ...errorResponses },
      },
    },
    async (request) =>
      staff.merge(request.actor, request.params.id, request.body.intoId, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/questions/:id/revisions',
    {
      config: access,
      schema: {
        tags,
        operationId: 'listQuestionRevisions',
        summary: 'The edit history of a question and its answers (moderators)',
        params: QuestionIdParamsSchema,
        response: { 200: RevisionListSchema, ...errorResponses },
      },
    },
    async (request) => staff.revisions(request.actor, request.params.id),
  );

  app.put(
    '/api/v1/faq/order',
    {
      config: access,
      schema: {
        tags,
        operationId: 'orderFaq',
        summary: 'Set the order of a topic’s FAQ (every entry of the topic, once)',
        body: FaqOrderBodySchema,
        response: { 200: z.object({ topic: z.string(), ids: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (request) => lists.reorder(request.actor, request.body, auditContext(request, clock)),
  );

  app.put(
    '/api/v1/faq/:id',
    {
      config: access,
      schema: {
        tags,
        operationId: 'promoteToFaq',
        summary: 'Put a published Q&A in its topic’s FAQ, at `position` or last (or move it there)',
        params: QuestionIdParamsSchema,
        body: FaqPromoteBodySchema,
        response: { 200: FaqEntryResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      lists.promote(request.actor, request.params.id, request.body.position, auditContext(request, clock)),
  );

  app.delete(
    '/api/v1/faq/:id',
    {
      config: access,
      schema: {
        tags,
        operationId: 'demoteFromFaq',
        summary: 'Take a Q&A out of the FAQ',
        params: QuestionIdParamsSchema,
        response: { 200: FaqEntryResultSchema, ...errorResponses },
      },
    },
    async (request) => lists.demote(request.actor, request.params.id, auditContext(request, clock)),
  );
}
