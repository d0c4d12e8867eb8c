import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { DEFAULT_NOTIFIED_TO } from '../breach-form';
import { BreachDetailPage } from './BreachDetailPage';
import { ADMIN_ME, breachOf } from './test-fixtures';

const PATH = '/api/v1/privacy/breaches/b1';
const render = (language: 'vi' | 'en' = 'vi') =>
  renderInApp([{ path: '/admin/privacy/breaches/:id', element: <BreachDetailPage /> }], {
    path: '/admin/privacy/breaches/b1',
    language,
  });

function factOf(term: string): string {
  const dt = screen.getAllByText(term, { selector: 'dt' })[0];
  return dt?.nextElementSibling?.textContent ?? '';
}

describe('BreachDetailPage', () => {
  it('shows every field with dd/mm/yyyy HH:mm Vietnam times and the overdue clock in words', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', PATH, { body: breachOf() }),
    ]);
    await render();
    await screen.findByRole('heading', { level: 1, name: 'Lộ danh sách thành viên tổ ấp Bình Hòa' });
    expect(factOf('Tình trạng')).toBe('Chưa thông báo');
    expect(factOf('Hạn thông báo (72 giờ)')).toContain('04/12/2026 08:30');
    expect(factOf('Hạn thông báo (72 giờ)')).toContain('Quá hạn thông báo');
    expect(factOf('Thời điểm phát hiện')).toBe('01/12/2026 08:30');
    expect(factOf('Thời điểm xảy ra')).toBe('30/11/2026 21:00');
    expect(factOf('Diễn biến sự cố')).toContain('Đã có người tải về.');
    expect(factOf('Loại dữ liệu bị ảnh hưởng')).toBe('Họ và tênSố điện thoại');
    expect(factOf('Dữ liệu của ai')).toBe('Thành viên tổ công nghệ số cộng đồng ấp Bình Hòa');
    expect(factOf('Số người bị ảnh hưởng (ước tính)')).toBe('42');
    expect(factOf('Hậu quả có thể xảy ra')).toBe('Có thể bị gọi điện lừa đảo.');
    expect(factOf('Biện pháp đã và sẽ thực hiện')).toBe('Đã gỡ bảng tính và đổi quyền chia sẻ.');
    expect(factOf('Người chịu trách nhiệm xử lý')).toBe('Trần Văn Minh, Chánh Văn phòng, minh@example.vn');
    expect(factOf('Tỉnh, thành phố')).toBe('Tỉnh Tây Ninh');
    expect(factOf('Người ghi nhận')).toBe('Nguyễn Thị Thu Hà');
    expect(factOf('Ghi nhận lúc')).toBe('01/12/2026 09:00');
    expect(screen.getByRole('link', { name: 'Bổ sung thông tin' }).getAttribute('href')).toBe(
      '/admin/privacy/breaches/b1/edit',
    );
  });

  it('requires the reason for a late notification, and sends none for one on time', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', PATH, { body: breachOf() }),
      answer('PATCH', PATH, (call) => {
        const sent = (
          call.body as { notification: { notifiedAt: string; reference: string; lateReason: string } }
        ).notification;
        return {
          body: breachOf({
            status: 'notified',
            overdue: false,
            hoursLeft: null,
            notifiedAt: new Date(sent.notifiedAt).toISOString(),
            notifiedTo: DEFAULT_NOTIFIED_TO,
            notificationRef: sent.reference,
            lateReason: sent.lateReason,
          }),
        };
      }),
    ]);
    await render();
    const card = (await screen.findByRole('heading', { name: 'Ghi nhận đã thông báo' })).closest('section')!;
    const at = within(card).getByLabelText('Thời điểm gửi thông báo');
    expect(within(card).getByLabelText('Nơi nhận thông báo')).toHaveProperty('value', DEFAULT_NOTIFIED_TO);

    // On time (at the deadline itself): no reason asked.
    fireEvent.change(at, { target: { value: '2026-12-04T08:30' } });
    expect(within(card).queryByLabelText('Lý do chậm thông báo')).toBeNull();

    // Late: the reason appears and is required before anything is sent.
    fireEvent.change(at, { target: { value: '2026-12-04T10:15' } });
    expect(
      within(card).getByText('Thông báo sau hạn chót 04/12/2026 08:30 phải nêu lý do chậm trễ.'),
    ).toBeTruthy();
    fireEvent.change(within(card).getByLabelText(/^Số công văn/), { target: { value: '125/UBND-VP' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Lưu việc thông báo' }));
    const summary = await within(card).findByRole('alert');
    expect(
      within(summary).getByText('Thông báo sau hạn 72 giờ: vui lòng nêu lý do chậm trễ (ít nhất 3 ký tự).'),
    ).toBeTruthy();
    expect(api.callsTo('PATCH', PATH)).toHaveLength(0);

    fireEvent.change(within(card).getByLabelText('Lý do chậm thông báo'), {
      target: { value: 'Phải xác minh phạm vi bị lộ với đơn vị quản lý hệ thống.' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Lưu việc thông báo' }));
    expect(await screen.findByText('Đã ghi nhận việc thông báo.')).toBeTruthy();
    expect(api.callsTo('PATCH', PATH)[0]?.body).toEqual({
      notification: {
        notifiedAt: '2026-12-04T10:15:00+07:00',
        notifiedTo: DEFAULT_NOTIFIED_TO,
        reference: '125/UBND-VP',
        lateReason: 'Phải xác minh phạm vi bị lộ với đơn vị quản lý hệ thống.',
      },
    });
    expect(factOf('Thông báo lúc')).toBe('04/12/2026 10:15');
    expect(factOf('Lý do chậm thông báo')).toBe('Phải xác minh phạm vi bị lộ với đơn vị quản lý hệ thống.');
    expect(screen.getByRole('button', { name: 'Đóng sự cố' })).toBeTruthy();
  });

  it('closes a notified breach after confirmation, showing a refusal with its code', async () => {
    let attempts = 0;
    const notified = breachOf({
      status: 'notified',
      overdue: false,
      hoursLeft: null,
      notifiedAt: '2026-12-02T09:00:00.000Z',
      notifiedTo: DEFAULT_NOTIFIED_TO,
    });
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', PATH, { body: notified }),
      answer('PATCH', PATH, () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 409,
              body: {
                error: {
                  code: 'CONFLICT',
                  message: 'This breach is closed.',
                  messageVi: 'Sự cố này đã được đóng.',
                },
              },
            }
          : { body: { ...notified, status: 'closed', closedAt: '2026-12-05T03:00:00.000Z' } };
      }),
    ]);
    await render();
    fireEvent.click(await screen.findByRole('button', { name: 'Đóng sự cố' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(api.callsTo('PATCH', PATH)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đóng sự cố', hidden: true }));
    expect(await within(dialog).findByText('Sự cố này đã được đóng.')).toBeTruthy();
    expect(within(dialog).getByText('Mã lỗi: CONFLICT')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đóng sự cố', hidden: true }));
    expect(await screen.findByText('Đã đóng sự cố.')).toBeTruthy();
    expect(api.callsTo('PATCH', PATH)[1]?.body).toEqual({ close: true });
    expect(screen.getByText('Sự cố đã đóng lúc 05/12/2026 10:00 nên không sửa được nữa.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Bổ sung thông tin' })).toBeNull();
  });

  it('says plainly when the breach is not in the reader’s province', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('GET', PATH, {
        status: 404,
        body: {
          error: { code: 'NOT_FOUND', message: 'Breach not found.', messageVi: 'Không tìm thấy sự cố.' },
        },
      }),
    ]);
    await render('en');
    expect(
      await screen.findByText('This item does not exist, or it is outside your scope.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
