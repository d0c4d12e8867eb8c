import { RevealBodySchema, RevealedPhoneSchema } from '../../../shared/contracts/privacy';
import { TeamStatsSchema } from '../../../shared/contracts/support';
import {
  AddMemberBodySchema,
  CreateTeamBodySchema,
  DissolveTeamBodySchema,
  MemberResponseSchema,
  MergeTeamBodySchema,
  TeamDetailSchema,
  TeamListResponseSchema,
  UpdateMemberBodySchema,
  UpdateTeamBodySchema,
} from '../../../shared/contracts/teams';
import { created, ok, type EndpointContract } from '../../endpoint-contract';

/**
 * Teams and their members (merges, dissolution, statistics, a member's phone revealed), for web/test-contracts.ts,
 * whose fake API checks every body against them.
 */
export const TEAM_CONTRACTS: EndpointContract[] = [
  { method: 'GET', path: '/api/v1/teams', responses: ok(TeamListResponseSchema) },
  { method: 'POST', path: '/api/v1/teams', body: CreateTeamBodySchema, responses: created(TeamDetailSchema) },
  { method: 'GET', path: '/api/v1/teams/:id', responses: ok(TeamDetailSchema) },
  { method: 'PATCH', path: '/api/v1/teams/:id', body: UpdateTeamBodySchema, responses: ok(TeamDetailSchema) },
  {
    method: 'POST',
    path: '/api/v1/teams/:id/merge',
    body: MergeTeamBodySchema,
    responses: ok(TeamDetailSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/teams/:id/dissolve',
    body: DissolveTeamBodySchema,
    responses: ok(TeamDetailSchema),
  },
  { method: 'GET', path: '/api/v1/teams/:id/stats', responses: ok(TeamStatsSchema) },
  {
    method: 'POST',
    path: '/api/v1/teams/:id/members',
    body: AddMemberBodySchema,
    responses: created(MemberResponseSchema),
  },
  {
    method: 'PATCH',
    path: '/api/v1/teams/:id/members/:memberId',
    body: UpdateMemberBodySchema,
    responses: ok(MemberResponseSchema),
  },
  {
    method: 'POST',
    path: '/api/v1/teams/:id/members/:memberId/reveal-phone',
    body: RevealBodySchema,
    responses: ok(RevealedPhoneSchema),
  },
];
