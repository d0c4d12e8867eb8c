import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { LANGUAGE_STORAGE_KEY as APP_LANGUAGE_KEY } from '../app/i18n';
import { getOfflineDatabase } from '../offline/offline-db';
import { addToOutbox } from '../offline/outbox';
import { buildRecord } from '../offline/support-record.fixtures';
import { answer, installFakeApi } from '../features/geography/fake-api';
import { createCaptureI18n } from './capture-i18n';
import { renderCapture } from './render-capture';

const ME = {
  user: { id: 'user-mai', name: 'Đặng Thị Mai', email: 'mai@demo.congdongso.vn', phone: null, locale: 'vi' },
  grants: [],
  teams: [],
  csrfToken: 'csrf-1',
  actions: ['support.capture'],
};
const UNAUTHENTICATED = {
  status: 401,
  body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in', messageVi: 'Đăng nhập' } },
};

async function clearDevice() {
  const db = getOfflineDatabase();
  await Promise.all([db.outbox.clear(), db.sent.clear(), db.cache.clear()]);
}

describe('the standalone capture page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('switches between the form and the outbox in the same document, as history entries', async () => {
    await clearDevice();
    await addToOutbox(getOfflineDatabase(), ME.user.id, buildRecord(), '2026-11-28T01:00:00.000Z');
    installFakeApi([answer('GET', '/api/v1/me', { body: ME })]);
    renderCapture('/capture');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ghi nhận lượt hỗ trợ' })).toBeTruthy();
    const count = await screen.findByRole('link', { name: 'Chờ gửi: 1' });
    expect(count.getAttribute('href')).toBe('/capture#outbox');
    expect(screen.getByRole('link', { name: 'Lượt hỗ trợ của tôi' }).getAttribute('href')).toBe(
      '/support/mine',
    );
    expect(screen.getByRole('link', { name: 'Cộng Đồng Số' }).getAttribute('href')).toBe('/');

    const entries = window.history.length;
    fireEvent.click(count);
    expect(await screen.findByRole('heading', { level: 1, name: 'Chờ đồng bộ' })).toBeTruthy();
    expect(window.location.pathname + window.location.hash).toBe('/capture#outbox');
    expect(window.history.length).toBe(entries + 1);
    expect(document.activeElement?.id).toBe('main-content');

    fireEvent.click(screen.getByRole('link', { name: 'Về trang ghi nhận' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ghi nhận lượt hỗ trợ' })).toBeTruthy();
    expect(window.location.pathname + window.location.hash).toBe('/capture');
  });

  it('opens the outbox at its old address and gives it the new one', async () => {
    await clearDevice();
    installFakeApi([answer('GET', '/api/v1/me', { body: ME })]);
    renderCapture('/capture/outbox');
    expect(await screen.findByRole('heading', { level: 1, name: 'Chờ đồng bộ' })).toBeTruthy();
    expect(window.location.pathname + window.location.hash).toBe('/capture#outbox');
  });

  it('offers sign-in (and back here) when the session is gone, without a history link', async () => {
    await clearDevice();
    installFakeApi([answer('GET', '/api/v1/me', UNAUTHENTICATED)]);
    renderCapture('/capture');
    expect(
      await screen.findByText('Bạn cần đăng nhập để ghi nhận lượt hỗ trợ.', { exact: false }),
    ).toBeTruthy();
    for (const link of screen.getAllByRole('link', { name: 'Đăng nhập' }))
      expect(link.getAttribute('href')).toBe('/sign-in?next=%2Fcapture');
    expect(screen.getAllByRole('link', { name: 'Đăng nhập' })).toHaveLength(2);
    expect(screen.queryByRole('link', { name: 'Lượt hỗ trợ của tôi' })).toBeNull();
  });

  it('switches the language like the app does: remembered on the device and on <html lang>', async () => {
    await clearDevice();
    installFakeApi([answer('GET', '/api/v1/me', { body: ME })]);
    renderCapture('/capture');
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Record a support' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(APP_LANGUAGE_KEY)).toBe('en');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true'),
    );
  });
});

describe('the capture page’s i18n', () => {
  it('starts in the language remembered by the app', () => {
    window.localStorage.setItem(APP_LANGUAGE_KEY, 'en');
    const i18n = createCaptureI18n();
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('loads only the namespaces the capture page shows', () => {
    const i18n = createCaptureI18n('vi');
    expect(Object.keys(i18n.store.data.vi ?? {}).sort()).toEqual(['app', 'support', 'ui']);
    expect(i18n.t('support:capture.save')).toBe('Lưu lượt hỗ trợ');
  });
});
