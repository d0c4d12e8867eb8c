import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { Alert, Button, EmptyState, PageHeader, Pagination, Skeleton, TextField } from '../../ui';
import { HowToAskForHelp } from './HowToAskForHelp';
import { TeamCard } from './TeamCard';
import { useTeamPages } from './teams-queries';
import './teams.css';

/**
 * "Tìm tổ công nghệ số": public, no sign-in. The search runs on the server, which folds diacritics, so
 * "binh phu" finds "Bình Phú". The query lives in the address, so a result can be shared and Back works.
 */
export function DirectoryPage() {
  const { t, i18n } = useTranslation('teams');
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [typed, setTyped] = useState(q);
  const pages = useTeamPages({ q: q || undefined });
  const teams = pages.data?.pages.flatMap((p) => p.items) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = typed.trim();
    setParams(next ? { q: next } : {});
  };

  return (
    <div className="stack">
      <PageHeader title={t('directory.title')} description={t('directory.intro')} />
      <form className="directory-search" role="search" onSubmit={submit}>
        <TextField
          type="search"
          label={t('directory.search')}
          hint={t('directory.searchHint')}
          value={typed}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
        <Button type="submit">{t('directory.submit')}</Button>
      </form>
      <section aria-labelledby="directory-results">
        <h2 id="directory-results">{q ? t('directory.resultsFor', { q }) : t('directory.results')}</h2>
        {pages.isPending ? (
          <Skeleton lines={4} />
        ) : pages.isError ? (
          <Alert tone="error" title={t('directory.loadFailed')}>
            {pages.error instanceof ApiError ? pages.error.messageIn(i18n.language) : null}
          </Alert>
        ) : teams.length === 0 ? (
          <EmptyState title={t('directory.none')} />
        ) : (
          <>
            <ul className="team-list">
              {teams.map((team) => (
                <li key={team.id}>
                  <TeamCard team={team} />
                </li>
              ))}
            </ul>
            <Pagination
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              shownCount={teams.length}
            />
          </>
        )}
      </section>
      <HowToAskForHelp />
    </div>
  );
}
