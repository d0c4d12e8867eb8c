import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { getOfflineDatabase } from '../../offline/offline-db';
import { addToOutbox, listOutbox, listSent } from '../../offline/outbox';
import { buildRecord } from '../../offline/support-record.fixtures';
import { renderCapture } from '../../capture/render-capture';
import { answer, installFakeApi, type RecordedCall } from '../geography/fake-api';

const ME = {
  user: { id: 'user-mai', name: 'Đặng Thị Mai', email: 'mai@demo.congdongso.vn', phone: null, locale: 'vi' },
  grants: [],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['support.capture'],
};

describe('an expired session during sync', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps every record, asks to sign in again, and sends them once the session works again', async () => {
    const db = getOfflineDatabase();
    await Promise.all([db.outbox.clear(), db.sent.clear(), db.cache.clear()]);
    const records = [buildRecord(), buildRecord()];
    for (const [i, r] of records.entries())
      await addToOutbox(db, ME.user.id, r, `2026-11-28T01:00:0${i}.000Z`);

    let sessionAlive = false;
    installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('POST', '/api/v1/sync', (call: RecordedCall) =>
        sessionAlive
          ? {
              body: {
                results: (call.body as { records: { id: string }[] }).records.map((r) => ({
                  id: r.id,
                  status: 'created',
                })),
              },
            }
          : {
              status: 401,
              body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in', messageVi: 'Đăng nhập' } },
            },
      ),
    ]);
    renderCapture('/capture#outbox');

    expect(await screen.findByText(/Phiên đăng nhập đã hết hạn/)).toBeTruthy();
    // The prompt beside the waiting records and the header's sign-in link both lead back here after signing in.
    const signInLinks = screen.getAllByRole('link', { name: 'Đăng nhập' });
    expect(signInLinks).toHaveLength(2);
    for (const link of signInLinks) expect(link.getAttribute('href')).toBe('/sign-in?next=%2Fcapture');
    expect((await listOutbox(db, ME.user.id)).map((e) => e.record)).toEqual(records);
    expect(screen.getByText('Chờ đồng bộ: 2 lượt')).toBeTruthy();

    sessionAlive = true;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('Không có lượt nào chờ đồng bộ.')).toBeTruthy();
    expect(screen.queryByText(/Phiên đăng nhập đã hết hạn/)).toBeNull();
    expect((await listSent(db, ME.user.id)).map((e) => e.id).sort()).toEqual(records.map((r) => r.id).sort());
  });
});
