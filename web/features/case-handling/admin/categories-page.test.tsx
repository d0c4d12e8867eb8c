import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { AdminCategory } from '../../../../shared/contracts/case-admin';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { COMMUNE_OFFICER, me } from '../test-fixtures';
import { CategoriesPage } from './CategoriesPage';

const PROVINCE_ADMIN = me('province_admin', '80', ['cases.configure', 'cases.triage', 'proposals.triage']);

function category(over: Partial<AdminCategory> = {}): AdminCategory {
  return {
    code: 'roads',
    nameVi: 'Đường sá, cầu cống hư hỏng',
    nameEn: 'Damaged roads, bridges and culverts',
    descriptionVi: 'Ổ gà, sụt lún',
    descriptionEn: 'Potholes, subsidence',
    group: 'infrastructure',
    kinds: ['report'],
    defaultSeverity: 'normal',
    isOther: false,
    sortOrder: 10,
    active: true,
    updatedAt: '2026-12-01T02:00:00.000Z',
    actions: ['cases.configure'],
    ...over,
  };
}

const OTHER = category({
  code: 'other',
  nameVi: 'Khác',
  nameEn: 'Other',
  kinds: ['report', 'petition'],
  isOther: true,
  sortOrder: 999,
});
const THEME = category({
  code: 'proposal_devices',
  nameVi: 'Thiết bị, phương tiện',
  nameEn: 'Devices and equipment',
  kinds: ['proposal'],
  group: 'team',
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the categories screen', () => {
  it('lists citizens’ categories apart from the teams’ themes, counts them, and saves an edit with PATCH', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: PROVINCE_ADMIN }),
      answer('GET', '/api/v1/case-categories/all', { body: { items: [category(), OTHER, THEME] } }),
      answer('PATCH', '/api/v1/case-categories/roads', ({ body }) => ({
        body: category({ ...(body as Partial<AdminCategory>) }),
      })),
    ]);
    await renderInApp(<CategoriesPage />);
    const citizens = await screen.findByRole('table', { name: 'Lĩnh vực cho người dân' });
    expect(within(citizens).getByText('Đường sá, cầu cống hư hỏng')).toBeTruthy();
    expect(within(citizens).queryByText('Thiết bị, phương tiện')).toBeNull();
    const themes = screen.getByRole('table', { name: 'Chủ đề khó khăn, đề xuất của tổ' });
    expect(within(themes).getByText('Thiết bị, phương tiện')).toBeTruthy();
    expect(screen.getByText('Đang dùng 2/20 lĩnh vực cho người dân.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Sửa lĩnh vực Đường sá, cầu cống hư hỏng' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa lĩnh vực Đường sá, cầu cống hư hỏng' });
    // The code is the Open311 service code: it is not editable.
    expect(within(dialog).queryByLabelText(/Mã lĩnh vực/)).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Tên tiếng Việt'), { target: { value: 'Đường hư' } });
    fireEvent.change(within(dialog).getByLabelText(/Thứ tự hiển thị/), { target: { value: '12a' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Thứ tự là số nguyên từ 0 đến 1000.')).toBeTruthy();
    expect(api.callsTo('PATCH', '/api/v1/case-categories/roads')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/Thứ tự hiển thị/), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByRole('switch', { name: /Đang dùng/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await vi.waitFor(() => expect(api.callsTo('PATCH', '/api/v1/case-categories/roads')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/api/v1/case-categories/roads')[0]!.body).toEqual({
      nameVi: 'Đường hư',
      nameEn: 'Damaged roads, bridges and culverts',
      descriptionVi: 'Ổ gà, sụt lún',
      descriptionEn: 'Potholes, subsidence',
      sortOrder: 5,
      active: false,
    });
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
  });

  it('keeps "Khác" switched on and shows the server’s refusal in words', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', { body: PROVINCE_ADMIN }),
      answer('GET', '/api/v1/case-categories/all', { body: { items: [category(), OTHER] } }),
      answer('PATCH', '/api/v1/case-categories/roads', {
        status: 400,
        body: {
          error: {
            code: 'VALIDATION',
            message: 'Invalid input.',
            messageVi: 'Dữ liệu không hợp lệ.',
            details: [
              {
                path: 'body.active',
                message: 'at most 20 categories for citizens',
                messageVi:
                  'Người dân chỉ chọn được tối đa 20 lĩnh vực đang dùng: hãy ngừng dùng một lĩnh vực khác trước.',
              },
            ],
          },
        },
      }),
    ]);
    await renderInApp(<CategoriesPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa lĩnh vực Khác' }));
    const other = await screen.findByRole('dialog', { name: 'Sửa lĩnh vực Khác' });
    const toggle = within(other).getByRole('switch', { name: /Đang dùng/ }) as HTMLInputElement;
    expect(toggle.disabled).toBe(true);
    expect(toggle.checked).toBe(true);
    expect(within(other).getByText('"Khác" luôn được dùng để người dân có chỗ gửi mọi việc.')).toBeTruthy();
    fireEvent.click(within(other).getByRole('button', { name: 'Huỷ' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Sửa lĩnh vực Đường sá, cầu cống hư hỏng' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa lĩnh vực Đường sá, cầu cống hư hỏng' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(
      await within(dialog).findByText(
        'Người dân chỉ chọn được tối đa 20 lĩnh vực đang dùng: hãy ngừng dùng một lĩnh vực khác trước.',
      ),
    ).toBeTruthy();
  });

  it('adds a category after checking its Open311 code, in English too', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: PROVINCE_ADMIN }),
      answer('GET', '/api/v1/case-categories/all', { body: { items: [category(), OTHER] } }),
      answer('POST', '/api/v1/case-categories', ({ body }) => ({
        status: 201,
        body: category({ ...(body as Partial<AdminCategory>) }),
      })),
    ]);
    await renderInApp(<CategoriesPage />, { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a category' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a case category' });
    fireEvent.change(within(dialog).getByLabelText(/Category code/), { target: { value: 'Chó thả rông' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/A code of 2 to 40 characters/)).toBeTruthy();
    expect(within(dialog).getAllByText('A name of 2 to 120 characters.')).toHaveLength(2);
    expect(api.callsTo('POST', '/api/v1/case-categories')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/Category code/), { target: { value: 'stray_animals' } });
    fireEvent.change(within(dialog).getByLabelText('Vietnamese name'), {
      target: { value: 'Chó thả rông, gia súc trên đường' },
    });
    fireEvent.change(within(dialog).getByLabelText('English name'), {
      target: { value: 'Stray dogs and cattle' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Display order/), { target: { value: '150' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Both reports and petitions' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(api.callsTo('POST', '/api/v1/case-categories')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/v1/case-categories')[0]!.body).toEqual({
      code: 'stray_animals',
      nameVi: 'Chó thả rông, gia súc trên đường',
      nameEn: 'Stray dogs and cattle',
      descriptionVi: '',
      descriptionEn: '',
      sortOrder: 150,
      active: true,
      kinds: ['report', 'petition'],
    });
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('shows a reader who may not change the list no edit or add button', async () => {
    const readOnly = (c: AdminCategory) => ({ ...c, actions: [] });
    installFakeApi([
      answer('GET', '/api/v1/me', { body: COMMUNE_OFFICER }),
      answer('GET', '/api/v1/case-categories/all', {
        body: { items: [readOnly(category()), readOnly(OTHER)] },
      }),
    ]);
    await renderInApp(<CategoriesPage />);
    expect(await screen.findByText('Đường sá, cầu cống hư hỏng')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Sửa lĩnh vực/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Thêm lĩnh vực' })).toBeNull();
  });
});
