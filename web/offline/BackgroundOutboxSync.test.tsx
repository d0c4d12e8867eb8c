import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SessionProvider } from '../app/session';
import { answer, installFakeApi, type RecordedCall } from '../features/geography/fake-api';
import { BackgroundOutboxSync } from './BackgroundOutboxSync';
import { getOfflineDatabase } from './offline-db';
import { addToOutbox, listOutbox } from './outbox';
import { buildRecord } from './support-record.fixtures';

const USER = {
  id: 'user-mai',
  name: 'Đặng Thị Mai',
  email: 'mai@demo.congdongso.vn',
  phone: null,
  locale: 'vi',
};

function meWith(actions: string[]) {
  return { user: USER, grants: [], teams: [], csrfToken: 'csrf-1', actions };
}

function acceptEverything(call: RecordedCall) {
  const records = (call.body as { records: { id: string }[] }).records;
  return { body: { results: records.map((r) => ({ id: r.id, status: 'created' })) } };
}

function renderInShell(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider>{children}</SessionProvider>
    </QueryClientProvider>,
  );
}

async function seedWaiting() {
  const db = getOfflineDatabase();
  await Promise.all([db.outbox.clear(), db.sent.clear(), db.cache.clear()]);
  await addToOutbox(db, USER.id, buildRecord(), '2026-11-28T01:00:00.000Z');
}

describe('syncing the outbox from any page of the app', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends what waits on the device once a member who may capture is signed in', async () => {
    await seedWaiting();
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: meWith(['support.capture']) }),
      answer('POST', '/api/v1/sync', acceptEverything),
    ]);
    const view = renderInShell(<BackgroundOutboxSync />);
    await waitFor(async () => expect(await listOutbox(getOfflineDatabase(), USER.id)).toEqual([]));
    expect(api.callsTo('POST', '/api/v1/sync')).toHaveLength(1);
    view.unmount();
  });

  it('leaves the outbox alone for an account without capture rights', async () => {
    await seedWaiting();
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: meWith(['teams.read']) }),
      answer('POST', '/api/v1/sync', acceptEverything),
    ]);
    const view = renderInShell(<BackgroundOutboxSync />);
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/me')).toHaveLength(1));
    // Had the component started the loop, it would be syncing by the time the sync code has loaded.
    const { getSyncLoop } = await act(async () => import('./outbox-sync'));
    expect(getSyncLoop().getStatus().syncing).toBe(false);
    expect(api.callsTo('POST', '/api/v1/sync')).toHaveLength(0);
    expect(await listOutbox(getOfflineDatabase(), USER.id)).toHaveLength(1);
    view.unmount();
  });
});
