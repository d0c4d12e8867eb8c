import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/paging';
import {
  DATA_SUBJECT_REQUEST_STATUSES,
  type DataSubjectRequest,
  type DataSubjectRequestStatus,
  type ErasureResult,
} from '../../../shared/contracts/privacy';
import { ApiError, apiFetch } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { Alert, Button, buttonClass, DataTable, Dialog, LoadMore, PageHeader, Select, Tag, TextArea, type DataColumn } from '../../ui';

const QUERY_KEY = 'privacy-requests';

/**
 * The handlers' queue: confirmed requests, earliest deadline first, overdue ones said in words. A handler takes a
 * request on, downloads the person's data as a PDF (an access request's answer; logged as an access), erases it for
 * a deletion request, and completes or refuses it with the answer.
 */
export function RequestsQueuePage() {
  const { t, i18n } = useTranslation('privacy-admin');
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DataSubjectRequestStatus | ''>('');
  const [answering, setAnswering] = useState<{ request: DataSubjectRequest; status: 'completed' | 'rejected' } | null>(null);
  const [erasing, setErasing] = useState<DataSubjectRequest | null>(null);
  const [resolution, setResolution] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const list = useInfiniteQuery({
    queryKey: [QUERY_KEY, status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<DataSubjectRequest>>('/api/v1/privacy/requests', {
        query: { status: status || undefined, cursor: pageParam ?? undefined },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const errorText = (err: unknown) => (err instanceof ApiError ? err.messageIn(i18n.language) : String(err));
  const refresh = () => queryClient.invalidateQueries({ queryKey: [QUERY_KEY] });

  const update = useMutation({
    mutationFn: (v: { id: string; status: 'in_progress' | 'completed' | 'rejected'; resolution?: string }) =>
      apiFetch<DataSubjectRequest>(`/api/v1/privacy/requests/${v.id}`, {
        method: 'PATCH',
        body: { status: v.status, ...(v.resolution ? { resolution: v.resolution } : {}) },
      }),
    onSuccess: () => {
      setAnswering(null);
      setResolution('');
      void refresh();
    },
    onError: (err) => setProblem(errorText(err)),
  });
  // A deletion request erases the contact's data; a withdrawal request withdraws every consent it gave.
  const erase = useMutation({
    mutationFn: (r: DataSubjectRequest) =>
      apiFetch<ErasureResult>(`/api/v1/privacy/requests/${r.id}/${r.kind === 'deletion' ? 'erase' : 'withdraw-consent'}`, {
        method: 'POST',
      }),
    onSuccess: (result, r) => {
      setErasing(null);
      const rows = result.erased.reduce((n, e) => n + e.rows, 0);
      setNotice(t(r.kind === 'deletion' ? 'erased' : 'withdrawn', { rows }));
    },
    onError: (err) => setProblem(errorText(err)),
  });

  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const open = (r: DataSubjectRequest) => r.status === 'verified' || r.status === 'in_progress';
  const columns: DataColumn<DataSubjectRequest>[] = [
    { key: 'code', header: t('columns.code'), primary: true, render: (r) => r.code },
    {
      key: 'kind',
      header: t('columns.kind'),
      render: (r) => (
        <>
          {t(`kinds.${r.kind}`)}
          <br />
          <span className="muted">
            {t('description')}: {r.description}
          </span>
        </>
      ),
    },
    { key: 'contact', header: t('columns.contact'), render: (r) => r.contactMasked },
    {
      key: 'due',
      header: t('columns.due'),
      render: (r) => (
        <>
          {r.dueAt ? formatDateTime(r.dueAt) : '—'} {r.overdue && <Tag tone="danger">{t('overdue')}</Tag>}
        </>
      ),
    },
    { key: 'status', header: t('columns.status'), render: (r) => t(`statuses.${r.status}`) },
    {
      key: 'actions',
      header: t('columns.actions'),
      actions: true,
      render: (r) =>
        open(r) ? (
          <>
            {r.status === 'verified' && (
              <Button variant="secondary" onClick={() => update.mutate({ id: r.id, status: 'in_progress' })}>
                {t('take')}
              </Button>
            )}
            <a className={buttonClass('secondary')} href={`/api/v1/privacy/requests/${r.id}/export.pdf`} download>
              {t('exportPdf')}
            </a>
            {(r.kind === 'deletion' || r.kind === 'withdrawal') && (
              <Button variant="secondary" onClick={() => setErasing(r)}>
                {t(r.kind === 'deletion' ? 'erase' : 'withdraw')}
              </Button>
            )}
            <Button onClick={() => setAnswering({ request: r, status: 'completed' })}>{t('complete')}</Button>
            <Button variant="secondary" onClick={() => setAnswering({ request: r, status: 'rejected' })}>
              {t('reject')}
            </Button>
          </>
        ) : null,
    },
  ];

  return (
    <div className="stack">
      <PageHeader title={t('title')} />
      <p>{t('lead')}</p>
      {problem && <Alert tone="error">{problem}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      <Select
        label={t('filter')}
        value={status}
        options={[
          { value: '', label: t('all') },
          ...DATA_SUBJECT_REQUEST_STATUSES.filter((s) => s !== 'unverified' && s !== 'expired').map((s) => ({
            value: s,
            label: t(`statuses.${s}`),
          })),
        ]}
        onChange={(e) => setStatus(e.target.value as DataSubjectRequestStatus | '')}
      />
      {list.isError ? (
        <Alert tone="error">{errorText(list.error)}</Alert>
      ) : (
        <DataTable caption={t('caption')} columns={columns} rows={rows} rowKey={(r) => r.id} empty={t('empty')} />
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
      <Dialog
        open={answering !== null}
        onClose={() => setAnswering(null)}
        title={answering ? t('answerTitle', { code: answering.request.code }) : ''}
        footer={
          <>
            <Button variant="secondary" onClick={() => setAnswering(null)}>
              {t('cancel')}
            </Button>
            <Button
              loading={update.isPending}
              onClick={() => {
                if (resolution.trim().length < 3) return setProblem(t('required'));
                setProblem(null);
                update.mutate({ id: answering!.request.id, status: answering!.status, resolution: resolution.trim() });
              }}
            >
              {t('save')}
            </Button>
          </>
        }
      >
        <TextArea label={t('resolution')} rows={4} value={resolution} onChange={(e) => setResolution(e.target.value)} />
      </Dialog>
      <Dialog
        open={erasing !== null}
        onClose={() => setErasing(null)}
        title={t(erasing?.kind === 'withdrawal' ? 'withdrawTitle' : 'eraseTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setErasing(null)}>
              {t('cancel')}
            </Button>
            <Button loading={erase.isPending} onClick={() => erase.mutate(erasing!)}>
              {t(erasing?.kind === 'withdrawal' ? 'withdraw' : 'erase')}
            </Button>
          </>
        }
      >
        <p>{t(erasing?.kind === 'withdrawal' ? 'withdrawBody' : 'eraseBody')}</p>
      </Dialog>
    </div>
  );
}
