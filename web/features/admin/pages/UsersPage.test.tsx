import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { UserListItem } from '../../../../shared/contracts/accounts';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { UsersPage } from './UsersPage';

const ME = {
  user: { id: 'u1', name: 'Nguyễn Thị Thu Hà', email: 'ha@example.vn', phone: null, locale: 'vi' },
  grants: [{ id: 'g1', role: 'province_admin', unitCode: '80', unitName: 'Tỉnh Tây Ninh' }],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['users.read'],
};

function user(id: string, name: string, status: UserListItem['status']): UserListItem {
  return {
    id,
    name,
    email: `${id}@example.vn`,
    phoneMasked: '09•• ••• 678',
    status,
    grants: [{ id: `g-${id}`, role: 'team_leader', unitCode: 'h1', unitName: 'Khu phố 1' }],
    actions: ['users.read'],
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('UsersPage', () => {
  it('lists users with role names and status words, filters by name and loads further pages', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/users', ({ url }) => {
        if (url.searchParams.get('cursor') === 'next-1')
          return { body: { items: [user('u3', 'Lê Văn Ba', 'active')], nextCursor: null } };
        if (url.searchParams.get('q') === 'tam')
          return { body: { items: [user('u2', 'Huỳnh Thanh Tâm', 'active')], nextCursor: null } };
        return {
          body: {
            items: [user('u2', 'Huỳnh Thanh Tâm', 'active'), user('u4', 'Đặng Thị Mai', 'disabled')],
            nextCursor: 'next-1',
          },
        };
      }),
    ]);
    await renderInApp(<UsersPage />);

    expect(await screen.findByRole('link', { name: 'Huỳnh Thanh Tâm' })).toBeTruthy();
    expect(screen.getAllByText('Tổ trưởng – Khu phố 1')).toHaveLength(2);
    expect(screen.getByText('Đã khoá')).toBeTruthy();
    // Only callers who may manage users are offered the invitation.
    expect(screen.queryByRole('link', { name: 'Mời người dùng' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByRole('link', { name: 'Lê Văn Ba' })).toBeTruthy();
    expect(api.callsTo('GET', '/api/v1/users').at(-1)?.url.searchParams.get('cursor')).toBe('next-1');

    fireEvent.change(screen.getByLabelText('Tìm theo tên hoặc email'), { target: { value: 'tam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lọc' }));
    await screen.findByText('Đang hiển thị 1 mục. Đã hiển thị tất cả.');
    expect(screen.queryByRole('link', { name: 'Đặng Thị Mai' })).toBeNull();
    expect(api.callsTo('GET', '/api/v1/users').at(-1)?.url.searchParams.get('q')).toBe('tam');
  });
});
