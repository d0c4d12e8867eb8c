import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type {
  Agency,
  CaseActionBody,
  HandlerCase,
  InboxItemSchema,
  InboxPageSchema,
  ProposalItemSchema,
  ProposalSummary,
  ReplyTemplateSchema,
  RoutingRuleSchema,
} from '../../../shared/contracts/case-handling';
import type { CaseSettings, CaseStats } from '../../../shared/contracts/case-admin';
import type { CaseCategory, CreateCaseResult } from '../../../shared/contracts/cases';
import type { Page } from '../../../shared/contracts/paging';
import { apiFetch, buildUrl, getCsrfToken, networkError, toApiError, type QueryValue } from '../../app/api';
import { NARROW_QUERY, useMediaQuery } from '../../ui';

/**
 * Reads and writes of the handlers' screens. Every write on a case answers with the case as it is afterwards; it is
 * put in the cache and the inbox is refetched, so counts and deadlines never show a stale state.
 */

export type InboxItem = z.infer<typeof InboxItemSchema>;
export type InboxPage = z.infer<typeof InboxPageSchema>;
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
export type ProposalItem = z.infer<typeof ProposalItemSchema>;

export const CASES_KEY = 'case-handling' as const;
const LONG_STALE_MS = 10 * 60_000;
/** Rows a page: cards on a phone are tall, so fewer there. */
export const PHONE_PAGE_SIZE = 10;
export const WIDE_PAGE_SIZE = 25;

type Query = Record<string, QueryValue>;

function clean(query: Query): Query {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
}

/**
 * One page of the inbox at a time, cursor pages kept (so "previous" needs no request); a new filter starts at page 1.
 * The counts come with every page and describe the whole box, not the page.
 */
export function usePagedInbox(filter: Query, enabled = true) {
  const pageSize = useMediaQuery(NARROW_QUERY) ? PHONE_PAGE_SIZE : WIDE_PAGE_SIZE;
  const query = clean(filter);
  const key = JSON.stringify([query, pageSize]);
  const infinite = useInfiniteQuery({
    queryKey: [CASES_KEY, 'inbox', query, pageSize],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<InboxPage>('/api/v1/case-inbox', {
        query: { ...query, limit: pageSize, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const [position, setPosition] = useState({ key, index: 0 });
  const loaded = infinite.data?.pages ?? [];
  const requested = position.key === key ? position.index : 0;
  const index = Math.max(0, Math.min(requested, loaded.length - 1));
  return {
    query: infinite,
    items: loaded[index]?.items ?? [],
    counts: loaded[0]?.counts ?? null,
    page: index + 1,
    hasPrevious: index > 0,
    hasNext: index < loaded.length - 1 || infinite.hasNextPage,
    loadingNext: infinite.isFetchingNextPage,
    previous: () => setPosition({ key, index: index - 1 }),
    next: async () => {
      if (index >= loaded.length - 1) {
        const result = await infinite.fetchNextPage();
        if (result.isError) return;
      }
      setPosition({ key, index: index + 1 });
    },
  };
}
export type PagedInbox = ReturnType<typeof usePagedInbox>;

const caseKey = (id: string) => [CASES_KEY, 'case', id] as const;

export function useHandlerCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) =>
      apiFetch<HandlerCase>(`/api/v1/cases/${encodeURIComponent(id)}/handling`, { signal }),
  });
}

/** A write on one case (POST /api/v1/cases/{id}/<path>), answered with the case afterwards. */
export function useCaseWrite<Body>(
  id: string,
  path: string | ((body: Body) => string),
  toBody: (body: Body) => unknown = (body) => body,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      apiFetch<HandlerCase>(
        `/api/v1/cases/${encodeURIComponent(id)}/${typeof path === 'function' ? path(body) : path}`,
        { method: 'POST', body: toBody(body) },
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(caseKey(id), updated);
      void queryClient.invalidateQueries({ queryKey: [CASES_KEY, 'inbox'] });
    },
  });
}

export const useCaseAction = (id: string) => useCaseWrite<CaseActionBody>(id, 'actions');

/**
 * The answer's photos go as multipart (`photos` parts) before the answer itself, so they are stored with the case
 * when the answer is written. apiFetch speaks JSON only, hence the own fetch here.
 */
export function useAnswerPhotos(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (files: File[]) => {
      const form = new FormData();
      for (const file of files) form.append('photos', file, file.name);
      const token = getCsrfToken();
      let response: Response;
      try {
        response = await fetch(`/api/v1/cases/${encodeURIComponent(id)}/answer-photos`, {
          method: 'POST',
          body: form,
          credentials: 'same-origin',
          headers: token
            ? { 'x-csrf-token': token, accept: 'application/json' }
            : { accept: 'application/json' },
        });
      } catch {
        throw networkError();
      }
      const text = await response.text();
      const payload: unknown = text ? JSON.parse(text) : undefined;
      if (!response.ok) throw toApiError(response.status, payload);
      return payload as HandlerCase;
    },
    onSuccess: (updated) => queryClient.setQueryData(caseKey(id), updated),
  });
}

export function useCategories() {
  return useQuery({
    queryKey: [CASES_KEY, 'categories'],
    queryFn: ({ signal }) => apiFetch<{ items: CaseCategory[] }>('/api/v1/case-categories', { signal }),
    staleTime: LONG_STALE_MS,
    select: (data) => data.items,
  });
}

export function useAgencies(enabled = true) {
  return useQuery({
    queryKey: [CASES_KEY, 'agencies'],
    queryFn: ({ signal }) => apiFetch<{ items: Agency[] }>('/api/v1/agencies', { signal }),
    staleTime: 60_000,
    select: (data) => data.items,
    enabled,
  });
}

export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: [CASES_KEY, 'templates'],
    queryFn: ({ signal }) => apiFetch<{ items: ReplyTemplate[] }>('/api/v1/case-templates', { signal }),
    staleTime: 60_000,
    select: (data) => data.items,
    enabled,
  });
}

export function useCaseSettings() {
  return useQuery({
    queryKey: [CASES_KEY, 'settings'],
    queryFn: ({ signal }) => apiFetch<CaseSettings>('/api/v1/case-settings', { signal }),
  });
}

export function useCaseStats(filter: Query) {
  const query = clean(filter);
  return useQuery({
    queryKey: [CASES_KEY, 'stats', query],
    queryFn: ({ signal }) => apiFetch<CaseStats>('/api/v1/case-stats', { query, signal }),
  });
}

/** The exports are plain links: the browser downloads them with the session cookie. */
export function statsExportHref(format: 'csv' | 'xlsx', filter: Query): string {
  return buildUrl(`/api/v1/case-stats.${format}`, clean(filter));
}

export function useProposals(teamId: string | null) {
  return useQuery({
    queryKey: [CASES_KEY, 'proposals', teamId],
    queryFn: ({ signal }) =>
      apiFetch<Page<ProposalItem>>('/api/v1/proposals', { query: { teamId: teamId ?? undefined }, signal }),
    enabled: teamId !== null,
  });
}

export function useProposalSummary(teamId: string | null, enabled = true) {
  return useQuery({
    queryKey: [CASES_KEY, 'proposal-summary', teamId],
    queryFn: ({ signal }) =>
      apiFetch<ProposalSummary>('/api/v1/proposals/summary', {
        query: { teamId: teamId ?? undefined },
        signal,
      }),
    enabled,
  });
}

/** A plain write whose answer refreshes the queries named in `invalidate` (second part of their key). */
export function useWrite<Body, Result>(
  method: 'POST' | 'PUT' | 'PATCH',
  path: string | ((body: Body) => string),
  invalidate: readonly string[],
  toBody: (body: Body) => unknown = (b) => b,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      apiFetch<Result>(typeof path === 'function' ? path(body) : path, { method, body: toBody(body) }),
    onSuccess: () =>
      Promise.all(invalidate.map((key) => queryClient.invalidateQueries({ queryKey: [CASES_KEY, key] }))),
  });
}

export type { CreateCaseResult };
