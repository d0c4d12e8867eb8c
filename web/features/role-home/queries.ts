import { useQuery } from '@tanstack/react-query';
import type { HomeSummary } from '../../../shared/contracts/home';
import { apiFetch } from '../../app/api';

/** GET /api/v1/home/summary: the figures of the caller's home, counted on the server inside their grants. */
export function useHomeSummary() {
  return useQuery({
    queryKey: ['role-home', 'summary'],
    queryFn: ({ signal }) => apiFetch<HomeSummary>('/api/v1/home/summary', { signal }),
    // Counts move as members sync; a minute old is fresh enough to steer by, and coming back home refetches.
    staleTime: 60_000,
  });
}
