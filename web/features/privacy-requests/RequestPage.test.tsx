import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { RequestPage } from './RequestPage';
import { RequestStatusPage } from './RequestStatusPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const VERIFIED = {
  code: 'YC-7K3Q-9MFA',
  kind: 'deletion',
  status: 'verified',
  submittedAt: '2026-12-04T03:00:00.000Z',
  verifiedAt: '2026-12-04T03:02:00.000Z',
  dueAt: '2026-12-08T10:00:00.000Z',
  completedAt: null,
  resolution: null,
};

describe('a request about one’s personal data', () => {
  it('files, confirms with the code, and gives the tracking code with the deadline', async () => {
    const api = installFakeApi([
      answer('POST', '/api/v1/privacy/requests', {
        status: 202,
        body: { id: 'r1', verifyBefore: '2026-12-04T03:15:00.000Z', sentTo: '09•• ••• 678' },
      }),
      answer('POST', '/api/v1/privacy/requests/r1/verify', ({ body }) =>
        (body as { code: string }).code === '123456'
          ? { body: VERIFIED }
          : {
              status: 400,
              body: {
                error: {
                  code: 'VALIDATION',
                  message: 'Invalid input',
                  details: [{ path: 'body.code', message: 'This code is not right.', messageVi: 'Mã xác nhận không đúng.' }],
                },
              },
            },
      ),
    ]);
    await renderInApp(<RequestPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    expect(await screen.findAllByText('Hãy điền mục này.')).not.toHaveLength(0);
    expect(api.callsTo('POST', '/api/v1/privacy/requests')).toHaveLength(0);

    fireEvent.click(screen.getByRole('radio', { name: 'Xoá dữ liệu của tôi' }));
    fireEvent.change(screen.getByLabelText(/Số điện thoại hoặc e-mail của bạn/), { target: { value: '0912 345 678' } });
    fireEvent.change(screen.getByLabelText(/Nội dung yêu cầu/), { target: { value: 'Xin xoá số điện thoại của tôi.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    expect(await screen.findByText(/Chúng tôi đã gửi mã 6 số đến 09•• ••• 678/)).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/privacy/requests')[0]!.body).toEqual({
      kind: 'deletion',
      contact: '0912 345 678',
      description: 'Xin xoá số điện thoại của tôi.',
    });

    fireEvent.change(screen.getByLabelText(/Mã xác nhận/), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findAllByText('Mã xác nhận không đúng.')).not.toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/Mã xác nhận/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Mã theo dõi của bạn là YC-7K3Q-9MFA. Hãy ghi lại mã này.')).toBeTruthy();
    // Due Tuesday 8 December 2026 at 17:00 in Vietnam.
    expect(screen.getByText(/Hạn trả lời: 08\/12\/2026 17:00/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Xem tình trạng yêu cầu' }).getAttribute('href')).toBe(
      '/privacy/requests/status?code=YC-7K3Q-9MFA',
    );
  });

  it('shows where a request stands from its tracking code, in English too', async () => {
    installFakeApi([answer('GET', '/api/v1/privacy/requests/by-code/YC-7K3Q-9MFA', { body: VERIFIED })]);
    await renderInApp(
      [{ path: '/privacy/requests/status', element: <RequestStatusPage /> }],
      { path: '/privacy/requests/status?code=YC-7K3Q-9MFA', language: 'en' },
    );
    expect(await screen.findByRole('heading', { name: 'YC-7K3Q-9MFA: Received, waiting to be handled' })).toBeTruthy();
    expect(screen.getByText('08/12/2026 17:00')).toBeTruthy();
  });
});
