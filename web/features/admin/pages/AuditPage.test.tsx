import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { answer, installFakeApi, renderInApp } from '../../geography/fake-api';
import { AuditPage } from './AuditPage';

const ME = {
  user: { id: 'admin-1', name: 'Nguyễn Thị Thu Hà', email: 'quantri@demo.congdongso.vn', phone: null, locale: 'vi' },
  grants: [],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['audit.read'],
};

const ENTRY = {
  id: 'a1',
  at: '2026-12-04T02:00:00.000Z',
  actor: { id: '0197c348-0000-7000-8000-000000000001', name: 'Nguyễn Thị Thu Hà' },
  apiKeyId: null,
  action: 'user.updated',
  entityType: 'user',
  entityId: '0197c348-0000-7000-8000-000000000002',
  entityName: 'Đặng Thị Mai',
  provinceName: 'Tỉnh Tây Ninh',
  communeName: 'Phường Tân An',
  before: { name: 'Mai' },
  after: { name: 'Đặng Thị Mai' },
  ip: null,
};

describe('AuditPage', () => {
  it('shows actions, objects, people and places in words, and filters with pick lists', async () => {
    const api = installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/audit', { body: { items: [ENTRY], nextCursor: null } }),
    ]);
    await renderInApp(<AuditPage />, { path: '/admin/audit' });
    const item = (await screen.findByRole('heading', { name: 'Sửa tài khoản' })).closest('li')!;
    expect(within(item).getByText('Tài khoản: Đặng Thị Mai')).toBeTruthy();
    expect(within(item).getByText('Phường Tân An, Tỉnh Tây Ninh')).toBeTruthy();
    expect(item.textContent).not.toMatch(/user\.updated|0197c348/);

    const action = screen.getByLabelText('Hành động') as HTMLSelectElement;
    const kind = screen.getByLabelText('Loại dữ liệu') as HTMLSelectElement;
    expect(action.tagName).toBe('SELECT');
    expect(within(action).getByRole('option', { name: 'Đăng nhập' })).toBeTruthy();
    expect(within(kind).getByRole('option', { name: 'Ấp, khu phố' })).toBeTruthy();
    fireEvent.change(action, { target: { value: 'hamlet.created' } });
    fireEvent.change(kind, { target: { value: 'hamlet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lọc' }));
    await screen.findByRole('heading', { name: 'Sửa tài khoản' });
    const last = api.callsTo('GET', '/api/v1/audit').at(-1)!;
    expect(last.url.searchParams.get('action')).toBe('hamlet.created');
    expect(last.url.searchParams.get('entityType')).toBe('hamlet');
  });

  it('speaks English too', async () => {
    installFakeApi([
      answer('GET', '/api/v1/me', { body: ME }),
      answer('GET', '/api/v1/audit', { body: { items: [ENTRY], nextCursor: null } }),
    ]);
    await renderInApp(<AuditPage />, { path: '/admin/audit', language: 'en' });
    expect(await screen.findByRole('heading', { name: 'Changed an account' })).toBeTruthy();
    expect(screen.getByText('Account: Đặng Thị Mai')).toBeTruthy();
  });
});
