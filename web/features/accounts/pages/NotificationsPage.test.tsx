import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { NotificationsPage } from './NotificationsPage';

const ME = {
  user: { id: 'u1', name: 'Đặng Thị Mai', email: 'mai@demo.congdongso.vn', phone: null, locale: 'vi' },
  grants: [],
  teams: [],
  csrfToken: 'csrf-1',
  actions: [],
};

const NOTE = {
  id: 'n1',
  kind: 'support.flagged',
  title: 'Lượt hỗ trợ cần xem lại',
  body: 'Tổ trưởng đã đánh dấu một lượt hỗ trợ.',
  link: '/support/mine',
  readAt: '2026-12-04T03:00:00.000Z',
  createdAt: '2026-12-04T02:00:00.000Z',
  actions: [],
};

function serve(items: unknown[], unreadCount: number) {
  installFakeApi([
    answer('GET', '/api/v1/me', { body: ME }),
    answer('GET', '/api/v1/notifications', { body: { items, nextCursor: null, unreadCount } }),
  ]);
}

describe('NotificationsPage', () => {
  it('shows one message when nothing has been received: the empty state, not also "all read"', async () => {
    serve([], 0);
    await renderInApp(<NotificationsPage />);
    expect(await screen.findByText('Chưa có thông báo nào')).toBeTruthy();
    expect(screen.queryByText('Bạn đã đọc hết thông báo.')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says everything is read above a list of read notifications, with no empty state', async () => {
    serve([NOTE], 0);
    await renderInApp(<NotificationsPage />);
    expect(await screen.findByText('Lượt hỗ trợ cần xem lại')).toBeTruthy();
    expect(screen.getByText('Bạn đã đọc hết thông báo.')).toBeTruthy();
    expect(screen.queryByText('Chưa có thông báo nào')).toBeNull();
  });

  it('in English too, one message for an empty inbox', async () => {
    serve([], 0);
    await renderInApp(<NotificationsPage />, { language: 'en' });
    const messages = await screen.findAllByText(/No notifications yet|read all your notifications/);
    expect(messages).toHaveLength(1);
  });
});
