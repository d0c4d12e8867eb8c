import { afterAll, beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  describeInBrowser,
  ensureWebBuild,
  fetchDemoAccounts,
  launchBrowser,
  signInWithForm,
  startServer,
  type DemoAccount,
  type RunningServer,
} from './harness';
import { violationsOf } from './axe';

/**
 * Issue 10's journey on a phone (360×740), through the real server and real Chromium: a resident without an account
 * reports a leaning power pole with a photo and gets the PAKN code; the commune's receiving officer accepts it and
 * hands it to the agency the routing rules name (the power company); that agency's handler answers publicly; the
 * resident, on the same phone, sees the answer and rates it — the token that authorises the rating is the one the
 * report form kept on the device (the tracking page is opened without it, as from the e-mail's plain link).
 * Each step of the report form and the tracking page with the answer and the rating form are checked with axe
 * (WCAG 2.1 A/AA) at 360 and 1280 px on the way; the staff pages are in accessibility.test.ts.
 */
const PHONE = { width: 360, height: 740 };
const DESCRIPTION = 'Trụ điện nghiêng sát mái nhà sau cơn mưa, dây điện võng thấp ngang đường.';
const ANSWER = 'Điện lực đã dựng lại trụ điện và căng lại dây trong sáng nay. Cảm ơn bạn đã báo.';
const RATING_COMMENT = 'Xử lý nhanh, cảm ơn các anh.';
const CITIZEN_EMAIL = 'nguoidan.tanan@example.com';

/** WCAG 1.4.10 (reflow): at a phone's width nothing may push the page into scrolling sideways. */
async function sidewaysScroll(page: Page, name: string): Promise<string[]> {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  return scrollWidth > width
    ? [`${name}: the page scrolls sideways (${scrollWidth} px wide at ${width} px)`]
    : [];
}

/** axe at a desktop width and at the phone width, ending on the phone: the journey goes on where it was. */
async function auditBothWidths(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const width of [1280, PHONE.width]) {
    await page.setViewportSize({ width, height: PHONE.height });
    for (const v of await violationsOf(page)) found.push(`${name} at ${width} px: ${v}`);
  }
  return [...found, ...(await sidewaysScroll(page, name))];
}

/** A real JPEG, as a phone camera would hand it over (the browser shrinks it before sending). */
function photo(): Promise<Buffer> {
  return sharp({
    create: { width: 1600, height: 1200, channels: 3, background: { r: 190, g: 120, b: 60 } },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
}

describeInBrowser('citizens’ reports: report, handle, answer, rate (issue 10)', () => {
  let server: RunningServer;
  let browser: Browser;
  /** The resident's phone: one context for the whole journey, so its IndexedDB keeps the reporter's token. */
  let citizen: BrowserContext;
  let citizenPage: Page;
  let code = '';
  const a11y: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    citizen = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
    citizenPage = await citizen.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function staffPage(account: DemoAccount): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    await signInWithForm(page, server, account);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    return { context, page };
  }

  async function staffAccount(email: string): Promise<DemoAccount> {
    const account = (await fetchDemoAccounts(server)).find((a) => a.email === email);
    if (!account) throw new Error(`no demo account ${email}`);
    return account;
  }

  it('a resident without an account reports a problem with a photo and gets the tracking code', async () => {
    const page = citizenPage;
    await page.goto(`${server.url}/report`);
    await page.getByRole('heading', { level: 1, name: 'Phản ánh hiện trường' }).waitFor();

    // 1/4 — what kind of problem.
    await page.getByRole('heading', { level: 2, name: 'Bước 1/4: Việc gì' }).waitFor();
    const power = page.getByRole('radio', { name: /^Điện: mất điện, dây điện nguy hiểm/ });
    await power.waitFor();
    a11y.push(...(await auditBothWidths(page, 'report step 1 (category)')));
    await power.check();
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();

    // 2/4 — the description and one photo.
    await page.getByRole('heading', { level: 2, name: 'Bước 2/4: Mô tả' }).waitFor();
    await page.getByLabel('Mô tả việc bạn thấy').fill(DESCRIPTION);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'tru-dien.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await page.getByRole('img', { name: 'Ảnh 1 bạn đã chọn' }).waitFor();
    a11y.push(...(await auditBothWidths(page, 'report step 2 (description, photo)')));
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();

    // 3/4 — no GPS here: the ward, found by a search without accents, and the address in words.
    await page.getByRole('heading', { level: 2, name: 'Bước 3/4: Ở đâu' }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Tìm trong Tỉnh Tây Ninh' });
    await search.fill('tan an');
    await search.press('Enter');
    await page.getByRole('button', { name: 'Chọn Phường Tân An', exact: true }).click();
    await page.locator('.unit-picker__chosen strong', { hasText: 'Phường Tân An' }).waitFor();
    await page
      .getByLabel('Địa chỉ, số nhà, mốc gần đó (không bắt buộc)')
      .fill('Trước số 12 đường Hùng Vương');
    a11y.push(...(await auditBothWidths(page, 'report step 3 (place)')));
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();

    // 4/4 — an e-mail for news, which needs the consent.
    await page.getByRole('heading', { level: 2, name: 'Bước 4/4: Liên lạc' }).waitFor();
    await page.getByLabel('E-mail (không bắt buộc)').fill(CITIZEN_EMAIL);
    await page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
    // Without the consent the form says what is missing and sends nothing.
    await page
      .getByText('Hãy đồng ý để chúng tôi dùng thông tin liên lạc, hoặc xoá số điện thoại và e-mail.')
      .first()
      .waitFor();
    expect(await page.getByTestId('case-code').count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Tôi đồng ý với nội dung trên' }).check();
    a11y.push(...(await auditBothWidths(page, 'report step 4 (contact, consent)')));
    const [created] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/api/v1/cases') && res.request().method() === 'POST'),
      page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);

    await page.getByRole('heading', { level: 2, name: 'Đã gửi phản ánh' }).waitFor();
    code = ((await page.getByTestId('case-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    // The private link is shown once, and "my reports" on this phone lists the case.
    await page
      .getByRole('link', { name: new RegExp(`/reports/${code.replace(/\./g, '\\.')}\\?token=`) })
      .waitFor();
    a11y.push(...(await auditBothWidths(page, 'report sent')));

    await page.getByRole('link', { name: 'Xem tiến trình xử lý' }).click();
    await page.waitForURL((url) => url.pathname === `/reports/${code}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText(code, { exact: true }).first().waitFor();
    await page.locator('.case-facts').getByText('Đã gửi, chờ tiếp nhận', { exact: true }).waitFor();
    await page.getByText('Phường Tân An', { exact: false }).first().waitFor();
    a11y.push(...(await auditBothWidths(page, 'tracking page, waiting')));
    expect(a11y.splice(0)).toEqual([]);
  });

  it('the commune officer accepts it and hands it to the routed agency, whose handler answers it', async () => {
    expect(code, 'the report step made a case').not.toBe('');

    // The ward's receiving officer: the inbox from the phone's quick navigation, the case, "accept" with the
    // routed agency (Điện lực, by the routing rules for "power") already chosen.
    const officer = await staffPage(await staffAccount('phuongtanan@demo.congdongso.vn'));
    try {
      const page = officer.page;
      await page
        .getByRole('navigation', { name: 'Điều hướng nhanh' })
        .getByRole('link', { name: 'Phản ánh, kiến nghị' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
      const row = page.getByRole('link', { name: DESCRIPTION.slice(0, 40), exact: false });
      await row.first().waitFor();
      a11y.push(...(await sidewaysScroll(page, 'inbox of the receiving officer')));
      await row.first().click();
      await page.getByRole('heading', { level: 1, name: new RegExp(DESCRIPTION.slice(0, 20)) }).waitFor();
      await page.getByText(code, { exact: true }).first().waitFor();
      await page
        .getByRole('img', { name: `Ảnh 1 của phản ánh ${code}` })
        .first()
        .waitFor();
      a11y.push(...(await sidewaysScroll(page, 'case page of the receiving officer')));

      await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Tiếp nhận phản ánh' });
      await dialog.waitFor();
      expect(await dialog.getByRole('checkbox', { name: 'Chuyển ngay cho cơ quan xử lý' }).isChecked()).toBe(
        true,
      );
      const agency = dialog.getByRole('combobox', { name: 'Cơ quan xử lý' });
      // The routed agency is the default choice once the agencies are loaded.
      await expect
        .poll(() => agency.locator('option:checked').textContent())
        .toBe('Công ty Điện lực Tây Ninh (theo quy tắc phân công)');
      await dialog.getByRole('radio', { name: 'Thông thường' }).check();
      await dialog.getByLabel('Lời nhắn công khai (không bắt buộc)').fill('Đã chuyển Điện lực kiểm tra.');
      const [accepted] = await Promise.all([
        page.waitForResponse((res) => res.url().endsWith('/actions') && res.request().method() === 'POST'),
        dialog.getByRole('button', { name: 'Tiếp nhận', exact: true }).click(),
      ]);
      expect(accepted.status(), await accepted.text()).toBe(200);
      await page.getByText('Đã lưu: Tiếp nhận.').waitFor();
      await page.getByText('Đã chuyển cơ quan xử lý', { exact: true }).first().waitFor();
    } finally {
      await officer.context.close();
    }

    // The power company's handler: the case is in "my agency", answered with a public answer.
    const handler = await staffPage(await staffAccount('dienluc@demo.congdongso.vn'));
    try {
      const page = handler.page;
      await page.goto(`${server.url}/cases`);
      await page.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' }).waitFor();
      await page.getByRole('link', { name: 'Cơ quan tôi' }).waitFor();
      await page
        .getByRole('link', { name: DESCRIPTION.slice(0, 40), exact: false })
        .first()
        .click();
      await page.getByText(code, { exact: true }).first().waitFor();
      a11y.push(...(await sidewaysScroll(page, 'case page of the agency handler')));
      await page.getByRole('button', { name: 'Trả lời', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Trả lời người dân' });
      await dialog.getByLabel('Nội dung trả lời (công khai)').fill(ANSWER);
      for (const v of await violationsOf(page)) a11y.push(`answer dialog at 360 px: ${v}`);
      const [answered] = await Promise.all([
        page.waitForResponse((res) => res.url().endsWith('/actions') && res.request().method() === 'POST'),
        dialog.getByRole('button', { name: 'Trả lời', exact: true }).click(),
      ]);
      expect(answered.status(), await answered.text()).toBe(200);
      await page.getByText('Đã lưu: Trả lời.').waitFor();
      await page.getByText('Đã trả lời', { exact: true }).first().waitFor();
    } finally {
      await handler.context.close();
    }
    expect(a11y.splice(0)).toEqual([]);
  });

  it('the resident sees the answer on the tracking page and rates it', async () => {
    expect(code, 'the report step made a case').not.toBe('');
    const page = citizenPage;
    // The plain public address (as in the e-mail): the rating is authorised by the token this phone kept.
    await page.goto(`${server.url}/reports/${code}`);
    const answer = page.getByRole('region', { name: 'Kết quả xử lý' });
    await answer.getByText(ANSWER).waitFor();
    await page.getByRole('img', { name: 'Ảnh 1 của phản ánh' }).waitFor();
    const rate = page.getByRole('region', { name: 'Đánh giá kết quả' });
    await rate.waitFor();
    a11y.push(...(await auditBothWidths(page, 'tracking page with the answer and the rating form')));

    await rate.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rate.getByText('Hãy chọn một mức.').waitFor();
    await rate.getByRole('radio', { name: '4 — Hài lòng' }).check();
    await rate.getByLabel('Ý kiến thêm (không bắt buộc)').fill(RATING_COMMENT);
    const [rated] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/rate') && res.request().method() === 'POST'),
      rate.getByRole('button', { name: 'Gửi đánh giá' }).click(),
    ]);
    expect(rated.status(), await rated.text()).toBeLessThan(300);
    await page.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    await answer.getByText('Người phản ánh đã đánh giá 4/5.').waitFor();
    // The comment joins the public timeline.
    await page.getByText(RATING_COMMENT).waitFor();

    // Another device, without the token, sees the answer and the rating but cannot rate.
    const stranger = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
    try {
      const other = await stranger.newPage();
      await other.goto(`${server.url}/reports/${code}`);
      await other.getByText('Người phản ánh đã đánh giá 4/5.').waitFor();
      expect(await other.getByRole('region', { name: 'Đánh giá kết quả' }).count()).toBe(0);
    } finally {
      await stranger.close();
    }

    expect(a11y.splice(0)).toEqual([]);
  });
});
