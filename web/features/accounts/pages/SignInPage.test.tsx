import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders, createQueryClient } from '../../../app/providers';
import { SignInPage } from './SignInPage';

type Handler = (url: string, init: RequestInit) => Response;

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const ME = {
  user: { id: 'u1', name: 'Nguyễn Thị Lan', email: 'lan@demo.congdongso.vn', phone: null, locale: 'vi' },
  grants: [],
  teams: [],
  csrfToken: 'csrf-1',
  actions: [],
};

function renderSignIn(handler: Handler) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return handler(url, init);
  });
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/profile', element: <p>Trang hồ sơ</p> },
    ],
    { initialEntries: ['/sign-in?next=%2Fprofile'] },
  );
  render(
    <AppProviders queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return calls;
}

describe('SignInPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists errors linked to their fields before calling the server', async () => {
    const calls = renderSignIn((url) =>
      url.startsWith('/api/v1/me')
        ? json(401, { error: { code: 'UNAUTHENTICATED', message: 'x' } })
        : json(404, {}),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng nhập' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Vui lòng nhập email hoặc số điện thoại.');
    expect(summary.textContent).toContain('Vui lòng nhập mật khẩu.');
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('#sign-in-identifier');
    expect(screen.getByLabelText('Email hoặc số điện thoại').getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.url === '/api/v1/auth/login')).toBe(false);
  });

  it('fills a demo account in, signs in and goes to the page asked for', async () => {
    let signedIn = false;
    const calls = renderSignIn((url) => {
      if (url === '/api/v1/demo/accounts') {
        return json(200, {
          items: [
            {
              email: 'lan@demo.congdongso.vn',
              phone: '+84900000004',
              password: 'CongDongSo@2026',
              role: 'commune_officer',
              unitCode: '27700',
              unitName: 'Phường Long An',
              teamName: null,
              name: 'Nguyễn Thị Lan',
            },
            {
              email: 'mai@demo.congdongso.vn',
              phone: '+84900000007',
              password: 'CongDongSo@2026',
              role: 'team_member',
              unitCode: '0197c348-5b1a-7000-8000-000000000001',
              unitName: 'Khu phố 1, Phường Long An',
              teamName: 'Tổ công nghệ số Khu phố 1',
              name: 'Đặng Thị Mai',
            },
          ],
        });
      }
      if (url === '/api/v1/auth/login') {
        signedIn = true;
        return json(200, { user: ME.user, csrfToken: 'csrf-1' });
      }
      if (url === '/api/v1/me')
        return signedIn ? json(200, ME) : json(401, { error: { code: 'UNAUTHENTICATED', message: 'x' } });
      return json(404, {});
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Dùng tài khoản Nguyễn Thị Lan, Cán bộ xã' }));
    expect((screen.getByLabelText('Email hoặc số điện thoại') as HTMLInputElement).value).toBe('lan@demo.congdongso.vn');
    expect(screen.getByText('Điện thoại 0900000004')).toBeTruthy();
    // Places in words: the unit's and the team's names, never a unit code or a hamlet id.
    expect(screen.getByText('Phường Long An')).toBeTruthy();
    expect(screen.getByText('Tổ công nghệ số Khu phố 1, Khu phố 1, Phường Long An')).toBeTruthy();
    const demoList = screen.getByRole('heading', { name: 'Tài khoản dùng thử' }).closest('section, div');
    expect(demoList?.textContent).not.toMatch(/27700|0197c348|Mã đơn vị/);
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Trang hồ sơ')).toBeTruthy();
    const login = calls.find((c) => c.url === '/api/v1/auth/login');
    expect(JSON.parse(String(login?.init.body))).toEqual({
      email: 'lan@demo.congdongso.vn',
      password: 'CongDongSo@2026',
    });
  });

  it('signs in by phone number from the same field', async () => {
    let signedIn = false;
    const calls = renderSignIn((url) => {
      if (url === '/api/v1/auth/login') {
        signedIn = true;
        return json(200, { user: ME.user, csrfToken: 'csrf-1' });
      }
      if (url === '/api/v1/me')
        return signedIn ? json(200, ME) : json(401, { error: { code: 'UNAUTHENTICATED', message: 'x' } });
      return json(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
    });
    const field = await screen.findByLabelText('Email hoặc số điện thoại');
    fireEvent.change(field, { target: { value: 'không phải số' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'a-password-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toContain('hoặc số điện thoại (ví dụ: 0912345678)');
    expect(calls.some((c) => c.url === '/api/v1/auth/login')).toBe(false);
    fireEvent.change(field, { target: { value: ' 0912 345 678 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Trang hồ sơ')).toBeTruthy();
    const login = calls.find((c) => c.url === '/api/v1/auth/login');
    expect(JSON.parse(String(login?.init.body))).toEqual({ phone: '0912 345 678', password: 'a-password-1' });
  });

  it('shows the server’s wait message and hides the demo list outside demo mode', async () => {
    renderSignIn((url) => {
      if (url === '/api/v1/auth/login') {
        return json(429, {
          error: {
            code: 'RATE_LIMITED',
            message: 'Too many failed sign-ins. Try again in 4 s.',
            messageVi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 4 giây.',
          },
        });
      }
      if (url === '/api/v1/me') return json(401, { error: { code: 'UNAUTHENTICATED', message: 'x' } });
      return json(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
    });
    fireEvent.change(await screen.findByLabelText('Email hoặc số điện thoại'), { target: { value: 'lan@demo.congdongso.vn' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Vui lòng thử lại sau 4 giây.'),
    );
    expect(screen.queryByText('Tài khoản dùng thử')).toBeNull();
  });
});
