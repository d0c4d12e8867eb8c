import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp, type RecordedCall } from '../../geography/fake-api';
import { BreachesPage } from './BreachesPage';
import { ADMIN_ME, breachOf } from './test-fixtures';

const OVERDUE = breachOf();
const DUE_SOON = breachOf({
  id: 'b2',
  title: 'Mất sổ ghi chép hỗ trợ tại xã Tân Phú',
  discoveredAt: '2026-12-04T03:00:00.000Z',
  notifyBy: '2026-12-07T03:00:00.000Z',
  overdue: false,
  hoursLeft: 41,
});
const NOTIFIED = breachOf({
  id: 'b3',
  title: 'Gửi nhầm e-mail có địa chỉ người dân',
  status: 'notified',
  overdue: false,
  hoursLeft: null,
  notifiedAt: '2026-12-02T09:00:00.000Z',
  notifiedTo: 'Bộ Công an',
});

describe('BreachesPage', () => {
  it('lists breaches with their status and the 72-hour clock in words, and pages with “load more”', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', '/api/v1/privacy/breaches', (call: RecordedCall) =>
        call.url.searchParams.get('cursor') === 'next-1'
          ? { body: { items: [NOTIFIED], nextCursor: null } }
          : { body: { items: [DUE_SOON, OVERDUE], nextCursor: 'next-1' } },
      ),
    ]);
    await renderInApp(<BreachesPage />, { path: '/admin/privacy/breaches' });

    const table = await screen.findByRole('table', { name: 'Các sự cố, mới phát hiện trước' });
    const overdue = within(table).getByRole('row', { name: /Lộ danh sách thành viên/ });
    expect(within(overdue).getByText('Quá hạn thông báo')).toBeTruthy();
    expect(within(overdue).getByText('04/12/2026 08:30')).toBeTruthy();
    expect(within(overdue).getByText('01/12/2026 08:30')).toBeTruthy();
    expect(within(overdue).getByText('Chưa thông báo')).toBeTruthy();
    const link = within(overdue).getByRole('link', { name: 'Lộ danh sách thành viên tổ ấp Bình Hòa' });
    expect(link.getAttribute('href')).toBe('/admin/privacy/breaches/b1');
    const soon = within(table).getByRole('row', { name: /Mất sổ ghi chép/ });
    expect(within(soon).getByText('Còn 41 giờ để thông báo')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ghi nhận sự cố' }).getAttribute('href')).toBe(
      '/admin/privacy/breaches/new',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Xem thêm' }));
    const notified = await within(table).findByRole('row', { name: /Gửi nhầm e-mail/ });
    expect(within(notified).getByText('Đã thông báo lúc 02/12/2026 16:00')).toBeTruthy();
    expect(within(notified).getByText('Đã thông báo')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Xem thêm' })).toBeNull();
    expect(api.callsTo('GET', '/api/v1/privacy/breaches')[1]?.url.searchParams.get('cursor')).toBe('next-1');
  });

  it('filters by status through the server, and says when nothing matches', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', '/api/v1/privacy/breaches', (call) => ({
        body: { items: call.url.searchParams.get('status') ? [] : [OVERDUE], nextCursor: null },
      })),
    ]);
    await renderInApp(<BreachesPage />, { path: '/admin/privacy/breaches' });
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Tình trạng'), { target: { value: 'closed' } });
    expect(await screen.findByText('Không có sự cố nào ở tình trạng này.')).toBeTruthy();
    await waitFor(() =>
      expect(api.calls.some((c) => c.url.searchParams.get('status') === 'closed')).toBe(true),
    );
  });

  it('reads in English, with the hours left counted in words', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', '/api/v1/privacy/breaches', {
        body: { items: [breachOf({ overdue: false, hoursLeft: 1 }), DUE_SOON], nextCursor: null },
      }),
    ]);
    await renderInApp(<BreachesPage />, { path: '/admin/privacy/breaches', language: 'en' });
    const table = await screen.findByRole('table', { name: 'Breaches, latest discovery first' });
    expect(within(table).getByText('1 hour left to notify')).toBeTruthy();
    expect(within(table).getByText('41 hours left to notify')).toBeTruthy();
    expect(within(table).getAllByText('Not yet notified')).toHaveLength(2);
  });
});
