import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { agency, AGENCY_ID, COMMUNE_OFFICER, UNITS } from '../test-fixtures';
import { AgenciesPage } from './AgenciesPage';
import { SettingsPage } from './SettingsPage';

const SETTINGS = {
  provinceCode: '80',
  deadlines: {
    acceptWithinHours: 8,
    urgentWithinHours: 4,
    normalWithinDays: 10,
    complexWithinDays: 20,
    warnBeforeHours: 4,
  },
  retentionMonths: 12,
  moderateAnonymous: false,
  updatedAt: '2026-12-01T02:00:00.000Z',
  actions: ['cases.configure'],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the agencies screen', () => {
  it('checks a new agency before sending it, then creates it at its commune', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: COMMUNE_OFFICER }),
      answer('GET', '/api/v1/agencies', { body: { items: [agency()] } }),
      answer('GET', '/api/v1/units', { body: UNITS }),
      answer('POST', '/api/v1/agencies', {
        status: 201,
        body: agency({
          id: '0190f0a0-0000-7000-8000-0000000000a9',
          name: 'UBND phường Tân Ninh',
          kind: 'commune_office',
          communeCode: '80001',
          communeName: 'Phường Tân Ninh',
        }),
      }),
    ]);
    await renderInApp(<AgenciesPage />);
    expect(await screen.findByText('Sở Xây dựng')).toBeTruthy();
    expect(screen.getByText('Toàn tỉnh')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Thêm cơ quan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm cơ quan xử lý' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Tên từ 2 đến 200 ký tự.')).toBeTruthy();
    expect(within(dialog).getByText('Hãy chọn loại cơ quan.')).toBeTruthy();
    expect(within(dialog).getByText('Hãy chọn xã, phường.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/agencies')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('Tên cơ quan'), {
      target: { value: 'UBND phường Tân Ninh' },
    });
    fireEvent.change(within(dialog).getByLabelText('Loại cơ quan'), { target: { value: 'commune_office' } });
    await within(dialog).findByRole('option', { name: 'Phường Tân Ninh' });
    fireEvent.change(
      within(dialog)
        .getAllByLabelText('Xã, phường')
        .find((el) => el.tagName === 'SELECT')!,
      {
        target: { value: '80001' },
      },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await vi.waitFor(() => expect(api.callsTo('POST', '/api/v1/agencies')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/v1/agencies')[0]!.body).toEqual({
      name: 'UBND phường Tân Ninh',
      nameEn: null,
      kind: 'commune_office',
      unitCode: '80001',
      email: null,
      phone: null,
      active: true,
    });
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
  });

  it('edits an agency with PATCH and can stop it receiving reports', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: COMMUNE_OFFICER }),
      answer('GET', '/api/v1/agencies', { body: { items: [agency()] } }),
      answer('GET', '/api/v1/units', { body: UNITS }),
      answer('PATCH', `/api/v1/agencies/${AGENCY_ID}`, { body: agency({ active: false }) }),
    ]);
    await renderInApp(<AgenciesPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa cơ quan Sở Xây dựng' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa cơ quan Sở Xây dựng' });
    fireEvent.click(within(dialog).getByRole('switch', { name: /Đang nhận phản ánh/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await vi.waitFor(() => expect(api.callsTo('PATCH', `/api/v1/agencies/${AGENCY_ID}`)).toHaveLength(1));
    expect(api.callsTo('PATCH', `/api/v1/agencies/${AGENCY_ID}`)[0]!.body).toMatchObject({
      unitCode: '80',
      active: false,
    });
  });
});

describe('the deadline settings screen', () => {
  it('shows the province’s policy, refuses an impossible one and saves a valid one', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: COMMUNE_OFFICER }),
      answer('GET', '/api/v1/case-settings', { body: SETTINGS }),
      answer('PUT', '/api/v1/case-settings', ({ body }) => ({ body: { ...SETTINGS, ...(body as object) } })),
    ]);
    await renderInApp(<SettingsPage />);
    const normal = (await screen.findByLabelText(
      'Phản ánh thông thường xử lý trong (ngày làm việc)',
    )) as HTMLInputElement;
    expect(normal.value).toBe('10');
    fireEvent.change(screen.getByLabelText('Phản ánh phức tạp xử lý trong (ngày làm việc)'), {
      target: { value: '5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Thời hạn phức tạp không được ngắn hơn thông thường.')).toBeTruthy();
    expect(api.callsTo('PUT', '/api/v1/case-settings')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Phản ánh phức tạp xử lý trong (ngày làm việc)'), {
      target: { value: '15' },
    });
    fireEvent.change(screen.getByLabelText(/Xoá họ tên, số điện thoại/), { target: { value: '24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await vi.waitFor(() => expect(api.callsTo('PUT', '/api/v1/case-settings')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/v1/case-settings')[0]!.body).toEqual({
      deadlines: {
        acceptWithinHours: 8,
        urgentWithinHours: 4,
        normalWithinDays: 10,
        complexWithinDays: 15,
        warnBeforeHours: 4,
      },
      retentionMonths: 24,
      moderateAnonymous: false,
    });
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
  });
});
