import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  demoAccount,
  describeInBrowser,
  ensureWebBuild,
  launchBrowser,
  openPage,
  startServer,
  type DemoAccount,
  type RunningServer,
} from './harness';

/**
 * Journeys through the real server and real Chromium: (a) a commune officer manages hamlets and switches language,
 * (b) a keyboard-only sign-in with a visible focus at every step.
 */
describeInBrowser('foundation journeys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signInWithForm(page: Page, account: DemoAccount) {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email hoặc số điện thoại', { exact: true }).fill(account.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
    await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/api/v1/auth/login') && res.status() === 200),
      page.getByRole('button', { name: 'Đăng nhập', exact: true }).click(),
    ]);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }

  it('(a) a commune officer adds a hamlet, finds it in the unit tree and switches to English', async () => {
    const officer = await demoAccount(server, 'commune_officer');
    const { context, page } = await openPage(browser, 1280);
    try {
      await signInWithForm(page, officer);

      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Ấp, khu phố', exact: true }).click();
      await expect.poll(() => page.url()).toContain('/admin/hamlets');
      await page.getByRole('heading', { level: 1, name: 'Ấp, khu phố' }).waitFor();

      // The officer's own commune is chosen for them; its name tells us where the hamlet goes.
      const chosen = page.locator('.unit-picker__chosen strong');
      await chosen.waitFor();
      const communeName = (await chosen.textContent()) ?? '';
      expect(communeName).toMatch(/^(Phường|Xã) /);

      const addCard = page.locator('section', {
        has: page.getByRole('heading', { name: 'Thêm ấp, khu phố' }),
      });
      await addCard.getByLabel('Tên', { exact: true }).fill('Ấp Sông Xanh');
      await addCard.getByLabel('Loại', { exact: true }).selectOption('ap');
      await addCard.getByLabel(/Mã địa phương/).fill('SX01');
      await addCard.getByRole('button', { name: 'Thêm', exact: true }).click();
      await page.getByText('Đã thêm Ấp Sông Xanh.').waitFor();
      await page.getByRole('link', { name: 'Ấp Sông Xanh' }).waitFor();

      // Browse the tree: province → the commune → its hamlets, where the new one is listed.
      await page.getByRole('button', { name: 'Chọn đơn vị khác' }).click();
      await page.getByText(/^Các xã, phường thuộc /).waitFor();
      await page.getByRole('button', { name: new RegExp(`^${communeName}.*Xem ấp, khu phố`) }).click();
      const hamletList = page.getByRole('list', { name: `Các ấp, khu phố thuộc ${communeName}` });
      await hamletList.getByText('Ấp Sông Xanh', { exact: true }).waitFor();
      await expect.poll(() => hamletList.getByText('Ấp · SX01').count()).toBe(1);

      // The search ignores diacritics.
      const search = page.getByLabel(`Tìm trong ${communeName}`);
      await search.fill('song xanh');
      await search.press('Enter');
      await page.getByText('Kết quả tìm "song xanh" (1)').waitFor();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hamlets' }).waitFor();
      await page.getByText('Results for "song xanh" (1)').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.reload();
      // The choice is remembered on the device.
      await page.getByRole('heading', { level: 1, name: 'Hamlets' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('(b) signs in with the keyboard only, the focus visible at every step', async () => {
    const account = await demoAccount(server, 'team_member');
    const { context, page } = await openPage(browser, 1280);
    try {
      await page.goto(`${server.url}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();

      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
          return {
            tag: el.tagName,
            text: (label ?? el.textContent ?? '').trim(),
            visibleFocus:
              el.matches(':focus-visible') && (style.outlineStyle !== 'none' || style.boxShadow !== 'none'),
          };
        });

      let reachedEmail = false;
      for (let i = 0; i < 40 && !reachedEmail; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        expect(now, `focus lost after ${i + 1} Tab presses`).not.toBeNull();
        expect(now?.visibleFocus, `no visible focus on ${now?.tag} "${now?.text}"`).toBe(true);
        reachedEmail = now?.tag === 'INPUT' && now.text.startsWith('Email');
      }
      expect(reachedEmail).toBe(true);
      await page.keyboard.type(account.email);

      await page.keyboard.press('Tab');
      const password = await focused();
      expect(password?.text).toBe('Mật khẩu');
      expect(password?.visibleFocus).toBe(true);
      await page.keyboard.type(account.password);

      const [login] = await Promise.all([
        page.waitForResponse((res) => res.url().endsWith('/api/v1/auth/login')),
        page.keyboard.press('Enter'),
      ]);
      expect(login.status()).toBe(200);
      await page.waitForURL((url) => url.pathname !== '/sign-in');
      const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
      expect(me).toBe(200);
    } finally {
      await context.close();
    }
  });
});
