import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CASE_KINDS, CASE_SEVERITIES, CASE_STATES } from '../../../shared/rules/case-workflow';
import { ApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { useSession } from '../../app/session';
import {
  Alert,
  Button,
  buttonClass,
  Checkbox,
  DataTable,
  EmptyState,
  PageHeader,
  PageNav,
  Select,
  Skeleton,
  Tag,
  TextField,
  type DataColumn,
} from '../../ui';
import { CommuneSelect } from './CommuneSelect';
import { boxOf, filterFromSearch, searchFromFilter, type InboxFilter } from './inbox-filters';
import { DeadlineTag, SeverityTag, StateTag } from './labels';
import { casePath, NEW_CASE_PATH } from './paths';
import { useCategories, usePagedInbox, type InboxItem } from './queries';
import './case-handling.css';

type Box = 'agency' | 'commune' | 'all';

/**
 * The handlers' inbox: "Cơ quan tôi" (cases with my agency), "Tiếp nhận" (cases placed in my communes, waiting to be
 * received) and "Tất cả", with counts, filters kept in the address and one page of rows at a time.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation('case-handling');
  const { can, roles, status } = useSession();
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  const boxes: Box[] = [
    ...(roles.includes('agency_handler') ? (['agency'] as const) : []),
    ...(can('cases.triage') ? (['commune'] as const) : []),
    'all',
  ];
  const box = boxOf(filter, boxes[0] ?? 'all');
  // The default box depends on the person's roles: ask only once they are known.
  const paged = usePagedInbox({ ...filter, box }, status === 'signedIn');
  const categories = useCategories();
  const top = useRef<HTMLDivElement>(null);
  const shownPage = useRef(paged.page);

  useEffect(() => {
    if (shownPage.current === paged.page) return;
    shownPage.current = paged.page;
    top.current?.focus();
  }, [paged.page]);

  const apply = (next: InboxFilter) => setSearch(searchFromFilter(next));
  const categoryName = (code: string) =>
    categories.data?.find((c) => c.code === code)?.[i18n.language.startsWith('vi') ? 'name' : 'nameEn'];

  const columns: DataColumn<InboxItem>[] = [
    {
      key: 'case',
      header: t('inbox.columns.case'),
      primary: true,
      render: (item) => (
        <span className="case-row__title">
          <Link to={casePath(item.id)}>{item.title}</Link>
          <span className="case-code">{item.code}</span>
          {item.hidden && <Tag tone="neutral">{t('inbox.hidden')}</Tag>}
        </span>
      ),
    },
    {
      key: 'category',
      header: t('inbox.columns.category'),
      render: (item) => (
        <span className="stack-tight">
          <span>{categoryName(item.categoryCode) ?? item.categoryName}</span>
          <SeverityTag severity={item.severity} />
        </span>
      ),
    },
    {
      key: 'place',
      header: t('inbox.columns.place'),
      render: (item) => item.communeName ?? <span className="muted">{t('inbox.noPlace')}</span>,
    },
    {
      key: 'agency',
      header: t('inbox.columns.agency'),
      render: (item) => item.agencyName ?? <span className="muted">{t('inbox.noAgency')}</span>,
    },
    { key: 'state', header: t('inbox.columns.state'), render: (item) => <StateTag state={item.state} /> },
    {
      key: 'deadline',
      header: t('inbox.columns.deadline'),
      render: (item) => <DeadlineTag status={item.deadlineStatus} dueAt={item.dueAt} />,
    },
    {
      key: 'submitted',
      header: t('inbox.columns.submitted'),
      render: (item) => formatDate(item.submittedAt),
    },
  ];

  const { query } = paged;
  return (
    <div className="stack">
      <PageHeader
        title={t('inbox.title')}
        description={t('inbox.intro')}
        actions={
          can('cases.triage') ? (
            <Link className={buttonClass('secondary')} to={NEW_CASE_PATH}>
              {t('inbox.newCase')}
            </Link>
          ) : undefined
        }
      />
      {boxes.length > 1 && (
        <nav aria-label={t('inbox.boxLabel')} className="case-boxes">
          {boxes.map((b) => (
            <Link
              key={b}
              to={`?${searchFromFilter({ ...filter, box: b }).toString()}`}
              className="case-boxes__item"
              aria-current={b === box ? 'page' : undefined}
            >
              {t(`inbox.boxes.${b}`)}
            </Link>
          ))}
        </nav>
      )}
      {paged.counts && (
        <section aria-label={t('inbox.countsLabel')}>
          <dl className="case-counts">
            {(['open', 'submitted', 'overdue', 'dueSoon'] as const).map((key) => (
              <div key={key} className={`case-counts__item case-counts__item--${key}`}>
                <dt>{t(`inbox.counts.${key}`)}</dt>
                <dd>{paged.counts?.[key]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <InboxFilters
        key={search.toString()}
        filter={filter}
        onApply={(next) => apply({ ...next, box: filter.box })}
        categories={(categories.data ?? []).map((c) => ({
          value: c.code,
          label: i18n.language.startsWith('vi') ? c.name : c.nameEn,
        }))}
      />
      {query.isPending ? (
        <Skeleton lines={5} />
      ) : query.isError ? (
        <Alert tone="error" title={t('common.loadFailed')}>
          {query.error instanceof ApiError && <p>{query.error.messageIn(i18n.language)}</p>}
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : (
        <div ref={top} tabIndex={-1} className="record-pages">
          <DataTable
            caption={t('inbox.caption')}
            captionHidden
            columns={columns}
            rows={paged.items}
            rowKey={(item) => item.id}
            empty={<EmptyState title={t('inbox.empty')} />}
          />
          <PageNav
            page={paged.page}
            hasPrevious={paged.hasPrevious}
            hasNext={paged.hasNext}
            loading={paged.loadingNext}
            onPrevious={paged.previous}
            onNext={() => void paged.next()}
            label={t('common.pages')}
          />
        </div>
      )}
    </div>
  );
}

/** The filter form: edited freely, applied to the address on submit (one request, not one per keystroke). */
function InboxFilters({
  filter,
  onApply,
  categories,
}: {
  filter: InboxFilter;
  onApply: (filter: InboxFilter) => void;
  categories: { value: string; label: string }[];
}) {
  const { t } = useTranslation('case-handling');
  const [draft, setDraft] = useState<InboxFilter>(filter);
  const set = (key: keyof InboxFilter, value: string) =>
    setDraft((d) => ({ ...d, [key]: value || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const anySet = Object.entries(filter).some(([key, value]) => key !== 'box' && value);
  return (
    <details className="case-filters" open={anySet || undefined}>
      <summary>{t('inbox.filters')}</summary>
      <form onSubmit={submit} className="case-filters__form" role="search" aria-label={t('inbox.filters')}>
        <TextField
          label={t('inbox.search')}
          hint={t('inbox.searchHint')}
          value={draft.q ?? ''}
          maxLength={100}
          onChange={(e) => set('q', e.target.value)}
        />
        <Select
          label={t('inbox.state')}
          value={draft.state ?? ''}
          placeholder={t('common.all')}
          options={['open', ...CASE_STATES].map((s) => ({ value: s, label: t(`state.${s}`) }))}
          onChange={(e) => set('state', e.target.value)}
        />
        <Select
          label={t('inbox.kind')}
          value={draft.kind ?? ''}
          placeholder={t('common.all')}
          options={CASE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          onChange={(e) => set('kind', e.target.value)}
        />
        <Select
          label={t('inbox.severity')}
          value={draft.severity ?? ''}
          placeholder={t('common.all')}
          options={CASE_SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          onChange={(e) => set('severity', e.target.value)}
        />
        <Select
          label={t('inbox.category')}
          value={draft.category ?? ''}
          placeholder={t('common.all')}
          options={categories}
          onChange={(e) => set('category', e.target.value)}
        />
        <CommuneSelect
          label={t('inbox.commune')}
          value={draft.commune ?? ''}
          placeholder={t('common.all')}
          onChange={(code) => set('commune', code)}
        />
        <Checkbox
          label={t('inbox.overdueOnly')}
          checked={draft.overdue === 'true'}
          onChange={(e) => set('overdue', e.target.checked ? 'true' : '')}
        />
        <div className="cluster">
          <Button type="submit">{t('inbox.apply')}</Button>
          {anySet && (
            <Button variant="ghost" onClick={() => onApply({})}>
              {t('inbox.clear')}
            </Button>
          )}
        </div>
      </form>
    </details>
  );
}
