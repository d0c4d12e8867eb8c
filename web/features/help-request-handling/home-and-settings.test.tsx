import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { HomeHelpRequests } from './HomeHelpRequests';
import { SettingsPage } from './SettingsPage';
import { item, LEADER, me } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the role home’s glance at help requests', () => {
  it('lists a few open requests of the team with links, asking the server for five', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      answer('GET', '/api/v1/help-requests', { body: { items: [item()], nextCursor: 'next' } }),
    ]);
    await renderInApp(<HomeHelpRequests state="open" />);
    expect(await screen.findByRole('link', { name: 'YCHT.20261207.0012' })).toBeTruthy();
    expect(screen.getByText('1+')).toBeTruthy();
    expect(screen.getByText('yêu cầu đang chờ xử lý')).toBeTruthy();
    const query = api.callsTo('GET', '/api/v1/help-requests')[0]!.url.searchParams;
    expect([query.get('state'), query.get('limit')]).toEqual(['open', '5']);
  });

  it('shows a commune officer the unassigned ones, or says none wait', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: me('commune_officer', ['helpRequests.read']) }),
      answer('GET', '/api/v1/help-requests', { body: { items: [], nextCursor: null } }),
    ]);
    await renderInApp(<HomeHelpRequests state="new" />);
    expect(await screen.findByText('Không có yêu cầu nào đang chờ.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Xem tất cả yêu cầu' }).getAttribute('href')).toBe(
      '/help-requests?state=new',
    );
    expect(api.callsTo('GET', '/api/v1/help-requests')[0]!.url.searchParams.get('state')).toBe('new');
  });
});

describe('the province’s help-request retention setting', () => {
  it('shows the days kept, refuses a value out of range and saves a good one', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: me('province_admin', ['helpRequests.configure']) }),
      answer('GET', '/api/v1/help-requests/settings', { body: { provinceCode: '80', retentionDays: 90 } }),
      answer('PUT', '/api/v1/help-requests/settings', ({ body }) => ({
        body: { provinceCode: '80', retentionDays: (body as { retentionDays: number }).retentionDays },
      })),
    ]);
    await renderInApp(<SettingsPage />);
    const days = (await screen.findByRole('spinbutton', { name: /Số ngày lưu/ })) as HTMLInputElement;
    expect(days.value).toBe('90');
    fireEvent.change(days, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Hãy nhập số ngày từ 7 đến 3650.')).toBeTruthy();
    expect(api.callsTo('PUT', '/api/v1/help-requests/settings')).toHaveLength(0);
    fireEvent.change(days, { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu thời hạn lưu.')).toBeTruthy();
    expect(api.callsTo('PUT', '/api/v1/help-requests/settings')[0]!.body).toEqual({ retentionDays: 120 });
  });
});
