import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { categoryAndUnitRoutes, CODE, publicCase } from './cases.fixtures';
import { filtersOf, searchOf } from './list-filters';
import { ListPage } from './ListPage';
import { REPORTS_PATH } from './paths';
import { resetReportDatabaseForTests } from './report-store';

beforeEach(async () => {
  await resetReportDatabaseForTests();
});

const {
  description: _d,
  addressText: _a,
  publicName: _p,
  severity: _s,
  agencyName: _g,
  acceptDueAt: _ad,
  handleDueAt: _h,
  deadlineStatus: _ds,
  answeredAt: _aa,
  answer: _an,
  refusedReason: _r,
  mergedIntoCode: _m,
  rating: _ra,
  ratingComment: _rc,
  mayRate: _mr,
  mayDispute: _md,
  photos: _ph,
  timeline: _t,
  published: _pu,
  ...ITEM
} = publicCase();

describe('the public list of reports', () => {
  it('reads its filters from the URL, pages with the cursor, and writes new filters back to the URL', async () => {
    const api = installFakeApi([
      ...categoryAndUnitRoutes(),
      answer('GET', '/api/v1/cases', ({ url }) =>
        url.searchParams.get('cursor') === 'c2'
          ? {
              body: {
                items: [
                  {
                    ...ITEM,
                    id: '01938a6e-1111-7000-8000-000000000008',
                    code: 'PAKN.20261204.0003',
                    title: 'Đèn đường hỏng',
                  },
                ],
                nextCursor: null,
              },
            }
          : { body: { items: [ITEM], nextCursor: 'c2' } },
      ),
    ]);
    const { router } = await renderInApp([{ path: REPORTS_PATH, element: <ListPage /> }], {
      path: `${REPORTS_PATH}?category=roads&status=open&from=2026-11-01&bogus=1`,
    });
    expect(await screen.findByRole('link', { name: 'Ổ gà lớn trước chợ Tân An' })).toBeTruthy();
    const first = api.callsTo('GET', '/api/v1/cases')[0]!.url.searchParams;
    expect(Object.fromEntries(first)).toEqual({ category: 'roads', status: 'open', from: '2026-11-01' });
    expect(screen.getByRole('link', { name: 'Ổ gà lớn trước chợ Tân An' }).getAttribute('href')).toBe(
      `/reports/${CODE}`,
    );

    fireEvent.click(screen.getByRole('button', { name: /Xem thêm/ }));
    expect(await screen.findByRole('link', { name: 'Đèn đường hỏng' })).toBeTruthy();

    fireEvent.change(await screen.findByLabelText('Xã, phường'), { target: { value: '25459' } });
    fireEvent.change(screen.getByLabelText('Tình trạng'), { target: { value: 'answered' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lọc' }));
    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
        category: 'roads',
        commune: '25459',
        status: 'answered',
        from: '2026-11-01',
      }),
    );
    await waitFor(() =>
      expect(
        api.callsTo('GET', '/api/v1/cases').some((c) => c.url.searchParams.get('commune') === '25459'),
      ).toBe(true),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('says so when nothing matches', async () => {
    installFakeApi([
      ...categoryAndUnitRoutes(),
      answer('GET', '/api/v1/cases', { body: { items: [], nextCursor: null } }),
    ]);
    await renderInApp([{ path: REPORTS_PATH, element: <ListPage /> }], { path: REPORTS_PATH });
    expect(await screen.findByText('Không có phản ánh nào khớp với bộ lọc.')).toBeTruthy();
  });
});

describe('the list filters in the URL', () => {
  it('drops malformed values and keeps the map view', () => {
    const params = new URLSearchParams('commune=12&status=open&from=2026-13&to=2026-12-31&view=map');
    expect(filtersOf(params)).toEqual({ status: 'open', to: '2026-12-31' });
    expect(searchOf({ status: 'open' }, 'map').toString()).toBe('status=open&view=map');
    expect(searchOf({}, 'list').toString()).toBe('');
  });
});
