import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { DEFAULT_NOTIFIED_TO } from '../breach-form';
import { routes } from '../routes';
import { RecordBreachPage } from './RecordBreachPage';
import { ADMIN_ME, breachOf } from './test-fixtures';

const REFUSED = {
  status: 400,
  body: {
    error: {
      code: 'VALIDATION',
      message: 'Some fields are not valid.',
      messageVi: 'Một số trường chưa hợp lệ.',
      details: [
        {
          path: 'body.discoveredAt',
          message: 'This time is in the future.',
          messageVi: 'Thời điểm này ở trong tương lai.',
        },
      ],
    },
  },
};

function fill() {
  const type = (label: string | RegExp, value: string) =>
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  type('Tên ngắn của sự cố', 'Lộ danh sách thành viên tổ ấp Bình Hòa');
  type('Thời điểm phát hiện', '2026-12-01T08:30');
  type(/^Thời điểm xảy ra/, '2026-11-30T21:00');
  type('Diễn biến sự cố', 'Bảng tính danh sách thành viên bị chia sẻ công khai.');
  fireEvent.click(screen.getByLabelText('Số điện thoại'));
  fireEvent.click(screen.getByLabelText('Họ và tên'));
  type('Dữ liệu của ai', 'Thành viên tổ công nghệ số cộng đồng ấp Bình Hòa');
  type(/^Số người bị ảnh hưởng/, '42');
  type(/^Biện pháp đã và sẽ thực hiện/, 'Đã gỡ bảng tính.');
  type('Người chịu trách nhiệm xử lý', 'Trần Văn Minh, Chánh Văn phòng');
}

describe('RecordBreachPage', () => {
  it('records a breach with Vietnam-time instants (+07:00) in the admin’s province, then opens it', async () => {
    let attempts = 0;
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ADMIN_ME }),
      answer('POST', '/api/v1/privacy/breaches', () => {
        attempts += 1;
        return attempts === 1 ? REFUSED : { status: 201, body: breachOf({ id: 'b9' }) };
      }),
      answer('GET', '/api/v1/privacy/breaches/b9', { body: breachOf({ id: 'b9' }) }),
    ]);
    // Through the feature's own routes: the page sits behind RequireSignIn with privacy.breaches.
    const { router } = await renderInApp([{ hydrateFallbackElement: <p>…</p>, children: routes }], {
      path: '/admin/privacy/breaches/new',
    });
    await screen.findByRole('heading', { level: 1, name: 'Ghi nhận sự cố dữ liệu cá nhân' });
    expect(screen.getByText('Tỉnh Tây Ninh')).toBeTruthy();

    // Nothing leaves the page until the form is complete.
    fireEvent.click(screen.getByRole('button', { name: 'Lưu sự cố' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Vui lòng chọn ít nhất một loại dữ liệu.')).toBeTruthy();
    expect(within(summary).getByText('Vui lòng nhập đủ ngày và giờ.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/privacy/breaches')).toHaveLength(0);

    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu sự cố' }));
    // The server's refusal: its message, the field it names, and the code to quote.
    expect(await screen.findByText('Một số trường chưa hợp lệ.')).toBeTruthy();
    expect(screen.getAllByText('Thời điểm này ở trong tương lai.').length).toBeGreaterThan(0);
    expect(screen.getByText('Mã lỗi: VALIDATION')).toBeTruthy();
    const discovered = screen.getByLabelText('Thời điểm phát hiện');
    expect(discovered.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Lưu sự cố' }));
    await screen.findByRole('heading', { level: 1, name: 'Lộ danh sách thành viên tổ ấp Bình Hòa' });
    expect(router.state.location.pathname).toBe('/admin/privacy/breaches/b9');
    const posts = api.callsTo('POST', '/api/v1/privacy/breaches');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body).toEqual({
      provinceCode: '80',
      discoveredAt: '2026-12-01T08:30:00+07:00',
      occurredAt: '2026-11-30T21:00:00+07:00',
      title: 'Lộ danh sách thành viên tổ ấp Bình Hòa',
      description: 'Bảng tính danh sách thành viên bị chia sẻ công khai.',
      dataCategories: ['name', 'phone'],
      subjects: 'Thành viên tổ công nghệ số cộng đồng ấp Bình Hòa',
      subjectsCount: 42,
      consequences: null,
      measures: 'Đã gỡ bảng tính.',
      contact: 'Trần Văn Minh, Chánh Văn phòng',
    });
    expect(posts[1]?.headers['x-csrf-token']).toBe('csrf-1');
    // The detail page offers the notification to the Ministry, prefilled.
    expect((screen.getByLabelText('Nơi nhận thông báo') as HTMLTextAreaElement).value).toBe(
      DEFAULT_NOTIFIED_TO,
    );
  });

  it('lets an administrator of two provinces choose the province', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', {
        body: {
          ...ADMIN_ME,
          grants: [
            ...ADMIN_ME.grants,
            { id: 'g2', role: 'province_admin', unitCode: '86', unitName: 'Tỉnh Vĩnh Long' },
          ],
        },
      }),
    ]);
    await renderInApp(<RecordBreachPage />);
    const province = await screen.findByLabelText('Tỉnh, thành phố');
    expect(
      within(province)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Tỉnh Tây Ninh', 'Tỉnh Vĩnh Long']);
  });
});
