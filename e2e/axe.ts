import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { openPage, signInByApi, type DemoAccount, type RunningServer } from './harness';

/** axe-core with the WCAG 2.1 A/AA rules only: what every journey's audit checks. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Titles of the shell's fallback pages: seeing one means the page under test did not load. */
export const FALLBACK_TITLES = [
  'Không tìm thấy trang',
  'Đã có lỗi xảy ra',
  'Bạn chưa có quyền xem trang này',
  'Chưa kết nối được máy chủ',
];

/** The page has loaded its data: the network is quiet, a heading shows and no skeleton is left. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  await page.locator('.skeleton').first().waitFor({ state: 'detached' });
}

export async function violationsOf(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Each page at each width, signed in as its account (or not): the page must be the one meant — not a fallback,
 * not showing an error, else the audit proves nothing — and axe must find no violation. Answers every problem found.
 */
export async function auditPages(
  browser: Browser,
  server: RunningServer,
  checks: { path: string; as: DemoAccount | null }[],
  widths: readonly number[] = [360, 1280],
): Promise<string[]> {
  const problems: string[] = [];
  for (const width of widths) {
    for (const check of checks) {
      const { context, page } = await openPage(browser, width);
      try {
        if (check.as) await signInByApi(page, server, check.as);
        await page.goto(`${server.url}${check.path}`);
        await settle(page);
        const title = ((await page.locator('h1').first().textContent()) ?? '').trim();
        if (FALLBACK_TITLES.includes(title)) problems.push(`${check.path}: fallback page "${title}"`);
        if ((await page.locator('.alert--error').count()) > 0) problems.push(`${check.path}: shows an error`);
        for (const v of await violationsOf(page)) problems.push(`${check.path} @${width}: ${v}`);
      } finally {
        await context.close();
      }
    }
  }
  return problems;
}
