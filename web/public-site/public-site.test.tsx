import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PAGES, STAFF_PATHS_UNDER_PUBLIC } from './pages';
import { renderPublicPage } from './render';
import { publicRoutes } from './routes';

/** The public document: its routes, the list the build prerenders and the server serves, and the prerender itself. */
describe('the public pages', () => {
  const leafOf = (pathname: string) => matchRoutes(publicRoutes(), pathname)?.at(-1)?.route;

  it('routes every listed page to its page component, and staff addresses to the staff document', () => {
    for (const page of PUBLIC_PAGES) {
      const leaf = leafOf(page.prerenderAt ?? page.path);
      expect(leaf?.lazy, page.path).toBeTypeOf('function');
      expect(leaf?.loader, page.path).toBeUndefined();
    }
    for (const pathname of [...STAFF_PATHS_UNDER_PUBLIC, '/sign-in', '/home', '/teams/abc/edit', '/capture']) {
      const leaf = leafOf(pathname);
      expect(leaf?.loader, pathname).toBeTypeOf('function');
      expect(leaf?.lazy, pathname).toBeUndefined();
    }
  });

  it('prerenders a page with its frame and real heading, in Vietnamese, with no script of its own', async () => {
    const html = await renderPublicPage('/teams');
    expect(html).toContain('href="#main-content"');
    expect(html).toMatch(/<h1[^>]*>Tìm tổ công nghệ số<\/h1>/);
    expect(html).toContain('Đăng nhập');
    expect(html).not.toContain('<script');
  });

  it('prerenders a team page as its frame while the team loads', async () => {
    const html = await renderPublicPage('/teams/_');
    expect(html).toContain('id="main-content"');
    expect(html).toContain('site-footer');
  });
});
