import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  demoAccount,
  describeInBrowser,
  ensureWebBuild,
  launchBrowser,
  openPage,
  signInByApi,
  startServer,
  type DemoAccount,
  type RunningServer,
} from './harness';
import { auditPages } from './axe';

/**
 * Help requests (issue 11) in real Chromium at 360×740: a citizen asks for help at /help (with consent) and gets a
 * code; the demo team leader of that hamlet's team sees the request and assigns the demo member; the member
 * schedules a visit and records the support record from the request (the capture page, prefilled), and the public
 * status page then shows the help as given. Then axe-core on the new pages at 360 and 1280 px.
 */
const PHONE = '0912 777 654';

/** `<input type="datetime-local">` value for tomorrow at 09:00, device time. */
function tomorrowAtNine(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

describeInBrowser('help requests (issue 11)', () => {
  let server: RunningServer;
  let browser: Browser;
  let leader: DemoAccount;
  let member: DemoAccount;
  let team: { id: string; name: string; communeName: string; hamletName: string };
  let code = '';
  let requestPath = '';

  beforeAll(async () => {
    ensureWebBuild();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [leader, member] = await Promise.all([
      demoAccount(server, 'team_leader'),
      demoAccount(server, 'team_member'),
    ]);
    // The demo leader's and member's team serves their hamlet (the grant's unit): the citizen asks there.
    const teams = (await (await fetch(`${server.url}/api/v1/teams?unit=${leader.unitCode}`)).json()) as {
      items: { id: string; name: string; communeName: string; hamletName: string; hamletId: string }[];
    };
    team = teams.items.find((x) => x.hamletId === leader.unitCode)!;
    expect(team).toBeDefined();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a citizen asks for help with consent and gets a code; the request reaches the hamlet’s team', async () => {
    const { context, page } = await openPage(browser, 360, 740);
    try {
      await page.goto(`${server.url}/help`);
      await page.getByRole('heading', { level: 1, name: 'Nhờ tổ công nghệ số hỗ trợ' }).waitFor();
      const need = page.getByRole('combobox', { name: /Bạn cần hỗ trợ việc gì/ });
      await need.locator('option[value="vneid_level2"]').waitFor({ state: 'attached' });
      await need.selectOption('vneid_level2');
      const search = page.getByRole('searchbox', { name: 'Tìm trong Tỉnh Tây Ninh' });
      await search.fill(team.communeName.replace(/^(Phường|Xã) /, ''));
      await page
        .getByRole('button', { name: new RegExp(`^${team.communeName}`) })
        .first()
        .click();
      await page.getByRole('button', { name: `Chọn ${team.hamletName}`, exact: true }).click();
      await page.getByRole('textbox', { name: /Số điện thoại/ }).fill(PHONE);
      await page.getByRole('textbox', { name: /Tên người liên hệ/ }).fill('Cô Tư');
      await page.getByRole('textbox', { name: /Thời gian thuận tiện/ }).fill('Sáng thứ Bảy');

      // No consent, no request: the button says why, and nothing is sent.
      await page.getByRole('button', { name: 'Gửi yêu cầu', exact: true }).click();
      await page.getByText('Hãy đánh dấu đồng ý để gửi yêu cầu.').first().waitFor();
      await page.getByRole('checkbox', { name: 'Tôi đồng ý với nội dung trên' }).check();
      const [created] = await Promise.all([
        page.waitForResponse(
          (r) => r.url().endsWith('/api/v1/help-requests') && r.request().method() === 'POST',
        ),
        page.getByRole('button', { name: 'Gửi yêu cầu', exact: true }).click(),
      ]);
      expect(created.status()).toBe(201);
      await page.getByRole('heading', { level: 2, name: 'Đã gửi yêu cầu hỗ trợ' }).waitFor();
      code = ((await page.getByTestId('help-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^YCHT\.\d{8}\.\d{4,6}$/);
      await page.getByText(`Yêu cầu đã đến ${team.name}.`).waitFor();
      // The public status page: the state in words, never the phone.
      await page.getByRole('link', { name: 'Xem tiến độ' }).click();
      await page.getByRole('heading', { level: 1, name: `Yêu cầu hỗ trợ ${code}` }).waitFor();
      expect(await page.getByTestId('help-status').textContent()).toBe('Đã nhận, đang chờ tổ liên hệ');
      expect(await page.content()).not.toContain('777 654');
    } finally {
      await context.close();
    }
  });

  it('the team leader sees it, phone masked, and assigns the demo member', async () => {
    expect(code).not.toBe('');
    const { context, page } = await openPage(browser, 360, 740);
    try {
      await signInByApi(page, server, leader);
      await page.goto(`${server.url}/help-requests`);
      await page.getByRole('heading', { level: 1, name: 'Yêu cầu hỗ trợ' }).waitFor();
      await page.getByRole('link', { name: `Mở yêu cầu ${code}` }).click();
      await page.getByRole('heading', { level: 1, name: code }).waitFor();
      requestPath = new URL(page.url()).pathname;
      expect(await page.content()).not.toContain('0912777654');
      await page.getByText('09•• ••• 654').first().waitFor();
      await page.getByRole('button', { name: 'Giao cho thành viên' }).click();
      const picker = page.getByRole('combobox', { name: 'Thành viên' });
      await picker.locator('option', { hasText: member.name }).waitFor({ state: 'attached' });
      await picker.selectOption({ label: member.name });
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByText('Đã lưu.').waitFor();
      await page.getByText('Đã giao').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('the member schedules a visit and records the support from the request; the request shows done', async () => {
    expect(requestPath).not.toBe('');
    const { context, page } = await openPage(browser, 360, 740);
    try {
      await signInByApi(page, server, member);
      await page.goto(`${server.url}${requestPath}`);
      await page.getByRole('heading', { level: 1, name: code }).waitFor();
      await page.getByRole('button', { name: 'Hẹn lịch', exact: true }).click();
      await page.getByLabel('Ngày giờ hẹn').fill(tomorrowAtNine());
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByText('Đã lưu.').waitFor();
      await page.getByText('Đã hẹn').first().waitFor();

      // "Ghi lượt hỗ trợ" opens the capture page with the request, its team, hamlet and service chosen.
      await page.getByRole('link', { name: 'Ghi lượt hỗ trợ', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/capture' && url.hash.startsWith('#help='));
      await page.getByText(/Bạn đang ghi lượt hỗ trợ cho một yêu cầu hỗ trợ/).waitFor();
      const services = page.getByRole('group', { name: 'Đã hỗ trợ những gì?' });
      expect(await services.getByRole('checkbox', { checked: true }).count()).toBe(1);
      await page.getByRole('radio', { name: 'Từ 60 trở lên' }).check();
      await page.getByRole('radio', { name: 'Nữ' }).check();
      await page.getByRole('button', { name: 'Lưu lượt hỗ trợ' }).click();
      await page.getByText('Đã lưu lượt hỗ trợ. Bạn có thể ghi lượt tiếp theo.').waitFor();
      // The next record on this page is an ordinary one: the address no longer names the request.
      expect(new URL(page.url()).hash).toBe('');
      expect(await page.getByText(/Bạn đang ghi lượt hỗ trợ cho một yêu cầu hỗ trợ/).count()).toBe(0);

      // The record syncs; its event completes the request (the job runner dispatches events every few seconds).
      await expect
        .poll(
          async () => {
            const res = await fetch(`${server.url}/api/v1/help-requests/track/${code}`);
            return ((await res.json()) as { state: string }).state;
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe('done');
      await page.goto(`${server.url}/help/${code}`);
      await page.getByRole('heading', { level: 1, name: `Yêu cầu hỗ trợ ${code}` }).waitFor();
      expect(await page.getByTestId('help-status').textContent()).toBe('Đã hỗ trợ xong');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('axe finds no WCAG 2.1 AA violation on the new pages at 360 and 1280 px', async () => {
    expect(requestPath).not.toBe('');
    const admin = await demoAccount(server, 'province_admin');
    const checks: { path: string; as: DemoAccount | null }[] = [
      { path: '/help', as: null },
      { path: `/help/${code}`, as: null },
      { path: '/help-requests', as: leader },
      { path: '/help-requests/new', as: leader },
      { path: requestPath, as: leader },
      { path: '/admin/help-requests', as: admin },
    ];
    const problems = await auditPages(browser, server, checks);
    expect(problems).toEqual([]);
  }, 180_000);
});
