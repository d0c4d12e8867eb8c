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
  type RunningServer,
} from './harness';

/**
 * A data-subject request end to end (issue 9), through the real server and Chromium: a person files an access
 * request on a phone from the privacy page, confirms it with the code that reached their e-mail (read from the demo
 * outbox), gets a tracking code; the province administrator downloads the person's data as a PDF and completes the
 * request; the person's status page then says so.
 */
describeInBrowser('a personal-data request', () => {
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

  it('is filed, confirmed with the e-mailed code, answered with the data as PDF, and followed by its code', async () => {
    // The person: the demo team member, asking what the platform holds about their e-mail address.
    const member = await demoAccount(server, 'team_member');
    const admin = await demoAccount(server, 'province_admin');
    const citizen = await openPage(browser, 360);
    const handler = await openPage(browser, 1280);
    try {
      const page = citizen.page;
      await page.goto(`${server.url}/privacy`);
      await page.getByRole('link', { name: 'Gửi yêu cầu về dữ liệu cá nhân' }).click();
      await page.getByRole('heading', { level: 1, name: 'Yêu cầu về dữ liệu cá nhân của bạn' }).waitFor();
      await page.getByRole('radio', { name: 'Xem dữ liệu về tôi' }).check();
      await page.getByLabel('Số điện thoại hoặc e-mail của bạn').fill(member.email);
      await page.getByLabel('Nội dung yêu cầu').fill('Tôi muốn biết hệ thống lưu gì về tôi.');
      await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      await page.getByText(/Chúng tôi đã gửi mã 6 số đến/).waitFor();

      // The code as the person reads it in their mailbox: the demo outbox, read by the province administrator.
      await signInByApi(handler.page, server, admin);
      const outbox = await handler.page.request.get(`${server.url}/api/v1/outbox?limit=20`);
      expect(outbox.status()).toBe(200);
      const mails = ((await outbox.json()) as { items: { to: string; text: string }[] }).items;
      const mail = mails.find((m) => m.to === member.email && /mã xác nhận/i.test(m.text));
      const code = /(\d{6})/.exec(mail?.text ?? '')?.[1];
      expect(code).toMatch(/^\d{6}$/);

      await page.getByLabel('Mã xác nhận (6 số)').fill(code!);
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      const doneText = (await page.getByText(/Mã theo dõi của bạn là/).textContent()) ?? '';
      const tracking = /(YC-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(doneText)?.[1];
      expect(tracking).toBeTruthy();
      await page.getByText(/Hạn trả lời: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();

      // The handler finds it in the queue, downloads the person's data, and completes it.
      const h = handler.page;
      await h.goto(`${server.url}/admin/privacy/requests`);
      await h.getByRole('heading', { level: 1, name: 'Yêu cầu về dữ liệu cá nhân' }).waitFor();
      const row = h.getByRole('row', { name: new RegExp(tracking!) });
      await row.waitFor();
      const [download] = await Promise.all([
        h.waitForEvent('download'),
        row.getByRole('link', { name: 'Tải dữ liệu (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`du-lieu-ca-nhan-${tracking!}.pdf`);
      const pdfPath = await download.path();
      const { readFileSync } = await import('node:fs');
      const pdf = readFileSync(pdfPath);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);

      await row.getByRole('button', { name: 'Hoàn thành' }).click();
      const dialog = h.getByRole('dialog', { name: `Trả lời yêu cầu ${tracking!}` });
      await dialog.getByLabel(/Nội dung trả lời/).fill('Đã gửi bản dữ liệu của bạn qua e-mail.');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await h.getByRole('row', { name: new RegExp(`${tracking!}.*Đã hoàn thành`) }).waitFor();

      // The person follows it by its code.
      await page.goto(`${server.url}/privacy/requests/status?code=${tracking!}`);
      await page.getByRole('heading', { name: `${tracking!}: Đã hoàn thành` }).waitFor();
      await page.getByText('Đã gửi bản dữ liệu của bạn qua e-mail.').waitFor();
    } finally {
      await citizen.context.close();
      await handler.context.close();
    }
  });
});
