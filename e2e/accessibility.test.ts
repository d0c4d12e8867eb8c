import { afterAll, beforeAll, expect, it } from 'vitest';
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
import { FALLBACK_TITLES, settle, violationsOf } from './axe';

/**
 * axe-core on every page built so far, at a phone width and a desktop width, with the WCAG 2.1 A/AA rules only:
 * zero violations allowed. Pages with interesting states (an open unit tree, an open diff) are checked in them.
 */
const WIDTHS = [360, 1280] as const;

interface PageCheck {
  name: string;
  path: string;
  /** Something to do before the audit (open a disclosure, expand the tree). */
  prepare?: (page: Page) => Promise<void>;
}

/** The page really is the one meant (not a fallback, not a failed load), else the audit proves nothing. */
async function loadedAsMeant(page: Page, check: PageCheck): Promise<string | null> {
  const title = ((await page.locator('h1').first().textContent()) ?? '').trim();
  const expectFallback = check.name === '404';
  if (expectFallback !== FALLBACK_TITLES.includes(title))
    return `${check.name} (${check.path}): unexpected page "${title}"`;
  if ((await page.locator('.alert--error').count()) > 0)
    return `${check.name} (${check.path}): shows an error`;
  return null;
}

describeInBrowser('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let server: RunningServer;
  let browser: Browser;
  const publicPages: PageCheck[] = [];
  const adminPages: PageCheck[] = [];
  const publicCasePages: PageCheck[] = [];
  const staffCasePages: PageCheck[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);

    // Real ids for the detail pages and a live invitation token, made through the API as the province admin.
    const admin = await demoAccount(server, 'province_admin');
    const { context, page } = await openPage(browser, 1280);
    await signInByApi(page, server, admin);
    const me = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { csrfToken: string };
    const users = (await (await page.request.get(`${server.url}/api/v1/users?limit=5`)).json()) as {
      items: { id: string }[];
    };
    const officer = await demoAccount(server, 'commune_officer');
    const hamlets = (await (
      await page.request.get(`${server.url}/api/v1/units?level=hamlet&parent=${officer.unitCode}`)
    ).json()) as { items: { id: string }[] };
    const invitation = await page.request.post(`${server.url}/api/v1/invitations`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { name: 'Người Được Mời', phone: '0912345678', role: 'team_member', unitCode: officer.unitCode },
    });
    expect(invitation.status(), await invitation.text()).toBe(201);
    const { link } = (await invitation.json()) as { link: string };
    // A breach of the admin's province, so its detail page (with the notification form) is checked too.
    const breach = await page.request.post(`${server.url}/api/v1/privacy/breaches`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        provinceCode: admin.unitCode,
        discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
        title: 'Lộ danh sách thành viên tổ',
        description: 'Bảng tính danh sách thành viên bị chia sẻ công khai.',
        dataCategories: ['name', 'phone'],
        subjects: 'Thành viên tổ công nghệ số cộng đồng',
        contact: 'Văn phòng Ủy ban nhân dân tỉnh',
      },
    });
    expect(breach.status(), await breach.text()).toBe(201);
    const { id: breachId } = (await breach.json()) as { id: string };
    // A resident's report with no account (no cookie, as from a phone), so the case pages have a real case to show.
    const report = await fetch(`${server.url}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        kind: 'report',
        categoryCode: 'roads',
        description: 'Ổ gà lớn giữa đường, xe máy dễ ngã khi trời tối.',
        communeCode: officer.unitCode,
        addressText: 'Đầu hẻm 5',
      }),
    });
    expect(report.status, await report.clone().text()).toBe(201);
    const { id: caseId, code: caseCode } = (await report.json()) as { id: string; code: string };
    await context.close();

    publicPages.push(
      { name: 'home', path: '/' },
      { name: 'sign-in', path: '/sign-in' },
      { name: 'forgot password', path: '/forgot-password' },
      { name: 'reset password', path: '/reset-password?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
      { name: 'invitation', path: new URL(link).pathname },
      { name: 'privacy notice', path: '/privacy' },
      { name: 'personal-data request', path: '/privacy/requests' },
      { name: 'request status', path: '/privacy/requests/status' },
      { name: '404', path: '/khong-co-trang-nay' },
    );
    publicCasePages.push(
      // Citizens' reports (issue 10): the form's first step, the list, the map, a case's page. The
      // later steps and the tracking page with an answer and the rating form are audited in cases.test.ts.
      { name: 'report form', path: '/report' },
      { name: 'public list of reports', path: '/reports' },
      {
        name: 'public map of reports',
        path: '/reports?view=map',
        prepare: async (page) => {
          await page.locator('.leaflet-container').first().waitFor();
          await page.waitForLoadState('networkidle');
        },
      },
      { name: 'a report’s tracking page', path: `/reports/${caseCode}` },
    );
    adminPages.push(
      // The province administrator's home (the other roles' homes are audited in role-homes.test.ts).
      { name: 'role home: the province by commune', path: '/home' },
      { name: 'profile', path: '/profile' },
      { name: 'notifications', path: '/notifications' },
      { name: 'admin home', path: '/admin' },
      { name: 'working calendar', path: '/admin/calendar' },
      { name: 'personal-data requests queue', path: '/admin/privacy/requests' },
      { name: 'personal-data breaches', path: '/admin/privacy/breaches' },
      { name: 'record a breach', path: '/admin/privacy/breaches/new' },
      { name: 'breach detail with the notification form', path: `/admin/privacy/breaches/${breachId}` },
      { name: 'complete a breach', path: `/admin/privacy/breaches/${breachId}/edit` },
      { name: 'personal-data access log', path: '/admin/privacy/access-log' },
      { name: 'users', path: '/admin/users' },
      { name: 'user detail', path: `/admin/users/${users.items[0]?.id ?? 'missing'}` },
      { name: 'invite', path: '/admin/users/invite' },
      {
        name: 'hamlets with the tree open',
        path: `/admin/hamlets?commune=${officer.unitCode}`,
        prepare: async (page) => {
          await page.getByRole('button', { name: 'Chọn đơn vị khác' }).click();
          await page.getByText(/^Các xã, phường thuộc /).waitFor();
        },
      },
      { name: 'hamlet detail', path: `/admin/hamlets/${hamlets.items[0]?.id ?? 'missing'}` },
      { name: 'hamlet import', path: '/admin/hamlets/import' },
      { name: 'API keys', path: '/admin/api-keys' },
      { name: 'service catalogue', path: '/admin/services' },
      {
        name: 'audit log with a diff open',
        path: '/admin/audit',
        prepare: async (page) => {
          await page.getByText('Xem thay đổi').first().click();
          await page.locator('.diff-table, .audit-entry details[open] p').first().waitFor();
        },
      },
      { name: 'mail outbox', path: '/admin/outbox' },
    );
    staffCasePages.push(
      // The handlers' screens and the case settings (issue 10), as the province administrator (every action).
      { name: 'case inbox', path: '/cases' },
      {
        name: 'case inbox with the filters open',
        path: '/cases?box=all',
        prepare: async (page) => {
          await page.locator('.case-filters > summary').click();
          await page.getByRole('search').waitFor();
        },
      },
      { name: 'case page', path: `/cases/${caseId}` },
      {
        name: 'case page with the accept dialog',
        path: `/cases/${caseId}`,
        prepare: async (page) => {
          await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
          await page.getByRole('dialog').waitFor();
          await page.waitForLoadState('networkidle');
        },
      },
      { name: 'staff filing of a case', path: '/cases/new' },
      { name: 'case statistics', path: '/cases/stats' },
      { name: 'teams’ proposals', path: '/proposals' },
      { name: 'agencies', path: '/admin/agencies' },
      { name: 'case routing rules', path: '/admin/case-routing' },
      { name: 'reply templates', path: '/admin/case-templates' },
      { name: 'case settings', path: '/admin/case-settings' },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function audit(context: BrowserContext, checks: PageCheck[]): Promise<string[]> {
    const found: string[] = [];
    const page = await context.newPage();
    for (const check of checks) {
      await page.goto(`${server.url}${check.path}`);
      await settle(page);
      const wrongPage = await loadedAsMeant(page, check);
      if (wrongPage) found.push(wrongPage);
      if (check.prepare) await check.prepare(page);
      for (const violation of await violationsOf(page))
        found.push(`${check.name} (${check.path}): ${violation}`);
    }
    return found;
  }

  it('finds violations when there are some (the check itself works)', async () => {
    const { context, page } = await openPage(browser, 360);
    try {
      await page.setContent('<html><body><main><input type="text"><img src="x.png"></main></body></html>');
      const found = await violationsOf(page);
      expect(found.map((v) => v.split(' ')[0])).toEqual(
        expect.arrayContaining(['html-has-lang', 'image-alt', 'label']),
      );
    } finally {
      await context.close();
    }
  });

  for (const width of WIDTHS) {
    it(`the standalone capture page and its outbox have no WCAG 2.1 AA violations at ${width} px`, async () => {
      const { context, page } = await openPage(browser, width);
      try {
        await signInByApi(page, server, await demoAccount(server, 'team_member'));
        await page.close();
        const capturePages: PageCheck[] = [
          { name: 'capture', path: '/capture' },
          { name: 'capture outbox', path: '/capture#outbox' },
          {
            // The personal-data warning and its confirmation box only appear once the note holds a phone number.
            name: 'capture with the personal-data warning',
            path: '/capture',
            prepare: async (page) => {
              await page.locator('.capture-details > summary').click();
              await page.locator('#capture-note').fill('Gọi lại cho bác: 0912 345 678');
              await page.locator('#capture-note-warning').waitFor();
            },
          },
        ];
        expect(await audit(context, capturePages)).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`public pages have no WCAG 2.1 AA violations at ${width} px`, async () => {
      const { context } = await openPage(browser, width);
      try {
        expect(await audit(context, publicPages)).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`signed-in and admin pages have no WCAG 2.1 AA violations at ${width} px`, async () => {
      const { context, page } = await openPage(browser, width);
      try {
        await signInByApi(page, server, await demoAccount(server, 'province_admin'));
        await page.close();
        expect(await audit(context, adminPages)).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`citizens' report pages have no WCAG 2.1 AA violations at ${width} px`, async () => {
      const { context } = await openPage(browser, width);
      try {
        expect(await audit(context, publicCasePages)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 180_000);

    it(`case handling and case settings pages have no WCAG 2.1 AA violations at ${width} px`, async () => {
      const { context, page } = await openPage(browser, width);
      try {
        await signInByApi(page, server, await demoAccount(server, 'province_admin'));
        await page.close();
        expect(await audit(context, staffCasePages)).toEqual([]);
      } finally {
        await context.close();
      }
      // Eleven pages, each loaded and audited: on a busy two-core machine that can take more than the default.
    }, 180_000);
  }
});
