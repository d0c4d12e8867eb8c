import type { z } from 'zod';
import type {
  CaseCategoryListSchema,
  CaseMapSchema,
  CreateCaseBody,
  CreateCaseResult,
  DisputeCaseResultSchema,
  DuplicateListSchema,
  FollowCaseResultSchema,
  PublicCase,
  PublicCasePageSchema,
  RateCaseResultSchema,
  SupportCaseResultSchema,
} from '../../../shared/contracts/cases';
import { apiFetch, getCsrfToken, networkError, toApiError } from '../../app/api';

/**
 * The citizens' case endpoints (shared/contracts/cases.ts). Every read is public; rating and disputing carry the
 * reporter's token, "+1" a device id. Plain functions, so the draft outbox can send without React.
 */
export type CategoryList = z.infer<typeof CaseCategoryListSchema>;
export type CasePage = z.infer<typeof PublicCasePageSchema>;
export type CaseMap = z.infer<typeof CaseMapSchema>;
export type DuplicateList = z.infer<typeof DuplicateListSchema>;
export type SupportResult = z.infer<typeof SupportCaseResultSchema>;

export interface CaseListFilters {
  category?: string;
  commune?: string;
  status?: string;
  kind?: string;
  from?: string;
  to?: string;
}

export function fetchCategories(kind: 'report' | 'petition', signal?: AbortSignal): Promise<CategoryList> {
  return apiFetch<CategoryList>('/api/v1/case-categories', { query: { kind }, signal });
}

export function fetchDuplicates(
  query: { category: string; lat: number; lng: number },
  signal?: AbortSignal,
): Promise<DuplicateList> {
  return apiFetch<DuplicateList>('/api/v1/cases/duplicates', { query, signal });
}

export function fetchTrackedCase(code: string, signal?: AbortSignal): Promise<PublicCase> {
  return apiFetch<PublicCase>(`/api/v1/cases/track/${encodeURIComponent(code)}`, { signal });
}

export function fetchCasePage(
  filters: CaseListFilters & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<CasePage> {
  return apiFetch<CasePage>('/api/v1/cases', { query: { ...filters }, signal });
}

export function fetchCaseMap(
  query: CaseListFilters & { bbox: string; zoom: number },
  signal?: AbortSignal,
): Promise<CaseMap> {
  return apiFetch<CaseMap>('/api/v1/cases/map', { query: { ...query }, signal });
}

export function rateCase(id: string, body: { token: string; rating: number; comment?: string | null }) {
  return apiFetch<z.infer<typeof RateCaseResultSchema>>(`/api/v1/cases/${id}/rate`, { method: 'POST', body });
}

export function disputeCase(id: string, body: { token: string; reason: string }) {
  return apiFetch<z.infer<typeof DisputeCaseResultSchema>>(`/api/v1/cases/${id}/dispute`, {
    method: 'POST',
    body,
  });
}

export function supportCase(id: string, deviceId: string) {
  return apiFetch<SupportResult>(`/api/v1/cases/${id}/support`, { method: 'POST', body: { deviceId } });
}

export function followCase(id: string, body: { email: string; consentVersion: string }) {
  return apiFetch<z.infer<typeof FollowCaseResultSchema>>(`/api/v1/cases/${id}/follow`, {
    method: 'POST',
    body,
  });
}

export interface PhotoUpload {
  blob: Blob;
  name: string;
}

/**
 * Files a report. Without photos it is plain JSON; with photos one multipart request (the JSON as the field `data`,
 * then the photos), so the server stores the case whole with its photos or not at all. A resend with the same id
 * answers `duplicate` with the same code, so the outbox may resend after any failure.
 */
export async function submitCase(
  body: CreateCaseBody,
  photos: readonly PhotoUpload[],
): Promise<CreateCaseResult> {
  if (photos.length === 0) return apiFetch<CreateCaseResult>('/api/v1/cases', { method: 'POST', body });
  const form = new FormData();
  form.append('data', JSON.stringify(body));
  for (const photo of photos) form.append('photos', photo.blob, photo.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch('/api/v1/cases', {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
    });
  } catch {
    throw networkError();
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    payload = undefined;
  }
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as CreateCaseResult;
}
