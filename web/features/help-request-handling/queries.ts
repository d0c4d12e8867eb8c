import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateHelpRequestResultSchema,
  HelpRequestActionBody,
  HelpRequestDetailSchema,
  HelpRequestItemSchema,
  HelpRequestSettingsSchema,
  StaffHelpRequestBody,
} from '../../../shared/contracts/help-requests';
import type { Page } from '../../../shared/contracts/paging';
import type { TeamDetail } from '../../../shared/contracts/teams';
import { apiFetch } from '../../app/api';

/** The staff's help-request endpoints (server/modules/help-requests/help-requests.routes.ts). */
export type HelpRequestItem = z.infer<typeof HelpRequestItemSchema>;
export type HelpRequestDetail = z.infer<typeof HelpRequestDetailSchema>;
export type HelpRequestSettings = z.infer<typeof HelpRequestSettingsSchema>;
export type CreateHelpRequestResult = z.infer<typeof CreateHelpRequestResultSchema>;

const KEY = 'help-request-handling';

export interface HelpRequestFilter {
  state?: string;
  mine?: boolean;
  limit?: number;
}

export function fetchHelpRequests(filter: HelpRequestFilter & { cursor?: string }, signal?: AbortSignal) {
  return apiFetch<Page<HelpRequestItem>>('/api/v1/help-requests', {
    query: {
      state: filter.state,
      mine: filter.mine ? 'true' : undefined,
      limit: filter.limit ?? 50,
      cursor: filter.cursor,
    },
    signal,
  });
}

export function useHelpRequestList(filter: HelpRequestFilter) {
  return useInfiniteQuery({
    queryKey: [KEY, 'list', filter.state ?? '', filter.mine ?? false],
    queryFn: ({ pageParam, signal }) => fetchHelpRequests({ ...filter, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A short list for the role home (the server scopes it to the caller's teams or communes). */
export function useHelpRequestGlance(state: 'open' | 'new') {
  return useQuery({
    queryKey: [KEY, 'glance', state],
    queryFn: ({ signal }) => fetchHelpRequests({ state, limit: 5 }, signal),
    staleTime: 60_000,
  });
}

export function useHelpRequest(id: string) {
  return useQuery({
    queryKey: [KEY, 'detail', id],
    queryFn: ({ signal }) =>
      apiFetch<HelpRequestDetail>(`/api/v1/help-requests/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The team's members, for the leader's "assign" picker (the staff view of the team lists every member). */
export function useTeamMembers(teamId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'members', teamId],
    queryFn: ({ signal }) =>
      apiFetch<TeamDetail>(`/api/v1/teams/${encodeURIComponent(teamId ?? '')}`, { signal }),
    enabled: enabled && teamId !== null,
    select: (team) => team.members.filter((m) => m.active),
  });
}

export function useHelpRequestAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HelpRequestActionBody) =>
      apiFetch<HelpRequestDetail>(`/api/v1/help-requests/${encodeURIComponent(id)}/actions`, {
        method: 'POST',
        body,
      }),
    onSuccess: (detail) => {
      queryClient.setQueryData([KEY, 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: [KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [KEY, 'glance'] });
    },
  });
}

/** Records a resident's phone or in-person request (POST /help-requests/staff-filed); a resend keeps one request. */
export function useFileHelpRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffHelpRequestBody) =>
      apiFetch<CreateHelpRequestResult>('/api/v1/help-requests/staff-filed', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [KEY, 'glance'] });
    },
  });
}

export function useHelpRequestSettings() {
  return useQuery({
    queryKey: [KEY, 'settings'],
    queryFn: ({ signal }) => apiFetch<HelpRequestSettings>('/api/v1/help-requests/settings', { signal }),
  });
}

export function useSaveHelpRequestSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (retentionDays: number) =>
      apiFetch<HelpRequestSettings>('/api/v1/help-requests/settings', {
        method: 'PUT',
        body: { retentionDays },
      }),
    onSuccess: (settings) => queryClient.setQueryData([KEY, 'settings'], settings),
  });
}
