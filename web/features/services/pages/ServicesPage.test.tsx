import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { Service } from '../../../../shared/contracts/services';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { ServicesPage } from './ServicesPage';

const ME = {
  user: { id: 'u1', name: 'Nguyễn Thị Thu Hà', email: 'ha@example.vn', phone: null, locale: 'vi' },
  grants: [{ id: 'g1', role: 'province_admin', unitCode: '80', unitName: 'Tỉnh Tây Ninh' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['services.manage'],
};

function service(overrides: Partial<Service>): Service {
  return {
    code: 'vneid_level2',
    name: 'Kích hoạt VNeID mức 2',
    nameEn: 'Activate VNeID level 2',
    skill: 'public_services',
    skillName: 'Sử dụng dịch vụ công trực tuyến',
    skillNameEn: 'Use online public services',
    description: null,
    status: 'active',
    sortOrder: 10,
    actions: ['services.manage'],
    ...overrides,
  };
}

const VNEID = service({});
const OLD_APP = service({
  code: 'old_app',
  name: 'Ứng dụng cũ của tỉnh',
  nameEn: 'Old provincial app',
  skill: 'local_platforms',
  status: 'retired',
  sortOrder: 20,
});

afterEach(() => {
  cleanup();
});

describe('ServicesPage', () => {
  it('lists services under their skill with status words, keeping retired codes visible', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/services', { body: { items: [VNEID, OLD_APP] } }),
    ]);
    await renderInApp(<ServicesPage />);

    const publicServices = (await screen.findByRole('heading', { name: /Sử dụng dịch vụ công trực tuyến/ }))
      .parentElement as HTMLElement;
    expect(within(publicServices).getByText('Kích hoạt VNeID mức 2', { selector: '[lang="vi"]' })).toBeTruthy();
    expect(within(publicServices).getByText('vneid_level2')).toBeTruthy();
    expect(within(publicServices).getByText('Đang dùng')).toBeTruthy();

    const local = screen.getByRole('heading', { name: /nền tảng số của địa phương/ }).parentElement as HTMLElement;
    expect(within(local).getByText('Ứng dụng cũ của tỉnh', { selector: '[lang="vi"]' })).toBeTruthy();
    expect(within(local).getByText('Ngừng sử dụng')).toBeTruthy();
    expect(within(local).getByRole('button', { name: 'Dùng lại Ứng dụng cũ của tỉnh' })).toBeTruthy();

    const shopping = screen.getByRole('heading', { name: /Mua sắm trực tuyến/ }).parentElement as HTMLElement;
    expect(within(shopping).getByText('Chưa có dịch vụ nào thuộc kỹ năng này.')).toBeTruthy();
  });

  it('adds a service after checking the form, and shows the server refusal in Vietnamese', async () => {
    let attempts = 0;
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/services', { body: { items: [VNEID] } }),
      answer('POST', '/api/v1/services', () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 409,
              body: {
                error: {
                  code: 'CONFLICT',
                  message: 'This service code already exists (codes are never reused).',
                  messageVi: 'Mã dịch vụ đã tồn tại (mã không được dùng lại).',
                  details: [],
                },
              },
            }
          : {
              status: 201,
              body: service({ code: 'tayninh_smart', name: 'Tây Ninh Smart', nameEn: 'Tay Ninh Smart' }),
            };
      }),
    ]);
    await renderInApp(<ServicesPage />);
    await screen.findByRole('button', { name: 'Sửa tên Kích hoạt VNeID mức 2' });

    fireEvent.click(screen.getByRole('button', { name: 'Thêm dịch vụ' }));
    expect(await screen.findByText(/Mã chỉ gồm chữ thường không dấu/)).toBeTruthy();
    expect(screen.getByText('Vui lòng chọn kỹ năng số.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/services')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Mã dịch vụ'), { target: { value: 'tayninh_smart' } });
    fireEvent.change(screen.getByLabelText('Tên tiếng Việt'), { target: { value: 'Tây Ninh Smart' } });
    fireEvent.change(screen.getByLabelText('Tên tiếng Anh'), { target: { value: 'Tay Ninh Smart' } });
    fireEvent.change(screen.getByLabelText('Kỹ năng số'), { target: { value: 'local_platforms' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm dịch vụ' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Mã dịch vụ đã tồn tại (mã không được dùng lại).',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Thêm dịch vụ' }));
    expect(await screen.findByText('Đã thêm dịch vụ "Tây Ninh Smart".')).toBeTruthy();
    const posts = api.callsTo('POST', '/api/v1/services');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body).toEqual({
      code: 'tayninh_smart',
      name: 'Tây Ninh Smart',
      nameEn: 'Tay Ninh Smart',
      skill: 'local_platforms',
    });
    expect(posts[1]?.headers['x-csrf-token']).toBe('csrf-1');
    expect((screen.getByLabelText('Mã dịch vụ') as HTMLInputElement).value).toBe('');
  });

  it('retires a service only after confirmation', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/services', { body: { items: [VNEID] } }),
      answer('PATCH', '/api/v1/services/vneid_level2', { body: { ...VNEID, status: 'retired' } }),
    ]);
    await renderInApp(<ServicesPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ngừng sử dụng Kích hoạt VNeID mức 2' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('Ngừng sử dụng "Kích hoạt VNeID mức 2"?')).toBeTruthy();
    expect(api.callsTo('PATCH', '/api/v1/services/vneid_level2')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ngừng sử dụng', hidden: true }));
    expect(await screen.findByText('Đã ngừng sử dụng dịch vụ "Kích hoạt VNeID mức 2".')).toBeTruthy();
    expect(api.callsTo('PATCH', '/api/v1/services/vneid_level2')[0]?.body).toEqual({ status: 'retired' });
  });
});
