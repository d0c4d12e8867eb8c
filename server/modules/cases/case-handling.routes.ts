import { z } from 'zod';
import {
  BlockSenderBodySchema,
  CaseActionBodySchema,
  CaseNoteBodySchema,
  ExtensionDecisionBodySchema,
  ExtensionRequestBodySchema,
  HandlerCaseSchema,
  InboxPageSchema,
  InboxQuerySchema,
  ModerationBodySchema,
  ProposalBodySchema,
  ProposalListQuerySchema,
  ProposalPageSchema,
  ProposalSummaryQuerySchema,
  ProposalSummarySchema,
  RevealContactBodySchema,
  RevealedContactSchema,
  StaffCaseBodySchema,
} from '../../../shared/contracts/case-handling';
import { CaseIdParamsSchema, CreateCaseResultSchema } from '../../../shared/contracts/cases';
import { UUID_PATTERN } from '../../../shared/ids';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { CaseHandlingModule } from './case-handling.module';

const ExtensionParamsSchema = CaseIdParamsSchema.extend({
  extId: z.string().regex(UUID_PATTERN, 'Must be a UUID'),
});

/**
 * The handlers' routes (issue 10): inboxes, a case's handler view, the workflow's steps, notes, extensions,
 * moderation, blocking, the logged reveal of the reporter's contact, staff filing and teams' proposals. All are for
 * signed-in people (API keys are refused): the service decides per case, answering 404 for a case out of reach.
 */
export function registerCaseHandlingRoutes(
  app: ZodApp,
  deps: { handling: CaseHandlingModule; clock: Clock },
) {
  const { handling, clock } = deps;
  const access = { access: sessionOnly() };
  const tags = ['case handling'];

  app.get(
    '/api/v1/case-inbox',
    {
      config: access,
      schema: {
        tags,
        operationId: 'getCaseInbox',
        summary:
          'Cases in the caller’s box (agency: my agencies; commune: received where I work; all: everything in reach), ' +
          'newest first, with counts. The leaders’ overdue list: box=all&overdue=true',
        querystring: InboxQuerySchema,
        response: { 200: InboxPageSchema, ...errorResponses },
      },
    },
    async (request) => handling.reads.inbox(request.actor, request.query),
  );

  app.get(
    '/api/v1/cases/:id/handling',
    {
      config: access,
      schema: {
        tags,
        operationId: 'getHandlerCase',
        summary:
          'A case as handlers in scope see it: reporter (masked), internal timeline, extensions, actions',
        params: CaseIdParamsSchema,
        response: { 200: HandlerCaseSchema, ...errorResponses },
      },
    },
    async (request) => handling.reads.getCase(request.actor, request.params.id),
  );

  app.post(
    '/api/v1/cases/:id/reveal-contact',
    {
      config: access,
      schema: {
        tags,
        operationId: 'revealCaseContact',
        summary:
          'The reporter’s full phone and e-mail, for a handler in scope who states why (written to the access log)',
        params: CaseIdParamsSchema,
        body: RevealContactBodySchema,
        response: { 200: RevealedContactSchema, ...errorResponses },
      },
    },
    async (request) =>
      handling.reads.revealContact(
        request.actor,
        request.params.id,
        request.body.reason,
        auditContext(request, clock),
      ),
  );

  app.post(
    '/api/v1/cases/:id/actions',
    {
      config: access,
      schema: {
        tags,
        operationId: 'takeCaseAction',
        summary:
          'One workflow step: accept, refuse, assign, reassign, start, answer, close, merge. 409 when the state does not ' +
          'allow it or changed meanwhile',
        params: CaseIdParamsSchema,
        body: CaseActionBodySchema,
        response: { 200: HandlerCaseSchema, ...errorResponses },
      },
    },
    async (request) =>
      handling.actions.perform(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/cases/:id/answer-photos',
    {
      // multipart: validated in the service (the parts arrive after the body stage).
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      config: access,
      schema: {
        tags,
        operationId: 'addCaseAnswerPhotos',
        summary:
          'Photos of the result, added to the answer after it is given (multipart: up to 5 "photos" parts); the answer ' +
          'holds at most 5',
        params: CaseIdParamsSchema,
        response: { 200: HandlerCaseSchema, ...errorResponses },
      },
    },
    async (request) => handling.answerPhotos.add(request, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/cases/:id/notes',
    {
      config: access,
      schema: {
        tags,
        operationId: 'addCaseNote',
        summary: 'An internal note (public=false) or a public progress update (public=true)',
        params: CaseIdParamsSchema,
        body: CaseNoteBodySchema,
        response: { 200: HandlerCaseSchema, ...errorResponses },
      },
    },
    async (request) =>
      handling.extras.addNote(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/cases/:id/extensions',
    {
      config: access,
      schema: {
        tags,
        operationId: 'requestCaseExtension',
        summary: 'The agency asks for more working days, with a reason (one pending request at a time)',
        params: CaseIdParamsSchema,
        body: ExtensionRequestBodySchema,
        response: { 200: HandlerCaseSchema, ...errorResponses },
      },
    },
    async (request) =>
      handling.extras.requestExtension(
        request.actor,
        request.params.id,
        request.body,
        auditContext(request, clock),
      ),
  );

  app.post(
    '/api/v1/cases/:id/extensions/:extId/decision',
    {
      config: access,
      schema: {
        tags,
        operationId: 'decideCaseExtension',
        summary: 'A supervisor approves (the handling deadline moves by the working days asked) or rejects',
        params: ExtensionParamsSchema,
        body: ExtensionDecisionBodySchema,
        response: { 200: HandlerCaseSchema, ...errorResponses },
      },
    },
    async (request) =>
      handling.extras.decideExtension(
        request.actor,
        request.params.id,
        request.params.extId,
        request.body,
        auditContext(request, clock),
      ),
  );

  app.post(
    '/api/v1/cases/:id/moderation',
    {
      config: access,
      schema: {
        tags,
        operationId: 'moderateCase',
        summary:
          'Edit personal data out of the public text, hide or show photos, hide entries, hide the case',
        params: CaseIdParamsSchema,
        body: ModerationBodySchema,
        response: { 200: HandlerCaseSchema, ...errorResponses },
      },
    },
    async (request) =>
      handling.extras.moderate(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/cases/:id/block-sender',
    {
      config: access,
      schema: {
        tags,
        operationId: 'blockCaseSender',
        summary:
          'Block the reporter’s phone and e-mail (their hashes) from filing in the province, for `days` or until lifted',
        params: CaseIdParamsSchema,
        body: BlockSenderBodySchema,
        response: { 200: HandlerCaseSchema, ...errorResponses },
      },
    },
    async (request) =>
      handling.extras.blockSender(
        request.actor,
        request.params.id,
        request.body,
        auditContext(request, clock),
      ),
  );

  app.post(
    '/api/v1/cases/staff',
    {
      config: access,
      schema: {
        tags,
        operationId: 'fileCaseForCaller',
        summary:
          'Staff file a report or petition for a caller or a walk-in (cases.triage where it sits); 200 on a resend',
        body: StaffCaseBodySchema,
        response: { 200: CreateCaseResultSchema, 201: CreateCaseResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await handling.filing.fileForCaller(
        request.actor,
        request.body,
        auditContext(request, clock),
      );
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );

  app.post(
    '/api/v1/proposals',
    {
      config: access,
      schema: {
        tags,
        operationId: 'raiseProposal',
        summary: 'A team leader raises a difficulty or proposal for the Youth Union; 200 on a resend',
        body: ProposalBodySchema,
        response: { 200: CreateCaseResultSchema, 201: CreateCaseResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await handling.filing.raiseProposal(
        request.actor,
        request.body,
        auditContext(request, clock),
      );
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/v1/proposals',
    {
      config: access,
      schema: {
        tags,
        operationId: 'listProposals',
        summary:
          'Teams’ proposals with their answers (proposals.triage holders in reach; team leaders: their teams)',
        querystring: ProposalListQuerySchema,
        response: { 200: ProposalPageSchema, ...errorResponses },
      },
    },
    async (request) => handling.proposals.proposalList(request.actor, request.query),
  );

  app.get(
    '/api/v1/proposals/summary',
    {
      config: access,
      schema: {
        tags,
        operationId: 'getProposalSummary',
        summary:
          'Teams’ proposals by theme × state (proposals.triage holders in reach; team leaders: their teams)',
        querystring: ProposalSummaryQuerySchema,
        response: { 200: ProposalSummarySchema, ...errorResponses },
      },
    },
    async (request) => handling.proposals.proposalSummary(request.actor, request.query.teamId),
  );
}
