import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { DetailPage } from './DetailPage';
import { ListPage } from './ListPage';
import { HELP_REQUESTS_PATH } from './paths';
import { detail, HAMLET_ID, item, LEADER, MEMBER_ID, REQUEST_ID, team, TEAM_ID } from './test-fixtures';

const routes = [
  { path: HELP_REQUESTS_PATH, element: <ListPage /> },
  { path: `${HELP_REQUESTS_PATH}/:id`, element: <DetailPage /> },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the staff’s help-request list', () => {
  it('lists the open requests by default with the phone masked, and filters by state in the address', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      answer('GET', '/api/v1/help-requests', { body: { items: [item()], nextCursor: null } }),
    ]);
    const { router } = await renderInApp(routes, { path: HELP_REQUESTS_PATH });
    expect(await screen.findByRole('link', { name: 'Mở yêu cầu YCHT.20261207.0012' })).toBeTruthy();
    expect(screen.getByText('09•• ••• 678')).toBeTruthy();
    expect(screen.queryByText(/0912345678/)).toBeNull();
    expect(api.callsTo('GET', '/api/v1/help-requests')[0]!.url.searchParams.get('state')).toBe('open');
    fireEvent.change(screen.getByRole('combobox', { name: 'Tình trạng' }), { target: { value: 'done' } });
    expect(router.state.location.search).toBe('?state=done');
    await vi.waitFor(() =>
      expect(api.callsTo('GET', '/api/v1/help-requests').at(-1)!.url.searchParams.get('state')).toBe('done'),
    );
  });

  it('reveals the full phone only with a reason, through the logged route', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      answer('GET', '/api/v1/help-requests', { body: { items: [item()], nextCursor: null } }),
      answer('POST', `/api/v1/help-requests/${REQUEST_ID}/reveal-contact`, { body: { phone: '0912345678' } }),
    ]);
    await renderInApp(routes, { path: HELP_REQUESTS_PATH });
    fireEvent.click(await screen.findByRole('button', { name: /Xem số đầy đủ của YCHT\.20261207\.0012/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Gọi hẹn lịch hỗ trợ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xem số' }));
    expect(await screen.findByRole('link', { name: 'Gọi 0912345678' })).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/help-requests/${REQUEST_ID}/reveal-contact`)[0]!.body).toEqual({
      reason: 'Gọi hẹn lịch hỗ trợ',
    });
  });
});

describe('one help request for the staff', () => {
  it('lets the leader assign an active member of the team, and shows the answer', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      answer('GET', `/api/v1/help-requests/${REQUEST_ID}`, { body: detail() }),
      answer('GET', `/api/v1/teams/${TEAM_ID}`, { body: team() }),
      answer('POST', `/api/v1/help-requests/${REQUEST_ID}/actions`, {
        body: detail({
          state: 'assigned',
          assignedMemberId: MEMBER_ID,
          assignedMemberName: 'Nguyễn Thị Hoa',
          actions: ['assign', 'schedule', 'not_reached', 'cancel', 'reveal'],
        }),
      }),
    ]);
    await renderInApp(routes, { path: `${HELP_REQUESTS_PATH}/${REQUEST_ID}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'YCHT.20261207.0012' })).toBeTruthy();
    expect(screen.getByText('Cô Lan')).toBeTruthy();
    // A leader may also help at once: the capture page opens with the request prefilled.
    expect(screen.getByRole('link', { name: 'Ghi lượt hỗ trợ' }).getAttribute('href')).toBe(
      `/capture#help=${REQUEST_ID}&team=${TEAM_ID}&hamlet=${HAMLET_ID}&service=vneid_level2`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Giao cho thành viên' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findAllByText('Hãy chọn thành viên.')).not.toHaveLength(0);
    const picker = screen.getByRole('combobox', { name: 'Thành viên' });
    await within(picker).findByRole('option', { name: 'Nguyễn Thị Hoa' });
    expect(within(picker).queryByRole('option', { name: 'Trần Cũ' })).toBeNull();
    fireEvent.change(picker, { target: { value: MEMBER_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
    expect(screen.getByText('Nguyễn Thị Hoa')).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/help-requests/${REQUEST_ID}/actions`)[0]!.body).toEqual({
      action: 'assign',
      memberId: MEMBER_ID,
      note: null,
    });
  });

  it('schedules a visit at the chosen local time and asks a reason to cancel', async () => {
    const assigned = detail({
      state: 'assigned',
      assignedMemberId: MEMBER_ID,
      assignedMemberName: 'Nguyễn Thị Hoa',
      actions: ['schedule', 'not_reached', 'cancel', 'reveal'],
    });
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      answer('GET', `/api/v1/help-requests/${REQUEST_ID}`, { body: assigned }),
      answer('POST', `/api/v1/help-requests/${REQUEST_ID}/actions`, ({ body }) => ({
        body: {
          ...assigned,
          state: (body as { action: string }).action === 'cancel' ? 'cancelled' : 'scheduled',
        },
      })),
    ]);
    await renderInApp(routes, { path: `${HELP_REQUESTS_PATH}/${REQUEST_ID}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Hẹn lịch' }));
    fireEvent.change(screen.getByLabelText('Ngày giờ hẹn'), { target: { value: '2026-12-12T08:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
    const scheduled = api.callsTo('POST', `/api/v1/help-requests/${REQUEST_ID}/actions`)[0]!.body as {
      scheduledFor: string;
    };
    expect(scheduled).toMatchObject({ action: 'schedule' });
    expect(Date.parse(scheduled.scheduledFor)).toBe(new Date(2026, 11, 12, 8, 30).getTime());

    fireEvent.click(screen.getByRole('button', { name: 'Hủy yêu cầu' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findAllByText('Hãy ghi lý do (ít nhất 3 ký tự).')).not.toHaveLength(0);
    expect(api.callsTo('POST', `/api/v1/help-requests/${REQUEST_ID}/actions`)).toHaveLength(1);
  });
});
