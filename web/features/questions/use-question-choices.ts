import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../app/api';
import { fetchUnitList } from '../geography/units-queries';
import { fetchTopics, type Topic } from './questions-api';

/** The topics (skills, the catalogue's services, procedures, other), asked once a page session. */
export function useTopics() {
  return useQuery({
    queryKey: ['questions', 'topics'],
    queryFn: ({ signal }) => fetchTopics(signal),
    staleTime: 10 * 60_000,
  });
}

/** A topic's name in the reader's language; the code when the list is not there yet. */
export function useTopicName(): (code: string) => string {
  const { i18n } = useTranslation();
  const topics = useTopics();
  const english = i18n.language.startsWith('en');
  return (code) => {
    const found = topics.data?.items.find((topic: Topic) => topic.code === code);
    return found ? (english ? found.nameEn : found.name) : code;
  };
}

/**
 * The communes of the province the platform serves: the public case categories name the province (as for the
 * report and help forms), then the units API lists its communes.
 */
export function useCommunes() {
  const province = useQuery({
    queryKey: ['questions', 'province'],
    queryFn: async ({ signal }) =>
      (
        await apiFetch<{ provinceCode: string }>('/api/v1/case-categories', {
          query: { kind: 'report' },
          signal,
        })
      ).provinceCode,
    staleTime: Infinity,
  });
  const provinceCode = province.data ?? null;
  const communes = useQuery({
    queryKey: ['units', 'list', provinceCode, ''],
    queryFn: ({ signal }) => fetchUnitList({ parentCode: provinceCode }, signal),
    enabled: provinceCode !== null,
    staleTime: 10 * 60_000,
  });
  return (communes.data?.items ?? [])
    .filter((unit) => 'code' in unit && unit.level === 'commune')
    .map((unit) => ({ value: unit.code, label: unit.fullName }));
}
