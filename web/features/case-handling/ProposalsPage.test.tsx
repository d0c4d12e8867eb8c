import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { ProposalsPage } from './ProposalsPage';
import { me } from './test-fixtures';

const TEAM = { teamId: 'team-1', teamName: 'Tổ công nghệ số ấp Tân Hòa', hamletId: 'h1', role: 'leader' };
const LEADER = me('team_leader', 'h1', ['teams.read', 'proposals.raise'], [TEAM]);
const COORDINATOR = me('youth_union_coordinator', '80', ['users.read', 'proposals.triage']);

const ANSWERED = {
  id: '0190f0a0-0000-7000-8000-0000000000p1',
  code: 'PAKN.20261120.0003',
  teamId: 'team-1',
  teamName: TEAM.teamName,
  theme: 'proposal_devices',
  title: 'Thiếu điện thoại thông minh để hướng dẫn',
  state: 'answered',
  submittedAt: '2026-11-20T02:00:00.000Z',
  answeredAt: '2026-11-25T02:00:00.000Z',
  answer: 'Tỉnh Đoàn cấp thêm 2 máy trong tháng 12.',
  refusedReason: null,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('teams’ proposals', () => {
  it('lets a team leader raise one with a theme, checked before it is sent, and see the answers', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      answer('GET', '/api/v1/proposals', { body: { items: [ANSWERED], nextCursor: null } }),
      answer('GET', '/api/v1/proposals/summary', {
        body: { rows: [{ theme: 'proposal_devices', state: 'answered', count: 1 }], total: 1 },
      }),
      answer('POST', '/api/v1/proposals', ({ body }) => ({
        status: 201,
        body: {
          id: (body as { id: string }).id,
          code: 'PAKN.20261205.0001',
          status: 'created',
          state: 'submitted',
          acceptDueAt: '2026-12-05T10:00:00.000Z',
        },
      })),
    ]);
    await renderInApp(<ProposalsPage />);
    expect(await screen.findByText('Tỉnh Đoàn cấp thêm 2 máy trong tháng 12.')).toBeTruthy();
    expect(api.callsTo('GET', '/api/v1/proposals')[0]!.url.searchParams.get('teamId')).toBe('team-1');
    // The team's summary, as a table with row and column headers.
    const table = await screen.findByRole('table', {
      name: 'Số đề xuất theo chủ đề (hàng) và trạng thái (cột)',
    });
    expect(within(table).getByRole('rowheader', { name: 'Thiết bị, phương tiện' })).toBeTruthy();

    const form = screen.getByRole('region', { name: 'Gửi khó khăn, đề xuất' });
    fireEvent.click(within(form).getByRole('button', { name: 'Gửi đề xuất' }));
    expect(await within(form).findByText('Hãy chọn chủ đề.')).toBeTruthy();
    expect(within(form).getByText('Tiêu đề từ 3 đến 120 ký tự.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/proposals')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Chủ đề'), { target: { value: 'proposal_coverage' } });
    fireEvent.change(within(form).getByLabelText('Tiêu đề'), { target: { value: 'Ấp Tân Hòa mất sóng 4G' } });
    fireEvent.change(within(form).getByLabelText('Nội dung'), {
      target: { value: 'Cuối ấp không có sóng 4G, không hướng dẫn cài VNeID được.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Gửi đề xuất' }));
    expect(await within(form).findByText('Đã gửi đề xuất PAKN.20261205.0001.')).toBeTruthy();
    const sent = api.callsTo('POST', '/api/v1/proposals')[0]!.body as Record<string, string>;
    expect(sent).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      teamId: 'team-1',
      theme: 'proposal_coverage',
      title: 'Ấp Tân Hòa mất sóng 4G',
      description: 'Cuối ấp không có sóng 4G, không hướng dẫn cài VNeID được.',
    });
    // The list and the summary are read again.
    await vi.waitFor(() => expect(api.callsTo('GET', '/api/v1/proposals').length).toBeGreaterThan(1));
  });

  it('shows a Youth Union coordinator the province summary by theme × status, with totals', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: COORDINATOR }),
      answer('GET', '/api/v1/proposals/summary', {
        body: {
          rows: [
            { theme: 'proposal_devices', state: 'submitted', count: 2 },
            { theme: 'proposal_devices', state: 'answered', count: 1 },
            { theme: 'proposal_training', state: 'submitted', count: 4 },
          ],
          total: 7,
        },
      }),
    ]);
    await renderInApp(<ProposalsPage />);
    const table = await screen.findByRole('table');
    expect(api.callsTo('GET', '/api/v1/proposals/summary')[0]!.url.searchParams.get('teamId')).toBeNull();
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Chủ đề', 'Chờ tiếp nhận', 'Đã trả lời', 'Cộng'],
      ['Thiết bị, phương tiện', '2', '1', '3'],
      ['Tập huấn, tài liệu', '4', '0', '4'],
      ['Cộng', '6', '1', '7'],
    ]);
    expect(screen.getByRole('link', { name: 'Xem và trả lời các đề xuất' }).getAttribute('href')).toBe(
      '/cases?kind=proposal',
    );
    expect(screen.queryByRole('region', { name: 'Gửi khó khăn, đề xuất' })).toBeNull();
  });
});
