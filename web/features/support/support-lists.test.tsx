import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SupportRecord } from '../../../shared/contracts/support';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { MyRecordsPage } from './MyRecordsPage';
import { RecordsPage } from './RecordsPage';
import { filterFromSearch, PHONE_PAGE_SIZE, searchOfFilter } from './records-queries';
import { ReviewPage } from './ReviewPage';

const ME = {
  user: { id: 'user-mai', name: 'Đặng Thị Mai', email: 'mai@demo.congdongso.vn', phone: null, locale: 'vi' },
  grants: [],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['support.capture'],
};

function record(n: number, over: Partial<SupportRecord> = {}): SupportRecord {
  return {
    id: `0197c348-0000-7000-8000-${String(n).padStart(12, '0')}`,
    teamId: 'team-1',
    teamName: 'Tổ Khu phố 1',
    hamletId: 'hamlet-1',
    hamletName: 'Khu phố 1',
    communeCode: '27712',
    provinceCode: '80',
    occurredAt: new Date(Date.UTC(2026, 11, 4, 2, 0) - n * 60_000).toISOString(),
    services: ['vneid_level2'],
    outcome: 'done',
    person: { ageBand: '60_plus', gender: 'female' },
    consent: true,
    durationMinutes: null,
    note: `Ghi chú ${n}`,
    location: null,
    campaignId: null,
    helpRequestId: null,
    supersedes: null,
    author: { userId: 'user-mai', memberId: null, name: 'Đặng Thị Mai', viaApiKey: false },
    receivedAt: '2026-12-04T02:00:00.000Z',
    state: 'active',
    supersededBy: null,
    retraction: null,
    review: { status: 'pending', at: null, byUserId: null, note: null },
    actions: [],
    ...over,
  };
}

/** The list API as the server pages it: `limit` records a page, the cursor is the next index. */
function serve(all: SupportRecord[]) {
  return installFakeApi([
    answer('GET', '/api/v1/me', { body: ME }),
    answer('GET', '/api/v1/services', { body: { items: [] } }),
    answer('GET', '/api/v1/units/27712', {
      body: {
        code: '27712',
        level: 'commune',
        name: 'Long An',
        fullName: 'Phường Long An',
        type: 'Phường',
        parentCode: '80',
        provinceCode: '80',
        validFrom: null,
        validTo: null,
        nameEn: null,
        predecessors: [],
        successors: [],
      },
    }),
    answer('GET', '/api/v1/support-records', (call) => {
      const limit = Number(call.url.searchParams.get('limit'));
      const from = Number(call.url.searchParams.get('cursor') ?? 0);
      const items = all.slice(from, from + limit);
      return { body: { items, nextCursor: from + limit < all.length ? String(from + limit) : null } };
    }),
  ]);
}

function narrowScreen(narrow: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: narrow,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

describe('support record lists', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('show a withdrawn record with one status, "Đã rút", not also "Chờ duyệt"', async () => {
    narrowScreen(false);
    serve([
      record(1, {
        state: 'retracted',
        retraction: { at: '2026-12-04T03:00:00.000Z', reason: 'Ghi nhầm người' },
      }),
    ]);
    await renderInApp(<MyRecordsPage />);
    const row = (await screen.findByText('Ghi nhầm người')).closest('tr')!;
    expect(within(row).getByText('Đã rút')).toBeTruthy();
    expect(within(row).queryByText('Chờ duyệt')).toBeNull();
  });

  it('page on a phone: ten records at a time, with the next and previous page', async () => {
    narrowScreen(true);
    const api = serve(Array.from({ length: 23 }, (_, i) => record(i + 1)));
    await renderInApp(<MyRecordsPage />);
    expect(await screen.findByText(/Ghi chú 1$/)).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(PHONE_PAGE_SIZE);
    expect(api.callsTo('GET', '/api/v1/support-records')[0]?.url.searchParams.get('limit')).toBe(
      String(PHONE_PAGE_SIZE),
    );
    expect(screen.getByRole('button', { name: 'Trang trước' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(await screen.findByText(/Ghi chú 11$/)).toBeTruthy();
    expect(screen.queryByText(/Ghi chú 1$/)).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(PHONE_PAGE_SIZE);
    expect(screen.getByText('Trang 2')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(await screen.findByText(/Ghi chú 23$/)).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Trang sau' }).hasAttribute('disabled')).toBe(true);

    const requests = api.callsTo('GET', '/api/v1/support-records').length;
    fireEvent.click(screen.getByRole('button', { name: 'Trang trước' }));
    await waitFor(() => expect(screen.getByText('Trang 2')).toBeTruthy());
    expect(screen.getByText(/Ghi chú 11$/)).toBeTruthy();
    // A page already seen is shown again from memory.
    expect(api.callsTo('GET', '/api/v1/support-records')).toHaveLength(requests);
  });

  it('read their filter from the address, so a link opens a list already filtered', async () => {
    expect(
      filterFromSearch(new URLSearchParams('review=pending&unit=27712&team=t1&from=2026-12-01')),
    ).toEqual({
      review: 'pending',
      unit: '27712',
      teamId: 't1',
      from: '2026-12-01',
    });
    // What the API would refuse is left out instead of failing the list.
    expect(filterFromSearch(new URLSearchParams('review=done&from=01/12/2026&to=2026-12-31'))).toEqual({
      to: '2026-12-31',
    });
    expect(searchOfFilter({ review: 'pending', unit: '27712', memberId: 'm1' })).toBe(
      '?review=pending&unit=27712&member=m1',
    );
    expect(searchOfFilter({})).toBe('');
  });

  it('open the review queue filtered by the address, and keep a changed status in it', async () => {
    narrowScreen(false);
    const api = serve([record(1)]);
    const { router } = await renderInApp([{ path: '/support/review', element: <ReviewPage /> }], {
      path: '/support/review?review=pending&unit=27712',
    });
    expect(await screen.findByText(/Ghi chú 1$/)).toBeTruthy();
    const query = api.callsTo('GET', '/api/v1/support-records')[0]?.url.searchParams;
    expect(query?.get('review')).toBe('pending');
    expect(query?.get('unit')).toBe('27712');
    expect(query?.get('state')).toBe('active');
    expect(await screen.findByText('Chỉ hiện các lượt ở Phường Long An')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Xem tất cả' }).getAttribute('href')).toBe('/support/review');

    fireEvent.change(screen.getByLabelText('Tình trạng duyệt'), { target: { value: 'flagged' } });
    await waitFor(() => expect(router.state.location.search).toBe('?review=flagged&unit=27712'));
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/v1/support-records').at(-1)?.url.searchParams.get('review')).toBe(
        'flagged',
      ),
    );
  });

  it('open the records list filtered by the address, and put an applied filter in it', async () => {
    narrowScreen(false);
    const api = serve([record(1)]);
    const { router } = await renderInApp([{ path: '/support/records', element: <RecordsPage /> }], {
      path: '/support/records?unit=27712&from=2026-12-01',
    });
    expect(await screen.findByText(/Ghi chú 1$/)).toBeTruthy();
    const query = api.callsTo('GET', '/api/v1/support-records')[0]?.url.searchParams;
    expect(query?.get('unit')).toBe('27712');
    expect(query?.get('from')).toBe('2026-12-01');
    expect((screen.getByLabelText('Từ ngày') as HTMLInputElement).value).toBe('2026-12-01');
    // The CSV export carries the same filter.
    expect(screen.getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toContain('unit=27712');

    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2026-12-04' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lọc' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?unit=27712&from=2026-12-01&to=2026-12-04'),
    );
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/v1/support-records').at(-1)?.url.searchParams.get('to')).toBe(
        '2026-12-04',
      ),
    );
  });
});
