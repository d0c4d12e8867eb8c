import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from './api';
import { Alert, Button, PageHeader, Skeleton } from '../ui';

/** The words a tracking page shows around its record, from the calling feature's messages. */
export interface TrackTexts {
  lookupTitle: string;
  notFound: string;
  badCode: string;
  loadFailed: string;
  retry: string;
}

/**
 * A public page found by a tracking code (a report's PAKN.…, a help request's YCHT.…): the lookup form for a bad or
 * unknown code, a retry when loading failed, and the build's prerendered frame (the code "_") showing the same
 * skeleton a real code shows while loading. One place, so every tracked record behaves alike.
 */
export function TrackByCode<T>({
  code,
  valid,
  queryKey,
  fetchRecord,
  texts,
  lookup,
  children,
}: {
  code: string;
  valid: boolean;
  queryKey: readonly unknown[];
  fetchRecord: (code: string, signal: AbortSignal) => Promise<T>;
  texts: TrackTexts;
  lookup: ReactNode;
  children: (record: T) => ReactNode;
}) {
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchRecord(code, signal),
    enabled: valid,
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
  });
  if (code === '_') return <Skeleton lines={6} title />;
  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <div className="stack">
        <PageHeader title={texts.lookupTitle} />
        {code && <Alert tone="error">{valid ? texts.notFound : texts.badCode}</Alert>}
        {lookup}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="stack">
        <PageHeader title={code} />
        <Alert tone="error">{texts.loadFailed}</Alert>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {texts.retry}
        </Button>
      </div>
    );
  }
  if (!query.data) return <Skeleton lines={6} title />;
  return <>{children(query.data)}</>;
}
