import {
  AddMemberBodySchema,
  CreateTeamBodySchema,
  DissolveTeamBodySchema,
  MemberParamsSchema,
  MemberResponseSchema,
  MergeTeamBodySchema,
  TeamDetailSchema,
  TeamListQuerySchema,
  TeamListResponseSchema,
  TeamParamsSchema,
  UpdateMemberBodySchema,
  UpdateTeamBodySchema,
} from '../../../shared/contracts/teams';
import { RevealBodySchema, RevealedPhoneSchema } from '../../../shared/contracts/privacy';
import type { Clock } from '../../platform/clock';
import { auditContext } from '../../platform/http/request-meta';
import { errorResponses, type ZodApp } from '../../platform/http/route-types';
import { publicAccess, sessionOnly } from '../../platform/http/route-access';
import type { MembersService } from './members.service';
import type { TeamStatusService } from './team-status.service';
import type { TeamsService } from './teams.service';

/** Teams (public directory + management) and their members. */
export function registerTeamsRoutes(
  app: ZodApp,
  deps: { teams: TeamsService; teamStatus: TeamStatusService; members: MembersService; clock: Clock },
) {
  const { teams, teamStatus, members, clock } = deps;

  app.get(
    '/api/v1/teams',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['teams'],
        operationId: 'listTeams',
        summary: 'Find teams ("Tìm tổ công nghệ số"): public fields for everyone, more for staff in scope',
        querystring: TeamListQuerySchema,
        response: { 200: TeamListResponseSchema, ...errorResponses },
      },
    },
    async (request) => teams.listTeams(request.actor, request.query),
  );

  app.get(
    '/api/v1/teams/:id',
    {
      config: { access: publicAccess('read') },
      schema: {
        tags: ['teams'],
        operationId: 'getTeam',
        summary: 'A team with its members (public view, or the staff view in scope)',
        params: TeamParamsSchema,
        response: { 200: TeamDetailSchema, ...errorResponses },
      },
    },
    async (request) => teams.getTeam(request.actor, request.params.id),
  );

  app.post(
    '/api/v1/teams',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['teams'],
        operationId: 'createTeam',
        summary: 'Establish a team by the commune’s decision (teams.manage)',
        body: CreateTeamBodySchema,
        response: { 201: TeamDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const team = await teams.createTeam(request.actor, request.body, auditContext(request, clock));
      return reply.status(201).send(team);
    },
  );

  app.patch(
    '/api/v1/teams/:id',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['teams'],
        operationId: 'updateTeam',
        summary: 'Edit name, decision, schedule or public contact (teams.manage)',
        params: TeamParamsSchema,
        body: UpdateTeamBodySchema,
        response: { 200: TeamDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      teams.updateTeam(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/teams/:id/merge',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['teams'],
        operationId: 'mergeTeam',
        summary: 'Merge into another active team of the same commune; history is kept',
        params: TeamParamsSchema,
        body: MergeTeamBodySchema,
        response: { 200: TeamDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      teamStatus.mergeTeam(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/teams/:id/dissolve',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['teams'],
        operationId: 'dissolveTeam',
        summary: 'Dissolve a team with a reason; members and records are kept',
        params: TeamParamsSchema,
        body: DissolveTeamBodySchema,
        response: { 200: TeamDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      teamStatus.dissolveTeam(request.actor, request.params.id, request.body, auditContext(request, clock)),
  );

  app.post(
    '/api/v1/teams/:id/members',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['teams'],
        operationId: 'addTeamMember',
        summary:
          'Add a member (teams.manageMembers); invites them by e-mail or link when no account is linked',
        params: TeamParamsSchema,
        body: AddMemberBodySchema,
        response: { 201: MemberResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await members.addMember(
        request.actor,
        request.params.id,
        request.body,
        auditContext(request, clock),
      );
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/api/v1/teams/:id/members/:memberId',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['teams'],
        operationId: 'updateTeamMember',
        summary: 'Change a member (managers), or one’s own number and its visibility (the member)',
        params: MemberParamsSchema,
        body: UpdateMemberBodySchema,
        response: { 200: MemberResponseSchema, ...errorResponses },
      },
    },
    async (request) =>
      members.updateMember(
        request.actor,
        request.params.id,
        request.params.memberId,
        request.body,
        auditContext(request, clock),
      ),
  );

  app.post(
    '/api/v1/teams/:id/members/:memberId/reveal-phone',
    {
      config: { access: sessionOnly() },
      schema: {
        tags: ['teams'],
        operationId: 'revealTeamMemberPhone',
        summary: 'A member’s full phone number for a manager of the team, with a reason (written to the access log)',
        params: MemberParamsSchema,
        body: RevealBodySchema,
        response: { 200: RevealedPhoneSchema, ...errorResponses },
      },
    },
    async (request) =>
      members.revealPhone(
        request.actor,
        request.params.id,
        request.params.memberId,
        request.body,
        auditContext(request, clock),
      ),
  );
}
