import { useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format';
import {
  Alert,
  Button,
  buttonClass,
  EmptyState,
  PageHeader,
  Pagination,
  Select,
  Skeleton,
  Tag,
  TextField,
} from '../../ui';
import { ASK_PATH, FAQ_PATH, questionPath } from './paths';
import { fetchQuestions, type QuestionFilters } from './questions-api';
import { useCommunes, useTopicName, useTopics } from './use-question-choices';
import './questions.css';

const FILTER_KEYS = ['q', 'topic', 'unit', 'answered'] as const;

function filtersOf(params: URLSearchParams): QuestionFilters {
  const filters: QuestionFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (key === 'answered') {
      if (value === 'yes' || value === 'no') filters.answered = value;
    } else filters[key] = value;
  }
  return filters;
}

function Filters({ value, onApply }: { value: QuestionFilters; onApply: (next: QuestionFilters) => void }) {
  const { t, i18n } = useTranslation('questions');
  const english = i18n.language.startsWith('en');
  const [draft, setDraft] = useState<QuestionFilters>(value);
  const topics = useTopics();
  const communes = useCommunes();
  const set = (key: keyof QuestionFilters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value || undefined }));
  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(draft);
  }
  return (
    <form className="question-filters" role="search" onSubmit={submit} aria-label={t('list.filters')}>
      <TextField
        label={t('list.search')}
        hint={t('list.searchHint')}
        type="search"
        name="q"
        maxLength={200}
        value={draft.q ?? ''}
        onChange={set('q')}
      />
      <Select
        label={t('list.topic')}
        placeholder={t('list.all')}
        value={draft.topic ?? ''}
        onChange={set('topic')}
        options={(topics.data?.items ?? []).map((topic) => ({
          value: topic.code,
          label: english ? topic.nameEn : topic.name,
        }))}
      />
      <Select
        label={t('list.commune')}
        placeholder={t('list.all')}
        value={draft.unit ?? ''}
        onChange={set('unit')}
        options={communes}
      />
      <Select
        label={t('list.answered')}
        placeholder={t('list.all')}
        value={draft.answered ?? ''}
        onChange={set('answered')}
        options={[
          { value: 'yes', label: t('list.answeredYes') },
          { value: 'no', label: t('list.answeredNo') },
        ]}
      />
      <div className="question-actions">
        <Button type="submit">{t('list.apply')}</Button>
        {FILTER_KEYS.some((key) => value[key]) && (
          <Button
            variant="ghost"
            onClick={() => {
              setDraft({});
              onApply({});
            }}
          >
            {t('list.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}

function QuestionList({ filters }: { filters: QuestionFilters }) {
  const { t } = useTranslation('questions');
  const topicName = useTopicName();
  const query = useInfiniteQuery({
    queryKey: ['questions', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      fetchQuestions({ ...filters, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (query.isPending) return <Skeleton lines={6} />;
  if (query.isError) return <Alert tone="error">{t('list.failed')}</Alert>;
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState
        title={t('list.empty')}
        action={
          <Link className={buttonClass('primary')} to={ASK_PATH}>
            {t('list.ask')}
          </Link>
        }
      >
        {t('list.emptyHint')}
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="question-list" aria-label={t('list.results')}>
        {items.map((item) => (
          <li key={item.id} className="question-card">
            <Link to={questionPath(item.id)} className="question-card__title">
              {item.title}
            </Link>
            <p className="question-card__excerpt">{item.excerpt}</p>
            <p className="question-card__meta">
              <span>{topicName(item.topic)}</span>
              {item.publishedAt && <span>{formatDate(item.publishedAt)}</span>}
              {item.answerCount > 0 ? (
                <span>{t('list.answers', { count: item.answerCount })}</span>
              ) : (
                <Tag tone="warning">{t('list.unanswered')}</Tag>
              )}
              {item.hasAcceptedAnswer && <Tag tone="success">{t('list.accepted')}</Tag>}
              {item.hasOfficialAnswer && <Tag tone="info">{t('list.official')}</Tag>}
            </p>
          </li>
        ))}
      </ul>
      <Pagination
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
        shownCount={items.length}
      />
    </>
  );
}

/** /questions — the published questions: search (tone-insensitive), filters by topic, commune and answered. */
export function QuestionsPage() {
  const { t } = useTranslation('questions');
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const key = JSON.stringify(filters);
  return (
    <div className="stack questions">
      <PageHeader
        title={t('list.title')}
        description={t('list.lead')}
        actions={
          <>
            <Link className={buttonClass('primary')} to={ASK_PATH}>
              {t('list.ask')}
            </Link>
            <Link className={buttonClass('secondary')} to={FAQ_PATH}>
              {t('list.faq')}
            </Link>
          </>
        }
      />
      <Filters
        key={key}
        value={filters}
        onApply={(next) => {
          const search = new URLSearchParams();
          for (const name of FILTER_KEYS) if (next[name]) search.set(name, String(next[name]));
          setParams(search);
        }}
      />
      <QuestionList filters={filters} />
    </div>
  );
}
