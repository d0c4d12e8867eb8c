import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/paging';
import type { TeamStats } from '../../../shared/contracts/support';
import type {
  AddMemberBody,
  CreateTeamBody,
  Team,
  TeamDetail,
  UpdateMemberBody,
  UpdateTeamBody,
} from '../../../shared/contracts/teams';
import { apiFetch } from '../../app/api';
import { TEAMS_QUERY_KEY, teamQueryKey } from './team-query';

export { TEAMS_QUERY_KEY } from './team-query';

export interface TeamListParams {
  q?: string;
  unit?: string;
  status?: 'active' | 'merged' | 'dissolved' | 'all';
  limit?: number;
}

/** Cursor pages of GET /api/v1/teams: public fields for everyone, more for staff in scope. */
export function useTeamPages(params: TeamListParams, enabled = true) {
  return useInfiniteQuery({
    queryKey: [TEAMS_QUERY_KEY, 'list', params],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Team>>('/api/v1/teams', { query: { limit: 20, ...params, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useTeam(id: string | undefined) {
  return useQuery({
    queryKey: teamQueryKey(id),
    queryFn: ({ signal }) =>
      apiFetch<TeamDetail>(`/api/v1/teams/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useTeamStats(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [TEAMS_QUERY_KEY, 'stats', id],
    queryFn: ({ signal }) =>
      apiFetch<TeamStats>(`/api/v1/teams/${encodeURIComponent(id ?? '')}/stats`, { signal }),
    enabled: Boolean(id) && enabled,
  });
}

function useTeamMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [TEAMS_QUERY_KEY] }),
  });
}

export function useCreateTeam() {
  return useTeamMutation((body: CreateTeamBody) =>
    apiFetch<TeamDetail>('/api/v1/teams', { method: 'POST', body }),
  );
}

export function useUpdateTeam(id: string) {
  return useTeamMutation((body: UpdateTeamBody) =>
    apiFetch<TeamDetail>(`/api/v1/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  );
}

export function useMergeTeam(id: string) {
  return useTeamMutation((body: { intoId: string; reason?: string | null }) =>
    apiFetch<TeamDetail>(`/api/v1/teams/${encodeURIComponent(id)}/merge`, { method: 'POST', body }),
  );
}

export function useDissolveTeam(id: string) {
  return useTeamMutation(
    (body: { reason: string; decision?: { number: string; date: string; signer: string } | null }) =>
      apiFetch<TeamDetail>(`/api/v1/teams/${encodeURIComponent(id)}/dissolve`, { method: 'POST', body }),
  );
}

export interface MemberResult {
  member: TeamDetail['members'][number];
  invitation: { link: string; expiresAt: string } | null;
}

export function useAddMember(teamId: string) {
  return useTeamMutation((body: Partial<AddMemberBody> & Pick<AddMemberBody, 'name' | 'affiliation'>) =>
    apiFetch<MemberResult>(`/api/v1/teams/${encodeURIComponent(teamId)}/members`, { method: 'POST', body }),
  );
}

export function useUpdateMember(teamId: string) {
  return useTeamMutation(({ memberId, body }: { memberId: string; body: UpdateMemberBody }) =>
    apiFetch<MemberResult>(
      `/api/v1/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(memberId)}`,
      {
        method: 'PATCH',
        body,
      },
    ),
  );
}
