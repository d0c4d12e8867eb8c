import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { DataSubjectRequest } from '../../../shared/contracts/privacy';
import { answer, installFakeApi, renderInApp } from '../geography/fake-api';
import { RequestsQueuePage } from './RequestsQueuePage';

const ME = {
  user: { id: 'u1', name: 'Nguyễn Thị Thu Hà', email: 'ha@example.vn', phone: null, locale: 'vi' },
  grants: [{ id: 'g1', role: 'province_admin', unitCode: '80', unitName: 'Tỉnh Tây Ninh' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['privacy.requests'],
};

function request(id: string, over: Partial<DataSubjectRequest> = {}): DataSubjectRequest {
  return {
    id,
    code: `YC-AAAA-${id.toUpperCase().padStart(4, '0')}`,
    kind: 'deletion',
    status: 'verified',
    submittedAt: '2026-12-04T03:00:00.000Z',
    verifiedAt: '2026-12-04T03:02:00.000Z',
    dueAt: '2026-12-08T10:00:00.000Z',
    completedAt: null,
    resolution: null,
    contactKind: 'phone',
    contactMasked: '09•• ••• 678',
    description: 'Xin xoá số điện thoại của tôi.',
    overdue: false,
    handledBy: null,
    ...over,
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the requests queue', () => {
  it('lists requests with their deadline, says overdue in words, erases and completes with an answer', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/privacy/requests', {
        body: { items: [request('r1', { overdue: true }), request('r2', { kind: 'access', status: 'in_progress' })], nextCursor: null },
      }),
      answer('POST', '/api/v1/privacy/requests/r1/erase', { body: { erased: [{ purpose: 'accounts', rows: 1 }, { purpose: 'team_membership', rows: 2 }] } }),
      answer('PATCH', '/api/v1/privacy/requests/r1', { body: request('r1', { status: 'completed', resolution: 'Đã xoá.' }) }),
    ]);
    await renderInApp(<RequestsQueuePage />);
    expect(await screen.findAllByText('YC-AAAA-00R1')).not.toHaveLength(0);
    expect(screen.getAllByText('Quá hạn')).not.toHaveLength(0);
    expect(screen.getAllByText(/08\/12\/2026 17:00/)).not.toHaveLength(0);
    // The PDF of the person's data is a plain download of the export.
    const pdfLinks = screen.getAllByRole('link', { name: 'Tải dữ liệu (PDF)' });
    expect(pdfLinks[0]!.getAttribute('href')).toBe('/api/v1/privacy/requests/r1/export.pdf');
    // Only a deletion request offers to erase.
    expect(screen.getAllByRole('button', { name: 'Xoá dữ liệu' })).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Xoá dữ liệu' }));
    const confirm = await screen.findByRole('dialog', { name: 'Xoá dữ liệu của người yêu cầu?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Xoá dữ liệu' }));
    expect(await screen.findByText('Đã xoá 3 bản ghi.')).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: 'Hoàn thành' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Trả lời yêu cầu YC-AAAA-00R1' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Hãy điền mục này.')).toBeTruthy();
    expect(api.callsTo('PATCH', '/api/v1/privacy/requests/r1')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText(/Nội dung trả lời/), { target: { value: 'Đã xoá số điện thoại.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await vi.waitFor(() => expect(api.callsTo('PATCH', '/api/v1/privacy/requests/r1')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/api/v1/privacy/requests/r1')[0]!.body).toEqual({
      status: 'completed',
      resolution: 'Đã xoá số điện thoại.',
    });
  });

  it('withdraws every consent for a withdrawal request, and offers no erasure there', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/privacy/requests', { body: { items: [request('w1', { kind: 'withdrawal' })], nextCursor: null } }),
      answer('POST', '/api/v1/privacy/requests/w1/withdraw-consent', { body: { erased: [{ purpose: 'support_records', rows: 2 }] } }),
    ]);
    await renderInApp(<RequestsQueuePage />);
    expect(await screen.findAllByText('YC-AAAA-00W1')).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Xoá dữ liệu' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Rút lại mọi sự đồng ý' }));
    const confirm = await screen.findByRole('dialog', { name: 'Rút lại mọi sự đồng ý của người yêu cầu?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Rút lại mọi sự đồng ý' }));
    expect(await screen.findByText('Đã rút 2 sự đồng ý.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/privacy/requests/w1/erase')).toHaveLength(0);
  });
});
