import { afterAll, beforeAll, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
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
 * The leader's review list fits a 1280 px screen and a 360 px phone (issue 8, "Defects seen on the walk"): dates on
 * one line, names broken only between words, and the sticky "approve" bar never covering a row's checkbox — each
 * checkbox, once scrolled into view, is the element under its own centre.
 */
describeInBrowser('review list layout', () => {
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

  async function openReview(width: number): Promise<Page> {
    const leader = await demoAccount(server, 'team_leader');
    const { page } = await openPage(browser, width);
    await signInByApi(page, server, leader);
    await page.goto(`${server.url}/support/review`);
    await page.getByRole('heading', { level: 1, name: 'Duyệt lượt hỗ trợ của tổ' }).waitFor();
    await page.getByRole('checkbox').first().waitFor();
    return page;
  }

  for (const width of [1280, 360]) {
    it(`at ${width} px: dates on one line, whole words, and every checkbox reachable`, async () => {
      const page = await openReview(width);
      try {
        const boxes = page.getByRole('checkbox');
        const count = await boxes.count();
        expect(count).toBeGreaterThan(1);
        await expect.poll(() => page.locator('.sticky-bar').count()).toBe(1);

        // Every date and time sits on one line: one line box for each <time> in the list.
        const wrapped = await page.$$eval('main time', (times) =>
          times.filter((t) => t.getClientRects().length !== 1).map((t) => t.textContent),
        );
        expect(wrapped).toEqual([]);

        // Names break between words only: each word of a name stays on one line.
        const brokenWords = await page.$$eval('main table td, main .record-card dd', (cells) => {
          const broken: string[] = [];
          for (const cell of cells) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent ?? '';
              for (const m of text.matchAll(/\S+/g)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (lines.size > 1) broken.push(m[0]);
              }
            }
          }
          return broken;
        });
        expect(brokenWords).toEqual([]);

        // No row hides under the sticky bar: bring each checkbox to the bottom edge of the screen, the worst place
        // (where the bar is), as scrolling down to it does, and hit-test its centre.
        for (let i = 0; i < count; i++) {
          const box = boxes.nth(i);
          const hit = await box.evaluate((input) => {
            input.scrollIntoView({ block: 'end' });
            const r = input.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return top === input || (top !== null && input.closest('label')?.contains(top) === true);
          });
          expect(hit, `checkbox ${i + 1} of ${count} is covered`).toBe(true);
        }
        await boxes.nth(count - 1).click();
        await expect.poll(() => boxes.nth(count - 1).isChecked()).toBe(true);

        // The selection, the sticky bar and the page navigation keep the page WCAG 2.1 AA clean.
        const axe = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        expect(
          axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
        // One page at a time: the demo team has more records waiting than a phone page holds.
        const next = page.getByRole('button', { name: 'Trang sau' });
        if (width === 360) expect(await next.isEnabled()).toBe(true);
        if ((await next.count()) > 0 && (await next.isEnabled())) {
          await next.click();
          await page.getByText('Trang 2', { exact: true }).waitFor();
        }
      } finally {
        await page.context().close();
      }
    });
  }
});
