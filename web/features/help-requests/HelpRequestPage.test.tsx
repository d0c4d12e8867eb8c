import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { HELP_CONSENT_VERSION, HELP_DRAFT_KEY, loadHelpDraft } from './help-draft';
import { BINH_PHU, CODE, formRoutes, TOKEN } from './help-requests.fixtures';
import { HelpRequestPage } from './HelpRequestPage';
import { HELP_PATH } from './paths';

const routes = [{ path: HELP_PATH, element: <HelpRequestPage /> }];
const created = {
  id: '0190b000-0000-7000-8000-0000000000aa',
  code: CODE,
  status: 'created' as const,
  state: 'new' as const,
  routedTo: 'hamlet_team' as const,
  teamName: 'Tổ công nghệ số cộng đồng khu phố Bình Phú',
  callDueAt: '2026-12-09T02:00:00.000Z',
  token: TOKEN,
};

beforeEach(() => localStorage.clear());

async function fillForm() {
  // The catalogue arrives after the first paint: choose once its services are offered.
  await screen.findByRole('option', { name: 'Kích hoạt VNeID mức 2' });
  fireEvent.change(await screen.findByRole('combobox', { name: /Bạn cần hỗ trợ việc gì/ }), {
    target: { value: 'vneid_level2' },
  });
  fireEvent.click(await screen.findByRole('button', { name: /^Phường Tân An/ }));
  fireEvent.click(await screen.findByRole('button', { name: 'Chọn Khu phố Bình Phú' }));
  fireEvent.change(screen.getByRole('textbox', { name: /Số điện thoại/ }), {
    target: { value: '0912 345 678' },
  });
  fireEvent.change(screen.getByRole('textbox', { name: /Tên người liên hệ/ }), {
    target: { value: 'Cô Lan' },
  });
}

describe('the help-request form', () => {
  it('shows the register’s notice and refuses to send without consent, saying why', async () => {
    const api = installFakeApi(formRoutes());
    await renderInApp(routes, { path: HELP_PATH });
    expect(await screen.findByRole('heading', { name: 'Thông tin của bạn được dùng thế nào' })).toBeTruthy();
    // The retention period and the consent text come from the privacy register's help_requests purpose.
    expect(screen.getByText(/được giữ đến 90 ngày/)).toBeTruthy();
    expect(screen.getByText(/Tôi đồng ý để Tổ công nghệ số cộng đồng/)).toBeTruthy();
    const send = screen.getByRole('button', { name: 'Gửi yêu cầu' });
    expect(send.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Cần đánh dấu đồng ý thì mới gửi được/)).toBeTruthy();
    await fillForm();
    fireEvent.click(send);
    expect(await screen.findAllByText('Hãy đánh dấu đồng ý để gửi yêu cầu.')).not.toHaveLength(0);
    expect(api.callsTo('POST', '/api/v1/help-requests')).toHaveLength(0);
  });

  it('asks for the need, the commune and a valid phone before sending', async () => {
    installFakeApi(formRoutes());
    await renderInApp(routes, { path: HELP_PATH });
    fireEvent.change(await screen.findByRole('textbox', { name: /Số điện thoại/ }), {
      target: { value: '12345' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    expect(await screen.findAllByText('Hãy chọn việc cần hỗ trợ.')).not.toHaveLength(0);
    expect(screen.getAllByText('Hãy chọn xã, phường (và ấp, khu phố nếu biết).')).not.toHaveLength(0);
    expect(screen.getAllByText('Số điện thoại chưa đúng, ví dụ 0912345678.')).not.toHaveLength(0);
  });

  it('sends with consent and shows the code, the team and the private link; the draft is gone', async () => {
    const api = installFakeApi([
      ...formRoutes(),
      answer('POST', '/api/v1/help-requests', { status: 201, body: created }),
    ]);
    await renderInApp(routes, { path: HELP_PATH });
    await fillForm();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tôi đồng ý với nội dung trên' }));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    expect(await screen.findByRole('heading', { name: 'Đã gửi yêu cầu hỗ trợ' })).toBeTruthy();
    expect(screen.getByTestId('help-code').textContent).toBe(CODE);
    expect(screen.getByText('Yêu cầu đã đến Tổ công nghệ số cộng đồng khu phố Bình Phú.')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: new RegExp(`/help/${CODE.replace(/\./g, '\\.')}\\?token=`) }),
    ).toBeTruthy();
    const body = api.callsTo('POST', '/api/v1/help-requests')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      need: 'vneid_level2',
      communeCode: '25459',
      hamletId: BINH_PHU.id,
      phone: '0912 345 678',
      contactName: 'Cô Lan',
      consent: true,
      consentVersion: HELP_CONSENT_VERSION,
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(localStorage.getItem(HELP_DRAFT_KEY)).toBeNull();
  });

  it('keeps the draft and its id across a lost connection, and resends the same id', async () => {
    let online = false;
    const api = installFakeApi([
      ...formRoutes(),
      (call) => {
        if (call.method !== 'POST' || call.url.pathname !== '/api/v1/help-requests') return undefined;
        if (!online) throw new TypeError('Failed to fetch');
        return { status: 201, body: created };
      },
    ]);
    const first = await renderInApp(routes, { path: HELP_PATH });
    await fillForm();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tôi đồng ý với nội dung trên' }));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    expect(await screen.findByText(/Chưa gửi được vì không có kết nối/)).toBeTruthy();
    const kept = loadHelpDraft();
    expect(kept).toMatchObject({ serviceCode: 'vneid_level2', phone: '0912 345 678', consent: true });
    first.unmount();

    // The page opened again (a reload) finds the draft; the connection is back.
    online = true;
    await renderInApp(routes, { path: HELP_PATH });
    expect(await screen.findByText('Yêu cầu bạn đang viết dở đã được mở lại.')).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: /Số điện thoại/ }) as HTMLInputElement).value).toBe(
        '0912 345 678',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    expect(await screen.findByRole('heading', { name: 'Đã gửi yêu cầu hỗ trợ' })).toBeTruthy();
    const sent = api.callsTo('POST', '/api/v1/help-requests').map((c) => (c.body as { id: string }).id);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[0]).toBe(kept!.id);
  });
});
