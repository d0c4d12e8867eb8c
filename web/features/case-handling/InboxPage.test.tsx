import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { filterFromSearch } from './inbox-filters';
import { InboxPage } from './InboxPage';
import {
  AGENCY_HANDLER,
  CASE_ID,
  CATEGORIES,
  COMMUNE_OFFICER,
  inboxItem,
  inboxPage,
  UNITS,
} from './test-fixtures';

const routes = [
  { path: '/cases', element: <InboxPage /> },
  { path: '/cases/:id', element: <p>Màn hình phản ánh</p> },
];

function fakeApi(me: unknown) {
  return installFakeApi([
    answer('GET', '/api/v1/me', { body: me }),
    answer('GET', '/api/v1/case-inbox', { body: inboxPage() }),
    answer('GET', '/api/v1/case-categories', { body: { items: CATEGORIES } }),
    answer('GET', '/api/v1/units', { body: UNITS }),
  ]);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the inbox filters in the address', () => {
  it('keeps only values the server accepts, and only the overdue view of "overdue"', () => {
    const filter = filterFromSearch(
      new URLSearchParams(
        'box=agency&state=in_progress&severity=whatever&overdue=false&commune=123&q=%20PAKN.1%20',
      ),
    );
    expect(filter).toEqual({ box: 'agency', state: 'in_progress', q: 'PAKN.1' });
  });
});

describe('the inbox', () => {
  it('asks the server with the filters of the address, and shows counts and deadlines in words', async () => {
    const api = fakeApi(COMMUNE_OFFICER);
    await renderInApp(routes, {
      path: '/cases?box=commune&state=submitted&overdue=true&category=roads&severity=bad&q=PAKN.20261201',
    });
    expect(await screen.findByRole('link', { name: 'Ổ gà lớn trước chợ Tân Ninh' })).toBeTruthy();
    const call = api.callsTo('GET', '/api/v1/case-inbox')[0]!;
    expect(Object.fromEntries(call.url.searchParams)).toEqual({
      box: 'commune',
      state: 'submitted',
      overdue: 'true',
      category: 'roads',
      q: 'PAKN.20261201',
      limit: '25',
    });
    // Counts of the whole box, each named.
    const counts = screen.getByRole('region', { name: 'Tổng quan hộp phản ánh' });
    expect(within(counts).getByText('Quá hạn').nextElementSibling?.textContent).toBe('2');
    expect(within(counts).getByText('Chờ tiếp nhận').nextElementSibling?.textContent).toBe('3');
    // The row's deadline says "Quá hạn" in words, with the instant on Vietnam time.
    const table = screen.getByRole('table');
    expect(within(table).getByText('Quá hạn')).toBeTruthy();
    expect(within(table).getByText('Hạn 01/12/2026 17:00')).toBeTruthy();
    expect(within(table).getByText('Chờ tiếp nhận')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ổ gà lớn trước chợ Tân Ninh' }).getAttribute('href')).toBe(
      `/cases/${CASE_ID}`,
    );
    // The chosen box is marked for assistive technology too.
    expect(screen.getByRole('link', { name: 'Tiếp nhận' }).getAttribute('aria-current')).toBe('page');
  });

  it('writes new filters to the address and asks again; clearing keeps the box', async () => {
    const api = fakeApi(COMMUNE_OFFICER);
    const { router } = await renderInApp(routes, { path: '/cases?box=all&state=open' });
    await screen.findByRole('link', { name: 'Ổ gà lớn trước chợ Tân Ninh' });
    fireEvent.change(screen.getByLabelText('Mức độ'), { target: { value: 'urgent' } });
    fireEvent.click(screen.getByLabelText('Chỉ hiện phản ánh quá hạn'));
    fireEvent.click(screen.getByRole('button', { name: 'Lọc' }));
    await vi.waitFor(() =>
      expect(router.state.location.search).toBe('?box=all&state=open&severity=urgent&overdue=true'),
    );
    await vi.waitFor(() => expect(api.callsTo('GET', '/api/v1/case-inbox')).toHaveLength(2));
    expect(api.callsTo('GET', '/api/v1/case-inbox')[1]!.url.searchParams.get('severity')).toBe('urgent');
    fireEvent.click(await screen.findByRole('button', { name: 'Bỏ lọc' }));
    await vi.waitFor(() => expect(router.state.location.search).toBe('?box=all'));
  });

  it('opens an agency handler on their agency’s box, without the receiving box or staff filing', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: AGENCY_HANDLER }),
      answer('GET', '/api/v1/case-inbox', {
        body: inboxPage([
          inboxItem({
            state: 'assigned',
            agencyId: null,
            agencyName: 'Sở Xây dựng',
            deadlineStatus: 'on_time',
          }),
        ]),
      }),
      answer('GET', '/api/v1/case-categories', { body: { items: CATEGORIES } }),
      answer('GET', '/api/v1/units', { body: UNITS }),
    ]);
    await renderInApp(routes, { path: '/cases' });
    await screen.findByText('Sở Xây dựng');
    expect(api.callsTo('GET', '/api/v1/case-inbox')[0]!.url.searchParams.get('box')).toBe('agency');
    expect(screen.queryByRole('link', { name: 'Tiếp nhận' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Cơ quan tôi' }).getAttribute('aria-current')).toBe('page');
    expect(screen.queryByRole('link', { name: 'Nhận phản ánh qua điện thoại' })).toBeNull();
    expect(screen.getByText('Còn hạn')).toBeTruthy();
  });
});
