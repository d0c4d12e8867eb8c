import type { z } from 'zod';
import type {
  CreateHelpRequestBody,
  CreateHelpRequestResultSchema,
  PublicHelpRequestSchema,
  RateHelpRequestResultSchema,
} from '../../../shared/contracts/help-requests';
import type { Service } from '../../../shared/contracts/services';
import { apiFetch } from '../../app/api';

/**
 * The citizens' help-request endpoints (shared/contracts/help-requests.ts): filing, the public status by code and
 * the rating with the private token. Type-only contract imports: the public page must not pull Zod in.
 */
export type CreateHelpRequestResult = z.infer<typeof CreateHelpRequestResultSchema>;
export type PublicHelpRequest = z.infer<typeof PublicHelpRequestSchema>;
export type ServiceChoice = Pick<Service, 'code' | 'name' | 'nameEn' | 'skill'>;

export function fetchActiveServices(signal?: AbortSignal): Promise<{ items: ServiceChoice[] }> {
  return apiFetch<{ items: ServiceChoice[] }>('/api/v1/services', { query: { status: 'active' }, signal });
}

/** The province this platform serves (the public case categories carry it): where the place picker starts. */
export async function fetchProvinceCode(signal?: AbortSignal): Promise<string> {
  const list = await apiFetch<{ provinceCode: string }>('/api/v1/case-categories', {
    query: { kind: 'report' },
    signal,
  });
  return list.provinceCode;
}

/** Files a request; the client-made id makes a resend after a lost answer harmless (the server answers "duplicate"). */
export function createHelpRequest(body: CreateHelpRequestBody): Promise<CreateHelpRequestResult> {
  return apiFetch<CreateHelpRequestResult>('/api/v1/help-requests', { method: 'POST', body });
}

export function fetchTrackedHelpRequest(code: string, signal?: AbortSignal): Promise<PublicHelpRequest> {
  return apiFetch<PublicHelpRequest>(`/api/v1/help-requests/track/${encodeURIComponent(code)}`, { signal });
}

export function rateHelpRequest(
  code: string,
  body: { token: string; rating: number; comment?: string | null },
): Promise<z.infer<typeof RateHelpRequestResultSchema>> {
  return apiFetch(`/api/v1/help-requests/track/${encodeURIComponent(code)}/rate`, { method: 'POST', body });
}
