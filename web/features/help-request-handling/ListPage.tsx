import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { HELP_REQUEST_STATES } from '../../../shared/rules/help-request-workflow';
import { formatDate, formatDateTime } from '../../app/format';
import { useSession } from '../../app/session';
import {
  Alert,
  Button,
  buttonClass,
  Checkbox,
  DataTable,
  EmptyState,
  LoadMore,
  PageHeader,
  Select,
  Skeleton,
  Tag,
  type DataColumn,
} from '../../ui';
import { RevealPhone } from '../privacy/RevealPhone';
import { isCallOverdue, StateTag } from './labels';
import { HELP_REQUEST_FILING_PATH, helpRequestPath } from './paths';
import { useHelpRequestList, type HelpRequestItem } from './queries';

const STATE_CHOICES = ['open', ...HELP_REQUEST_STATES, 'all'] as const;

/** The filter in the address (`?state=…&mine=true`), so a link or a reload keeps it; "open" by default. */
function readFilter(search: URLSearchParams) {
  const raw = search.get('state') ?? 'open';
  const state = (STATE_CHOICES as readonly string[]).includes(raw) ? raw : 'open';
  return { state, mine: search.get('mine') === 'true' };
}

/**
 * The help requests the caller may see (team leaders and members: their teams'; commune officers and the province:
 * their units' — the server decides), newest first, the phone masked with "Xem số" through the logged reveal.
 */
export function ListPage() {
  const { t } = useTranslation('help-request-handling');
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const filter = readFilter(search);
  const list = useHelpRequestList({
    state: filter.state === 'all' ? undefined : filter.state,
    mine: filter.mine,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (next: { state: string; mine: boolean }) => {
    const params = new URLSearchParams();
    if (next.state !== 'open') params.set('state', next.state);
    if (next.mine) params.set('mine', 'true');
    setSearch(params, { replace: true });
  };

  const columns: DataColumn<HelpRequestItem>[] = [
    {
      key: 'code',
      header: t('list.code'),
      primary: true,
      render: (r) => (
        <Link to={helpRequestPath(r.id)} aria-label={t('list.openFor', { code: r.code })}>
          {r.code}
        </Link>
      ),
    },
    {
      key: 'state',
      header: t('list.state'),
      render: (r) => (
        <>
          <StateTag state={r.state} /> {isCallOverdue(r) && <Tag tone="danger">{t('list.overdue')}</Tag>}
        </>
      ),
    },
    { key: 'need', header: t('list.need'), render: (r) => r.need },
    {
      key: 'place',
      header: t('list.place'),
      render: (r) => [r.hamletName, r.teamName].filter(Boolean).join(' · ') || r.communeCode,
    },
    {
      key: 'phone',
      header: t('list.phone'),
      render: (r) =>
        r.phoneMasked === null ? (
          '—'
        ) : r.actions.includes('reveal') ? (
          <RevealPhone
            masked={r.phoneMasked}
            name={r.code}
            path={`/api/v1/help-requests/${encodeURIComponent(r.id)}/reveal-contact`}
          />
        ) : (
          r.phoneMasked
        ),
    },
    { key: 'assignee', header: t('list.assignee'), render: (r) => r.assignedMemberName ?? t('list.nobody') },
    {
      key: 'dates',
      header: t('list.createdAt'),
      render: (r) => (
        <>
          {formatDate(r.createdAt)}
          {(r.state === 'new' || r.state === 'assigned') && (
            <>
              <br />
              <span className="muted">
                {t('list.callDue')} {formatDateTime(r.callDueAt)}
              </span>
            </>
          )}
        </>
      ),
    },
  ];

  return (
    <div className="stack">
      <PageHeader
        title={t('list.title')}
        description={t('list.lead')}
        actions={
          // A resident who calls or comes in is recorded here, then routed like a web request.
          can('helpRequests.handle') ? (
            <Link to={HELP_REQUEST_FILING_PATH} className={buttonClass('primary')}>
              {t('list.file')}
            </Link>
          ) : undefined
        }
      />
      <div className="cluster">
        <Select
          id="help-requests-state"
          label={t('list.state')}
          value={filter.state}
          options={STATE_CHOICES.map((s) => ({
            value: s,
            label: s === 'open' ? t('list.stateOpen') : s === 'all' ? t('list.stateAll') : t(`states.${s}`),
          }))}
          onChange={(e) => apply({ ...filter, state: e.target.value })}
        />
        <Checkbox
          label={t('list.mine')}
          checked={filter.mine}
          onChange={(e) => apply({ ...filter, mine: e.target.checked })}
        />
      </div>
      {list.isPending && <Skeleton lines={6} />}
      {list.isError && (
        <Alert tone="error">
          <p>{t('list.loadFailed')}</p>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('list.retry')}
          </Button>
        </Alert>
      )}
      {list.data && (
        <>
          <DataTable
            caption={t('list.caption')}
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            empty={<EmptyState title={t('list.empty')} />}
          />
          <LoadMore
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
            shownCount={rows.length}
          />
        </>
      )}
    </div>
  );
}
