import { useQuery } from '@tanstack/react-query';
import { fetchCategories, type CategoryList } from './cases-api';

/**
 * The categories a citizen chooses from. The last answer is kept on the device, so a draft reopened offline still
 * shows its tiles; the server's answer replaces it as soon as there is one.
 */
const storageKey = (kind: string) => `cds.cases.categories.${kind}`;

function stored(kind: string): CategoryList | undefined {
  try {
    const raw = typeof window === 'undefined' ? null : window.localStorage.getItem(storageKey(kind));
    return raw ? (JSON.parse(raw) as CategoryList) : undefined;
  } catch {
    return undefined;
  }
}

export function useCategories(kind: 'report' | 'petition') {
  return useQuery<CategoryList>({
    queryKey: ['cases', 'categories', kind],
    queryFn: async ({ signal }) => {
      const list = await fetchCategories(kind, signal);
      try {
        window.localStorage.setItem(storageKey(kind), JSON.stringify(list));
      } catch {
        // A full or disabled storage only loses the offline copy.
      }
      return list;
    },
    placeholderData: (): CategoryList | undefined => stored(kind),
    staleTime: 10 * 60_000,
  });
}
