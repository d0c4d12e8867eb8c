import { afterAll, beforeAll, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  demoAccount,
  describeInBrowser,
  ensureWebBuild,
  launchBrowser,
  openPage,
  signInByApi,
  startServer,
  type RunningServer,
} from './harness';

/**
 * Issue 3's journey: a member signs in, loses the connection, records three supports, closes and reopens the
 * app (still offline: the service worker serves it, the outbox keeps them), gets the connection back, the
 * outbox syncs, and the team leader finds the three records in the review list. Then axe-core on the issue's
 * pages at 360 px.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WAITING_THREE = 'Chờ đồng bộ: 3 lượt';
const NOTHING_WAITING = 'Không có lượt nào chờ đồng bộ.';

async function recordOneSupport(page: Page, note: string): Promise<void> {
  await page.getByRole('group', { name: 'Đã hỗ trợ những gì?' }).getByRole('checkbox').first().check();
  await page.getByRole('radio', { name: 'Từ 60 trở lên' }).check();
  await page.getByRole('radio', { name: 'Nữ' }).check();
  await page.getByRole('switch', { name: /Người dân đồng ý/ }).check();
  // The details stay open after a save, for members who write notes often.
  if (!(await page.getByLabel('Ghi chú').isVisible()))
    await page.getByText('Thêm chi tiết (không bắt buộc)').click();
  await page.getByLabel('Ghi chú').fill(note);
  await page.getByRole('button', { name: 'Lưu lượt hỗ trợ' }).click();
  await page.getByText('Đã lưu lượt hỗ trợ. Bạn có thể ghi lượt tiếp theo.').waitFor();
}

async function violationsOf(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Opens each page, waits until its own content is there (not a skeleton, not a fallback), and audits it. */
async function audit(
  context: BrowserContext,
  server: RunningServer,
  checks: { path: string; ready: string }[],
) {
  const found: string[] = [];
  const page = await context.newPage();
  for (const check of checks) {
    await page.goto(`${server.url}${check.path}`);
    await page.locator('main').getByText(check.ready, { exact: false }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.skeleton').first().waitFor({ state: 'detached' });
    for (const violation of await violationsOf(page)) found.push(`${check.path}: ${violation}`);
  }
  await page.close();
  return found;
}

describeInBrowser('support records captured offline (issue 3)', () => {
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

  it('keeps three supports recorded offline across a reopen, syncs them online, and the leader sees them', async () => {
    const member = await demoAccount(server, 'team_member');
    const { context, page } = await openPage(browser, 360);
    try {
      await signInByApi(page, server, member);
      await page.goto(`${server.url}/capture`);
      await page.getByRole('button', { name: 'Lưu lượt hỗ trợ' }).waitFor();
      await page.getByText(NOTHING_WAITING).waitFor();
      // The app shell must be precached before the connection goes, as after any first online visit.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });

      await context.setOffline(true);
      await page.getByText('Đang không có mạng.', { exact: false }).waitFor();
      const run = `e2e-${Date.now().toString(36)}`;
      for (let i = 1; i <= 3; i++) await recordOneSupport(page, `${run} lượt ${i}`);
      await page.getByText(WAITING_THREE).waitFor();

      await page.close();
      const reopened = await context.newPage();
      await reopened.goto(`${server.url}/capture`);
      await reopened.getByText(WAITING_THREE).waitFor();
      // A cold offline start opens the capture page's own document from the service worker, not the app.
      expect(
        await reopened.evaluate(() => document.querySelector('script[type="module"]')?.getAttribute('src')),
      ).toMatch(/\/assets\/capture-[\w-]+\.js$/);
      await reopened.getByRole('button', { name: 'Lưu lượt hỗ trợ' }).waitFor();

      const synced = reopened.waitForResponse(
        (r) => r.url().endsWith('/api/v1/sync') && r.request().method() === 'POST',
      );
      await context.setOffline(false);
      const response = await synced;
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { results: { status: string }[] };
      expect(body.results.map((r) => r.status)).toEqual(['created', 'created', 'created']);
      await reopened.getByText(NOTHING_WAITING).waitFor();

      const leader = await openPage(browser, 360);
      try {
        await signInByApi(leader.page, server, await demoAccount(server, 'team_leader'));
        await leader.page.goto(`${server.url}/support/review`);
        await leader.page.getByText(`${run} lượt 1`).waitFor();
        for (let i = 1; i <= 3; i++) expect(await leader.page.getByText(`${run} lượt ${i}`).count()).toBe(1);
      } finally {
        await leader.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it('has no WCAG 2.1 AA violations on the capture, directory, team and list pages at 360 px', async () => {
    const officerAccount = await demoAccount(server, 'commune_officer');
    const teams = (await (
      await fetch(`${server.url}/api/v1/teams?unit=${officerAccount.unitCode}&limit=1`)
    ).json()) as {
      items: { id: string; name: string }[];
    };
    const team = teams.items[0];
    expect(team).toBeDefined();

    const visitor = await openPage(browser, 360);
    const member = await openPage(browser, 360);
    const leader = await openPage(browser, 360);
    const officer = await openPage(browser, 360);
    try {
      const found = await audit(visitor.context, server, [
        { path: '/teams', ready: 'Kết quả' },
        { path: '/teams?q=tan%20an', ready: 'Kết quả cho' },
        { path: `/teams/${team!.id}`, ready: 'Cách nhờ tổ hỗ trợ' },
      ]);
      await signInByApi(member.page, server, await demoAccount(server, 'team_member'));
      found.push(
        ...(await audit(member.context, server, [
          { path: '/capture', ready: 'Lưu lượt hỗ trợ' },
          { path: '/capture#outbox', ready: 'Đã gửi từ máy này' },
          { path: '/support/mine', ready: 'Lượt hỗ trợ của tôi' },
        ])),
      );
      await signInByApi(leader.page, server, await demoAccount(server, 'team_leader'));
      found.push(
        ...(await audit(leader.context, server, [{ path: '/support/review', ready: 'Tình trạng duyệt' }])),
      );
      await signInByApi(officer.page, server, officerAccount);
      found.push(
        ...(await audit(officer.context, server, [
          { path: '/support/records', ready: 'Tải CSV' },
          { path: '/teams/manage', ready: 'Các tổ của' },
          { path: `/teams/${team!.id}`, ready: 'Kết quả hoạt động' },
          { path: `/teams/${team!.id}/members`, ready: 'Thêm thành viên' },
          { path: `/teams/${team!.id}/edit`, ready: 'Sửa thông tin tổ' },
        ])),
      );
      expect(found).toEqual([]);
    } finally {
      for (const opened of [visitor, member, leader, officer]) await opened.context.close();
    }
  });
});
