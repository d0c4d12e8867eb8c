import { afterAll, beforeAll, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import {
  demoAccount,
  describeInBrowser,
  ensureWebBuild,
  launchBrowser,
  openPage,
  signInWithForm,
  startServer,
  type RunningServer,
} from './harness';

/**
 * Each role's journey, at a phone width and a desktop width: sign in with the form, land on the role's home, reach
 * the role's main task in at most two taps (every click is counted), and axe (WCAG 2.1 AA) on the home — and, on a
 * phone, with the "More" sheet open. On a desktop there is no sheet: the side navigation holds every destination
 * and is part of each audit of the home.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [360, 1280] as const;
const HOME_TITLE = 'Việc của tôi';

async function violationsOf(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Clicks, counted: a journey states how many taps its task took. */
function tapCounter() {
  let taps = 0;
  return {
    tap: async (locator: ReturnType<Page['locator']>) => {
      taps += 1;
      await locator.click();
    },
    get taps() {
      return taps;
    },
  };
}

interface RoleJourney {
  role: string;
  /** What the home shows first for this role. */
  section: RegExp;
  /** From the landed home, reach the main task; returns nothing, asserts where it arrived. */
  task: (page: Page, tap: (l: ReturnType<Page['locator']>) => Promise<void>) => Promise<void>;
}

const JOURNEYS: RoleJourney[] = [
  {
    role: 'team_member',
    section: /^Ghi nhận hỗ trợ$/,
    task: async (page, tap) => {
      // The capture page is its own document: the link loads it.
      await tap(page.getByRole('link', { name: 'Ghi nhận lượt hỗ trợ mới' }));
      await page.waitForURL((url) => url.pathname === '/capture');
      await page.getByRole('heading', { level: 1, name: /Ghi nhận/ }).waitFor();
    },
  },
  {
    role: 'team_leader',
    section: /^Tổ tôi phụ trách$/,
    task: async (page, tap) => {
      await tap(page.getByRole('link', { name: /^Thành viên tổ \(\d+\)$/ }));
      await page.waitForURL((url) => /^\/teams\/[^/]+\/members$/.test(url.pathname));
      await page.getByRole('heading', { level: 1, name: /^Thành viên của / }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: HOME_TITLE }).waitFor();
      await tap(page.getByRole('link', { name: 'Mở danh sách duyệt' }));
      await page.waitForURL((url) => url.pathname === '/support/review');
      await page.getByRole('heading', { level: 1, name: 'Duyệt lượt hỗ trợ của tổ' }).waitFor();
    },
  },
  {
    role: 'commune_officer',
    section: /: tổng quan$/,
    task: async (page, tap) => {
      const figure = page.locator('.home-tile', { hasText: 'Lượt chờ duyệt' });
      expect(Number(await figure.locator('.home-figure').textContent())).toBeGreaterThanOrEqual(0);
      await tap(figure.getByRole('link'));
      await page.waitForURL((url) => url.pathname === '/support/review');
      await page.getByRole('heading', { level: 1, name: 'Duyệt lượt hỗ trợ của tổ' }).waitFor();
    },
  },
  ...(['province_admin', 'department_officer', 'youth_union_coordinator'] as const).map(
    (role): RoleJourney => ({
      role,
      section: /^Toàn tỉnh theo xã, phường$/,
      task: async (page, tap) => {
        // Sorting by the review queue puts the communes with the most waiting first; the demo commune is among them.
        await tap(page.getByRole('button', { name: /^Sắp xếp theo Chờ duyệt/ }));
        const header = page.getByRole('columnheader', { name: /Chờ duyệt/ });
        await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
        const row = page.getByRole('row', { name: /Tân An/ });
        await row.first().waitFor();
        const first = page.locator('.home-table tbody tr').first();
        expect(Number(await first.locator('td').nth(3).textContent())).toBeGreaterThan(0);
      },
    }),
  ),
  {
    role: 'agency_handler',
    section: /^Việc của cơ quan xử lý$/,
    task: async (page) => {
      await page.getByText(/sẽ được chuyển đến cơ quan bạn tại đây/).waitFor();
      await page.getByRole('link', { name: 'Tra cứu các Tổ công nghệ số cộng đồng' }).waitFor();
    },
  },
];

describeInBrowser('role homes: each role lands on its own work', () => {
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

  for (const width of WIDTHS) {
    for (const journey of JOURNEYS) {
      it(`${journey.role} at ${width} px: lands on the home, reaches the main task in ≤ 2 taps, no axe violation`, async () => {
        const { context, page } = await openPage(browser, width);
        try {
          await signInWithForm(page, server, await demoAccount(server, journey.role));
          await page.waitForURL((url) => url.pathname === '/home');
          await page.getByRole('heading', { level: 1, name: HOME_TITLE }).waitFor();
          await page.getByRole('heading', { level: 2, name: journey.section }).first().waitFor();
          await page.locator('.skeleton').first().waitFor({ state: 'detached' });
          expect(await page.locator('.alert--error').count()).toBe(0);
          expect(await violationsOf(page)).toEqual([]);

          if (width < 900) {
            // The bottom bar leads with the home; "More" opens a modal sheet that Esc closes, giving focus back.
            const bar = page.getByRole('navigation', { name: 'Điều hướng nhanh' });
            await expect.poll(() => bar.getByRole('link').first().textContent()).toBe(HOME_TITLE);
            const more = bar.getByRole('button', { name: 'Thêm' });
            await more.click();
            const sheet = page.getByRole('dialog', { name: 'Các mục khác' });
            await sheet.waitFor();
            expect(await violationsOf(page)).toEqual([]);
            await page.keyboard.press('Escape');
            await sheet.waitFor({ state: 'hidden' });
            await expect.poll(() => more.evaluate((el) => el === document.activeElement)).toBe(true);
          } else {
            const side = page.getByRole('navigation', { name: 'Điều hướng chính' });
            await side.getByRole('link', { name: HOME_TITLE }).waitFor();
          }

          // Items a role cannot use never appear: only field roles are offered the capture page.
          const offersCapture = await page.locator('a[href="/capture"]').count();
          if (journey.role === 'team_member' || journey.role === 'team_leader')
            expect(offersCapture).toBeGreaterThan(0);
          else expect(offersCapture).toBe(0);

          const counter = tapCounter();
          await journey.task(page, counter.tap);
          expect(counter.taps).toBeLessThanOrEqual(2);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('the brand leads a signed-in person back to their home', async () => {
    const { context, page } = await openPage(browser, 1280);
    try {
      await signInWithForm(page, server, await demoAccount(server, 'team_member'));
      await page.waitForURL((url) => url.pathname === '/home');
      await page.goto(`${server.url}/profile`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.getByRole('banner').getByRole('link', { name: 'Cộng Đồng Số' }).click();
      await page.waitForURL((url) => url.pathname === '/home');
      await page.getByRole('heading', { level: 1, name: HOME_TITLE }).waitFor();
    } finally {
      await context.close();
    }
  });
});
