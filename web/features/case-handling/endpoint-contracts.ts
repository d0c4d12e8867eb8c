import {
  AdminCategoryListSchema,
  AdminCategorySchema,
  AgencyPatchBodySchema,
  CaseSettingsBodySchema,
  CaseSettingsSchema,
  CaseStatsSchema,
  CategoryCreateBodySchema,
  CategoryPatchBodySchema,
  ReplyTemplatePatchBodySchema,
} from '../../../shared/contracts/case-admin';
import {
  AgencyBodySchema,
  AgencyListSchema,
  AgencySchema,
  BlockSenderBodySchema,
  CaseActionBodySchema,
  CaseNoteBodySchema,
  CaseWriteResultSchema,
  ExtensionDecisionBodySchema,
  ExtensionRequestBodySchema,
  HandlerCaseSchema,
  InboxPageSchema,
  ModerationBodySchema,
  ProposalBodySchema,
  ProposalPageSchema,
  ProposalSummarySchema,
  ReplyTemplateBodySchema,
  ReplyTemplateListSchema,
  ReplyTemplateSchema,
  RevealContactBodySchema,
  RevealedContactSchema,
  RoutingRuleBodySchema,
  RoutingRuleListSchema,
  StaffCaseBodySchema,
} from '../../../shared/contracts/case-handling';
import { CreateCaseResultSchema } from '../../../shared/contracts/cases';
import type { EndpointContract } from '../../test-contracts';

/**
 * The endpoints the handlers' screens call (issue 10), for web/test-contracts.ts: the web tests' fake API checks
 * every body against these, and server/test/web-test-contracts.test.ts checks them against the server's routes.
 * GET /api/v1/case-categories is in web/features/cases/endpoint-contracts.ts.
 */
export const CASE_HANDLING_CONTRACTS: EndpointContract[] = [
  { method: 'GET', path: '/api/v1/case-inbox', responses: { 200: InboxPageSchema } },
  {
    method: 'POST',
    path: '/api/v1/cases/staff',
    body: StaffCaseBodySchema,
    responses: { 200: CreateCaseResultSchema, 201: CreateCaseResultSchema },
  },
  { method: 'GET', path: '/api/v1/cases/:id/handling', responses: { 200: HandlerCaseSchema } },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/actions',
    body: CaseActionBodySchema,
    responses: { 200: CaseWriteResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/notes',
    body: CaseNoteBodySchema,
    responses: { 200: CaseWriteResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/extensions',
    body: ExtensionRequestBodySchema,
    responses: { 200: CaseWriteResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/extensions/:extId/decision',
    body: ExtensionDecisionBodySchema,
    responses: { 200: CaseWriteResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/moderation',
    body: ModerationBodySchema,
    responses: { 200: CaseWriteResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/block-sender',
    body: BlockSenderBodySchema,
    responses: { 200: CaseWriteResultSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/:id/reveal-contact',
    body: RevealContactBodySchema,
    responses: { 200: RevealedContactSchema },
  },
  {
    method: 'POST',
    path: '/api/v1/proposals',
    body: ProposalBodySchema,
    responses: { 200: CreateCaseResultSchema, 201: CreateCaseResultSchema },
  },
  { method: 'GET', path: '/api/v1/proposals/summary', responses: { 200: ProposalSummarySchema } },
  { method: 'GET', path: '/api/v1/proposals', responses: { 200: ProposalPageSchema } },
  { method: 'GET', path: '/api/v1/agencies', responses: { 200: AgencyListSchema } },
  { method: 'POST', path: '/api/v1/agencies', body: AgencyBodySchema, responses: { 201: AgencySchema } },
  {
    method: 'PATCH',
    path: '/api/v1/agencies/:id',
    body: AgencyPatchBodySchema,
    responses: { 200: AgencySchema },
  },
  { method: 'GET', path: '/api/v1/case-routing', responses: { 200: RoutingRuleListSchema } },
  {
    method: 'PUT',
    path: '/api/v1/case-routing',
    body: RoutingRuleBodySchema,
    responses: { 200: RoutingRuleListSchema },
  },
  { method: 'GET', path: '/api/v1/case-templates', responses: { 200: ReplyTemplateListSchema } },
  {
    method: 'POST',
    path: '/api/v1/case-templates',
    body: ReplyTemplateBodySchema,
    responses: { 201: ReplyTemplateSchema },
  },
  {
    method: 'PATCH',
    path: '/api/v1/case-templates/:id',
    body: ReplyTemplatePatchBodySchema,
    responses: { 200: ReplyTemplateSchema },
  },
  { method: 'GET', path: '/api/v1/case-settings', responses: { 200: CaseSettingsSchema } },
  {
    method: 'PUT',
    path: '/api/v1/case-settings',
    body: CaseSettingsBodySchema,
    responses: { 200: CaseSettingsSchema },
  },
  { method: 'GET', path: '/api/v1/case-stats', responses: { 200: CaseStatsSchema } },
  { method: 'GET', path: '/api/v1/case-categories/all', responses: { 200: AdminCategoryListSchema } },
  {
    method: 'POST',
    path: '/api/v1/case-categories',
    body: CategoryCreateBodySchema,
    responses: { 201: AdminCategorySchema },
  },
  {
    method: 'PATCH',
    path: '/api/v1/case-categories/:code',
    body: CategoryPatchBodySchema,
    responses: { 200: AdminCategorySchema },
  },
];
