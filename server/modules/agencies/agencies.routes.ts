import {
  AgencyBodySchema,
  AgencyListQuerySchema,
  AgencyListSchema,
  AgencySchema,
  ReplyTemplateBodySchema,
  ReplyTemplateListSchema,
  ReplyTemplateSchema,
  RoutingRuleBodySchema,
  RoutingRuleListSchema,
} from '../../../shared/contracts/case-handling';
import {
  AdminCategoryListSchema,
  AdminCategorySchema,
  AgencyParamsSchema,
  AgencyPatchBodySchema,
  CaseSettingsBodySchema,
  CaseSettingsSchema,
  CategoryCreateBodySchema,
  CategoryParamsSchema,
  CategoryPatchBodySchema,
  ReplyTemplateListQuerySchema,
  ReplyTemplateParamsSchema,
  ReplyTemplatePatchBodySchema,
  RoutingRuleListQuerySchema,
} from '../../../shared/contracts/case-admin';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { sessionOnly } from '../../platform/http/route-access';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import type { AgenciesService } from './agencies.service';
import type { CaseConfigService } from './case-config.service';

/**
 * Agencies, routing rules, reply templates, case settings and the categories' admin view. Every route is for
 * signed-in staff (sessionOnly): case staff read, holders of cases.configure on the unit edit.
 */
export function registerAgenciesRoutes(
  app: ZodApp,
  deps: { agencies: AgenciesService; config: CaseConfigService; clock: Clock },
) {
  const { agencies, config, clock } = deps;
  const tags = ['cases'];
  const access = { access: sessionOnly() };

  app.get(
    '/api/v1/agencies',
    {
      config: access,
      schema: {
        tags,
        operationId: 'listAgencies',
        summary:
          'Agencies of the caller’s province(s); ?unit= a province code (its province-level agencies) or a commune code',
        querystring: AgencyListQuerySchema,
        response: { 200: AgencyListSchema, ...errorResponses },
      },
    },
    async (request) => agencies.list(request.actor, request.query),
  );

  app.post(
    '/api/v1/agencies',
    {
      config: access,
      schema: {
        tags,
        operationId: 'createAgency',
        summary: 'Add an agency at a province or commune (cases.configure covering that unit)',
        body: AgencyBodySchema,
        response: { 201: AgencySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await agencies.create(request.actor, request.body, auditContext(request, clock))),
  );

  app.get(
    '/api/v1/agencies/:id',
    {
      config: access,
      schema: {
        tags,
        operationId: 'getAgency',
        summary: 'One agency',
        params: AgencyParamsSchema,
        response: { 200: AgencySchema, ...errorResponses },
      },
    },
    async (request) => agencies.read(request.actor, request.params.id),
  );

  app.patch(
    '/api/v1/agencies/:id',
    {
      config: access,
      schema: {
        tags,
        operationId: 'updateAgency',
        summary: 'Change an agency (cases.configure covering its unit, and the new one when it moves)',
        params: AgencyParamsSchema,
        body: AgencyPatchBodySchema,
        response: { 200: AgencySchema, ...errorResponses },
      },
    },
    async (request) =>
      agencies.update(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/case-routing',
    {
      config: access,
      schema: {
        tags,
        operationId: 'listCaseRoutingRules',
        summary: 'Routing rules category × unit → agency (a commune’s rules and the province defaults)',
        querystring: RoutingRuleListQuerySchema,
        response: { 200: RoutingRuleListSchema, ...errorResponses },
      },
    },
    async (request) => agencies.listRules(request.actor, request.query),
  );

  app.put(
    '/api/v1/case-routing',
    {
      config: access,
      schema: {
        tags,
        operationId: 'putCaseRoutingRule',
        summary:
          'Set or remove (agencyId null) the rule of a category for a commune or the province; answers every rule',
        body: RoutingRuleBodySchema,
        response: { 200: RoutingRuleListSchema, ...errorResponses },
      },
    },
    async (request) => agencies.putRule(request.actor, request.body, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/case-templates',
    {
      config: access,
      schema: {
        tags,
        operationId: 'listCaseReplyTemplates',
        summary: 'The province’s reply templates (active ones unless ?all=true)',
        querystring: ReplyTemplateListQuerySchema,
        response: { 200: ReplyTemplateListSchema, ...errorResponses },
      },
    },
    async (request) => config.listTemplates(request.actor, request.query),
  );

  app.post(
    '/api/v1/case-templates',
    {
      config: access,
      schema: {
        tags,
        operationId: 'createCaseReplyTemplate',
        summary: 'Add a reply template (cases.configure on the province)',
        body: ReplyTemplateBodySchema,
        response: { 201: ReplyTemplateSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await config.createTemplate(request.actor, request.body, auditContext(request, clock))),
  );

  app.patch(
    '/api/v1/case-templates/:id',
    {
      config: access,
      schema: {
        tags,
        operationId: 'updateCaseReplyTemplate',
        summary: 'Change or retire (active false) a reply template (cases.configure on the province)',
        params: ReplyTemplateParamsSchema,
        body: ReplyTemplatePatchBodySchema,
        response: { 200: ReplyTemplateSchema, ...errorResponses },
      },
    },
    async (request) =>
      config.updateTemplate(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/case-settings',
    {
      config: access,
      schema: {
        tags,
        operationId: 'getCaseSettings',
        summary:
          'The province’s deadline policy, retention of reporters’ contacts and moderation of anonymous reports',
        response: { 200: CaseSettingsSchema, ...errorResponses },
      },
    },
    async (request) => config.readSettings(request.actor),
  );

  app.put(
    '/api/v1/case-settings',
    {
      config: access,
      schema: {
        tags,
        operationId: 'putCaseSettings',
        summary: 'Replace the province’s case settings (cases.configure on the province)',
        body: CaseSettingsBodySchema,
        response: { 200: CaseSettingsSchema, ...errorResponses },
      },
    },
    async (request) => config.putSettings(request.actor, request.body, auditContext(request, clock)),
  );

  app.get(
    '/api/v1/case-categories/all',
    {
      config: access,
      schema: {
        tags,
        operationId: 'listAllCaseCategories',
        summary:
          'Every category of the province, inactive ones and teams’ proposal themes included (administrators)',
        response: { 200: AdminCategoryListSchema, ...errorResponses },
      },
    },
    async (request) => config.listCategories(request.actor),
  );

  app.post(
    '/api/v1/case-categories',
    {
      config: access,
      schema: {
        tags,
        operationId: 'createCaseCategory',
        summary:
          'Add a citizens’ category, an Open311 service (cases.configure on the province; ≤ 20 active for citizens)',
        body: CategoryCreateBodySchema,
        response: { 201: AdminCategorySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await config.createCategory(request.actor, request.body, auditContext(request, clock))),
  );

  app.patch(
    '/api/v1/case-categories/:code',
    {
      config: access,
      schema: {
        tags,
        operationId: 'updateCaseCategory',
        summary:
          'Change a category’s names, description, order or active flag ("Khác" stays active; ≤ 20 for citizens)',
        params: CategoryParamsSchema,
        body: CategoryPatchBodySchema,
        response: { 200: AdminCategorySchema, ...errorResponses },
      },
    },
    async (request) =>
      config.patchCategory(request.actor, request.params.code, request.body, auditContext(request, clock)),
  );
}
