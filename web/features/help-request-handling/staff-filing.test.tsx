import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { HELP_CONSENT_VERSION } from '../help-requests/help-draft';
import { BINH_PHU, CODE, formRoutes } from '../help-requests/help-requests.fixtures';
import { DetailPage } from './DetailPage';
import { ListPage } from './ListPage';
import { HELP_REQUEST_FILING_PATH, HELP_REQUESTS_PATH } from './paths';
import { StaffFilingPage } from './StaffFilingPage';
import { detail, item, LEADER, me, REQUEST_ID } from './test-fixtures';

const routes = [
  { path: HELP_REQUESTS_PATH, element: <ListPage /> },
  { path: HELP_REQUEST_FILING_PATH, element: <StaffFilingPage /> },
];
const ID = '0190b000-0000-7000-8000-0000000000bb';
const created = {
  id: ID,
  code: CODE,
  status: 'created' as const,
  state: 'new' as const,
  routedTo: 'hamlet_team' as const,
  teamName: 'Tổ công nghệ số cộng đồng khu phố Bình Phú',
  callDueAt: '2026-12-09T02:00:00.000Z',
  token: 'tok_abcdefghijklmnopqrstuvwxyz012345',
};
const POST = '/api/v1/help-requests/staff-filed';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function fillForm() {
  await screen.findByRole('option', { name: 'Kích hoạt VNeID mức 2' });
  fireEvent.change(screen.getByRole('combobox', { name: /Bạn cần hỗ trợ việc gì/ }), {
    target: { value: 'vneid_level2' },
  });
  fireEvent.click(await screen.findByRole('button', { name: /^Phường Tân An/ }));
  fireEvent.click(await screen.findByRole('button', { name: 'Chọn Khu phố Bình Phú' }));
  fireEvent.change(screen.getByRole('textbox', { name: /Số điện thoại/ }), {
    target: { value: '0912 345 678' },
  });
  fireEvent.change(screen.getByRole('textbox', { name: /Tên người liên hệ/ }), {
    target: { value: 'Bác Năm' },
  });
}

describe('recording a help request for a resident who called or came in', () => {
  it('is reached from the list’s button, and offered only to those who handle requests', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      answer('GET', '/api/v1/help-requests', { body: { items: [item()], nextCursor: null } }),
      ...formRoutes(),
    ]);
    const { router } = await renderInApp(routes, { path: HELP_REQUESTS_PATH });
    fireEvent.click(await screen.findByRole('link', { name: 'Ghi yêu cầu qua điện thoại / trực tiếp' }));
    expect(router.state.location.pathname).toBe(HELP_REQUEST_FILING_PATH);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Ghi yêu cầu hỗ trợ qua điện thoại / trực tiếp' }),
    ).toBeTruthy();
    cleanup();

    installFakeApi([
      answer('GET', '/api/v1/me', { body: me('department_officer', ['helpRequests.read']) }),
      answer('GET', '/api/v1/help-requests', { body: { items: [item()], nextCursor: null } }),
    ]);
    await renderInApp(routes, { path: HELP_REQUESTS_PATH });
    await screen.findByRole('link', { name: 'Mở yêu cầu YCHT.20261207.0012' });
    expect(screen.queryByRole('link', { name: 'Ghi yêu cầu qua điện thoại / trực tiếp' })).toBeNull();
  });

  it('shows the notice to read aloud, needs the resident’s agreement, then files with the channel and shows the code', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      ...formRoutes(),
      answer('POST', POST, { status: 201, body: created }),
    ]);
    await renderInApp(routes, { path: HELP_REQUEST_FILING_PATH });
    expect(await screen.findByText(/Đọc to thông báo này cho người dân nghe/)).toBeTruthy();
    // The register's own words, the same the public form shows.
    expect(screen.getByRole('heading', { name: 'Thông tin của bạn được dùng thế nào' })).toBeTruthy();
    expect(screen.getByText(/được giữ đến 90 ngày/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Ghi yêu cầu' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Hãy chọn việc cần hỗ trợ.');
    expect(summary.textContent).toContain('Hãy đọc thông báo cho người dân và đánh dấu khi họ đồng ý.');
    expect(api.callsTo('POST', POST)).toHaveLength(0);

    await fillForm();
    fireEvent.click(screen.getByLabelText('Trực tiếp'));
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Tôi đã đọc thông báo cho người dân và họ đồng ý để tổ liên lạc',
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ghi yêu cầu' }));
    expect(await screen.findByText(/Hãy đọc mã này cho người dân/)).toBeTruthy();
    expect(screen.getByTestId('help-code').textContent).toBe(CODE);
    // The resident's private rating link is not the staff's to see.
    expect(screen.queryByText(/token=/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Mở yêu cầu vừa ghi' }).getAttribute('href')).toBe(
      `${HELP_REQUESTS_PATH}/${ID}`,
    );
    const body = api.callsTo('POST', POST)[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      need: 'vneid_level2',
      communeCode: '25459',
      hamletId: BINH_PHU.id,
      phone: '0912 345 678',
      contactName: 'Bác Năm',
      channel: 'walk_in',
      consentConfirmed: true,
      consentVersion: HELP_CONSENT_VERSION,
    });
    expect(body).not.toHaveProperty('consent');
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says why the server refused, and a second press sends the same id', async () => {
    let refuse = true;
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      ...formRoutes(),
      (call) => {
        if (call.method !== 'POST' || call.url.pathname !== POST) return undefined;
        if (refuse) {
          refuse = false;
          return {
            status: 429,
            body: {
              error: {
                code: 'RATE_LIMITED',
                message: 'This phone number has sent many help requests today.',
                messageVi: 'Số điện thoại này đã gửi nhiều yêu cầu hỗ trợ trong hôm nay.',
              },
            },
          };
        }
        return { status: 201, body: created };
      },
    ]);
    await renderInApp(routes, { path: HELP_REQUEST_FILING_PATH });
    await fillForm();
    fireEvent.click(screen.getByRole('checkbox', { name: /họ đồng ý để tổ liên lạc/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi yêu cầu' }));
    expect(await screen.findByText(/Chưa ghi được: Số điện thoại này đã gửi nhiều/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi yêu cầu' }));
    expect(await screen.findByTestId('help-code')).toBeTruthy();
    const sent = api.callsTo('POST', POST).map((c) => c.body as { id: string; channel: string });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.id).toBe(sent[0]!.id);
    expect(sent[0]!.channel).toBe('phone');
  });

  it('names who recorded the request and how, on the request and in its history', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', { body: LEADER }),
      answer('GET', `/api/v1/help-requests/${REQUEST_ID}`, {
        body: detail({
          channel: 'phone_call',
          filedByName: 'Lê Văn Tâm',
          timeline: [
            {
              action: 'filed_by_phone',
              fromState: null,
              toState: 'new',
              note: null,
              at: '2026-12-07T02:00:00.000Z',
            },
          ],
        }),
      }),
    ]);
    await renderInApp([{ path: `${HELP_REQUESTS_PATH}/:id`, element: <DetailPage /> }], {
      path: `${HELP_REQUESTS_PATH}/${REQUEST_ID}`,
    });
    expect(await screen.findByText('Lê Văn Tâm (qua điện thoại)')).toBeTruthy();
    expect(screen.getByText('Cán bộ, thành viên tổ ghi qua điện thoại')).toBeTruthy();
  });
});
