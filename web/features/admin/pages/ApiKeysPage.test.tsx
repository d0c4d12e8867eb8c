import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ApiKey } from '../../../../shared/contracts/accounts';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { ApiKeysPage } from './ApiKeysPage';

const ME = {
  user: { id: 'u1', name: 'Nguyễn Thị Thu Hà', email: 'ha@example.vn', phone: null, locale: 'vi' },
  grants: [{ id: 'g1', role: 'province_admin', unitCode: '80', unitName: 'Tỉnh Tây Ninh' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['apiKeys.manage'],
};

const KEY: ApiKey = {
  id: 'k1',
  name: 'Ứng dụng 1022',
  prefix: 'cds_ab12',
  scopes: ['open311:write'],
  unitCode: '80',
  createdAt: '2026-01-02T03:04:05.000Z',
  lastUsedAt: null,
  revokedAt: null,
  actions: ['apiKeys.manage'],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ApiKeysPage', () => {
  it('creates a key and shows its secret once, with a warning and a copy button', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/api-keys', { body: { items: [], nextCursor: null } }),
      answer('POST', '/api/v1/api-keys', {
        status: 201,
        body: { ...KEY, id: 'k2', name: 'Cổng dữ liệu', scopes: ['read'], secret: 'cds_SECRET_VALUE' },
      }),
    ]);
    await renderInApp(<ApiKeysPage />);
    expect(await screen.findByText('Chưa có khoá API nào.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Tạo khoá' }));
    expect(await screen.findByText('Vui lòng nhập tên khoá (ít nhất 2 ký tự).')).toBeTruthy();
    expect(screen.getByText('Vui lòng chọn ít nhất một quyền.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/api-keys')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Tên khoá'), { target: { value: 'Cổng dữ liệu' } });
    fireEvent.click(screen.getByLabelText(/Chỉ đọc/));
    fireEvent.click(screen.getByRole('button', { name: 'Tạo khoá' }));

    const secret = (await screen.findByLabelText('Khoá bí mật của "Cổng dữ liệu"')) as HTMLInputElement;
    expect(secret.value).toBe('cds_SECRET_VALUE');
    expect(screen.getByText(/Khoá chỉ hiện một lần này/)).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/api-keys')[0]?.body).toEqual({
      name: 'Cổng dữ liệu',
      scopes: ['read'],
    });
    // The CSRF token from /me goes with the write.
    expect(api.callsTo('POST', '/api/v1/api-keys')[0]?.headers['x-csrf-token']).toBe('csrf-1');

    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    fireEvent.click(screen.getByRole('button', { name: 'Sao chép' }));
    expect(await screen.findByText('Đã sao chép vào bộ nhớ tạm.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('cds_SECRET_VALUE');

    fireEvent.click(screen.getByRole('button', { name: 'Tôi đã cất khoá' }));
    expect(screen.queryByDisplayValue('cds_SECRET_VALUE')).toBeNull();
  });

  it('revokes a key only after confirmation', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/api-keys', { body: { items: [KEY], nextCursor: null } }),
      answer('DELETE', '/api/v1/api-keys/k1', { status: 204 }),
    ]);
    await renderInApp(<ApiKeysPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Thu hồi Ứng dụng 1022' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('Thu hồi khoá "Ứng dụng 1022"?')).toBeTruthy();
    expect(api.callsTo('DELETE', '/api/v1/api-keys/k1')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Thu hồi', hidden: true }));
    expect(await screen.findByText('Đã thu hồi khoá.')).toBeTruthy();
    expect(api.callsTo('DELETE', '/api/v1/api-keys/k1')).toHaveLength(1);
  });
});
