import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { readPageData } from './page-data';
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
    for (const pathname of [
      ...STAFF_PATHS_UNDER_PUBLIC,
      '/sign-in',
      '/home',
      '/teams/abc/edit',
      '/capture',
    ]) {
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

  it('renders a team page with the team the server read, seeding the query the page asks', async () => {
    const team = {
      id: 'team-1',
      name: 'Tổ công nghệ số cộng đồng Ấp Bình Phú',
      level: 'hamlet',
      communeCode: '25459',
      communeName: 'Phường Tân Ninh',
      hamletId: 'hamlet-1',
      hamletName: 'Ấp Bình Phú',
      status: 'active',
      statusReason: null,
      mergedIntoId: null,
      decision: null,
      schedule: 'Sáng thứ Bảy, nhà văn hoá ấp',
      contactPhone: null,
      memberCount: 1,
      members: [
        {
          id: 'm1',
          name: 'Trần Thị Hoa',
          role: 'leader',
          affiliation: 'youth_union',
          organization: null,
          active: true,
          phone: null,
        },
      ],
      actions: [],
    };
    const html = await renderPublicPage('/teams/team-1', { team });
    expect(html).toMatch(/<h1>Tổ công nghệ số cộng đồng Ấp Bình Phú<\/h1>/);
    expect(html).toContain('Trần Thị Hoa');
    expect(html).toContain('Sáng thứ Bảy, nhà văn hoá ấp');
    // Data for another address is not used.
    expect(await renderPublicPage('/teams/team-2', {})).not.toContain('Trần Thị Hoa');
  });

  it('reads the embedded page data, and none from a broken or missing element', () => {
    document.body.innerHTML =
      '<script type="application/json" id="cds-page-data">{"team":{"id":"t"}}</script>';
    expect(readPageData(document)).toEqual({ team: { id: 't' } });
    document.body.innerHTML = '<script type="application/json" id="cds-page-data">{broken</script>';
    expect(readPageData(document)).toEqual({});
    document.body.innerHTML = '';
    expect(readPageData(document)).toEqual({});
  });
});
