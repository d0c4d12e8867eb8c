import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { filterFromSearch } from '../support/records-queries';
import { CommuneSection } from './CommuneSection';
import { LeaderSection } from './LeaderSection';
import { OverviewSection } from './OverviewSection';

function signedInWith(actions: string[]) {
  installFakeApi([
    answer('GET', '/api/v1/me', {
      body: {
        user: {
          id: 'u1',
          name: 'Nguyễn Thị Lan',
          email: 'lan@demo.congdongso.vn',
          phone: null,
          locale: 'vi',
        },
        grants: [{ role: 'commune_officer', unitCode: '27712', unitName: 'Phường Long An' }],
        teams: [],
        csrfToken: 'csrf-1',
        actions,
      },
    }),
  ]);
}

/** The list a link opens and the filter it reads from the link's address. */
function opened(link: HTMLElement) {
  const url = new URL(link.getAttribute('href') ?? '', 'http://app.test');
  return { path: url.pathname, filter: filterFromSearch(url.searchParams) };
}

describe('role home figures link to their lists, filtered to what they count', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("a commune officer's review queue opens at the commune's pending records", async () => {
    signedInWith(['support.review', 'teams.manage']);
    const commune = {
      communeCode: '27712',
      communeName: 'Phường Long An',
      teams: 4,
      hamlets: 9,
      hamletsWithoutTeam: 2,
      pendingReview: 7,
      teamsWithoutRecords: 1,
    };
    await renderInApp(<CommuneSection communes={[commune]} />);
    const link = await screen.findByRole('link', { name: 'Xem danh sách: Lượt chờ duyệt' });
    expect(opened(link)).toEqual({ path: '/support/review', filter: { review: 'pending', unit: '27712' } });
  });

  it("a leader of one team opens that team's queue", async () => {
    signedInWith(['support.review']);
    const team = {
      teamId: 'team-1',
      teamName: 'Tổ Khu phố 1',
      hamletName: 'Khu phố 1',
      activeMembers: 5,
      schedule: null,
      hasContact: true,
      inactiveCount: 0,
      inactiveMembers: [],
    };
    await renderInApp(<LeaderSection teams={[team]} pendingReview={3} />);
    const link = await screen.findByRole('link', { name: 'Mở danh sách duyệt' });
    expect(opened(link)).toEqual({
      path: '/support/review',
      filter: { review: 'pending', teamId: 'team-1' },
    });
  });

  it("the province table opens a commune's records of this month and its review queue", async () => {
    signedInWith(['support.review', 'support.export']);
    const row = {
      communeCode: '27712',
      communeName: 'Phường Long An',
      teams: 4,
      members: 20,
      recordsThisMonth: 31,
      pendingReview: 7,
      hamletsWithoutTeam: 2,
    };
    await renderInApp(<OverviewSection rows={[row]} monthFrom="2026-12-01" />);
    const records = await screen.findByRole('link', { name: /Phường Long An: 31$/ });
    expect(opened(records)).toEqual({
      path: '/support/records',
      filter: { unit: '27712', from: '2026-12-01' },
    });
    const review = screen.getByRole('link', { name: /Phường Long An: 7$/ });
    expect(opened(review)).toEqual({ path: '/support/review', filter: { review: 'pending', unit: '27712' } });
  });
});
