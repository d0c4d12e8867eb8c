import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS, type Role } from '../../../shared/rules/permissions';
import { features } from '../features';
import type { NavItem } from '../feature-collection';
import {
  BOTTOM_BAR_DESTINATIONS,
  buildStaffNav,
  publicNavItems,
  sectionOf,
  type NavViewer,
} from './nav-model';

/** A viewer as /me describes someone holding these roles: the union of the roles' actions. */
function viewerWith(...roles: Role[]): NavViewer {
  const actions = new Set(roles.flatMap((role) => ROLE_ACTIONS[role]));
  return { signedIn: true, can: (action) => actions.has(action), roles };
}

const signedOut: NavViewer = { signedIn: false, can: () => false, roles: [] };
const paths = (items: readonly NavItem[]) => items.map((item) => item.to);
const everything = (viewer: NavViewer) =>
  buildStaffNav(features.navItems, viewer).groups.flatMap((g) => paths(g.items));

describe('the navigation the features declare, per role', () => {
  it('a team member: home, record help and their records first; no review, no administration', () => {
    const nav = buildStaffNav(features.navItems, viewerWith('team_member'));
    expect(paths(nav.bottom)).toEqual(['/home', '/capture', '/support/mine']);
    expect(everything(viewerWith('team_member'))).not.toContain('/support/review');
    expect(nav.groups.map((g) => g.section)).toEqual(['home', 'field', 'teams']);
  });

  it('a team leader: home, record help and the review queue in the bar', () => {
    const nav = buildStaffNav(features.navItems, viewerWith('team_leader'));
    expect(paths(nav.bottom)).toEqual(['/home', '/capture', '/support/review']);
    expect(paths(nav.more.flatMap((g) => g.items))).toContain('/support/mine');
  });

  it('a commune officer: the review queue and the commune’s teams; hamlets under teams and places', () => {
    const viewer = viewerWith('commune_officer');
    const nav = buildStaffNav(features.navItems, viewer);
    // Citizens' reports must be received within 8 working hours: their inbox takes a place in the bar.
    expect(paths(nav.bottom)).toEqual(['/home', '/cases', '/support/review']);
    expect(paths(nav.groups.find((g) => g.section === 'teams')!.items)).toEqual([
      '/teams',
      '/teams/manage',
      '/admin/hamlets',
    ]);
    expect(everything(viewer)).not.toContain('/capture');
  });

  it('a province administrator is never offered the capture page or their own records, though the role may capture', () => {
    const viewer = viewerWith('province_admin');
    expect(viewer.can('support.capture')).toBe(true);
    expect(everything(viewer)).not.toContain('/capture');
    expect(everything(viewer)).not.toContain('/support/mine');
    const admin = buildStaffNav(features.navItems, viewer).groups.find((g) => g.section === 'admin')!;
    expect(paths(admin.items)).toEqual(
      expect.arrayContaining([
        '/admin/users',
        '/admin/calendar',
        '/admin/privacy/breaches',
        '/admin/privacy/requests',
      ]),
    );
  });

  it('department and Youth Union: field lists but no administration of people or places', () => {
    for (const role of ['department_officer', 'youth_union_coordinator'] as const) {
      const all = everything(viewerWith(role));
      expect(all).toEqual(expect.arrayContaining(['/home', '/support/review', '/support/records']));
      expect(all).not.toContain('/capture');
      expect(all).not.toContain('/admin/hamlets');
      expect(all).not.toContain('/admin/api-keys');
    }
  });

  it('an agency handler: their home, the cases inbox, the questions waiting for an answer and the directory', () => {
    const nav = buildStaffNav(features.navItems, viewerWith('agency_handler'));
    expect(everything(viewerWith('agency_handler'))).toEqual([
      '/home',
      '/cases',
      '/questions-unanswered',
      '/teams',
    ]);
    expect(paths(nav.bottom)).toEqual(['/home', '/cases', '/teams']);
    expect(nav.more.flatMap((group) => paths(group.items))).toEqual(['/questions-unanswered']);
  });

  it('several grants: the union of what each role may use, capture included when one of them is a field role', () => {
    const all = everything(viewerWith('commune_officer', 'team_member'));
    expect(all).toEqual(
      expect.arrayContaining(['/capture', '/support/mine', '/teams/manage', '/admin/hamlets']),
    );
  });

  it('signed out: only the public links, in the header; the staff navigation is not built from them', () => {
    expect(paths(publicNavItems(features.navItems, signedOut))).toEqual([
      '/',
      '/help',
      '/report',
      '/teams',
      '/reports',
      '/questions',
    ]);
    // The public home is not part of the staff navigation: a signed-in person's home is /home.
    expect(everything(viewerWith('team_member'))).not.toContain('/');
  });

  it('every admin-area item of any feature says what it is for (the /admin tiles read it)', () => {
    const tools = features.navItems.filter((item) => item.area === 'admin');
    expect(tools.length).toBeGreaterThanOrEqual(9);
    expect(tools.filter((item) => !item.descriptionKey).map((item) => item.to)).toEqual([]);
  });
});

describe('the nav model', () => {
  const item = (to: string, extra: Partial<NavItem> = {}): NavItem => ({
    to,
    labelKey: to,
    area: 'staff',
    ...extra,
  });

  it('groups by section in a fixed order, undeclared staff items as field work and admin items as administration', () => {
    const nav = buildStaffNav(
      [
        item('/a', { area: 'admin' }),
        item('/t', { section: 'teams' }),
        item('/f'),
        item('/h', { section: 'home' }),
        item('/p', { area: 'public' }),
      ],
      viewerWith('province_admin'),
    );
    expect(nav.groups.map((g) => [g.section, paths(g.items)])).toEqual([
      ['home', ['/h']],
      ['field', ['/f']],
      ['teams', ['/t']],
      ['admin', ['/a']],
    ]);
    expect(sectionOf(item('/p', { area: 'public' }))).toBeNull();
  });

  it('puts the best-ranked usable destinations in the bar, at most BOTTOM_BAR_DESTINATIONS, the rest under More', () => {
    const items = [
      item('/4', { primary: 40 }),
      item('/1', { primary: 10 }),
      item('/hidden', { primary: 5, action: 'apiKeys.manage' }),
      item('/3', { primary: 30 }),
      item('/2', { primary: 20 }),
      item('/plain'),
    ];
    const nav = buildStaffNav(items, viewerWith('team_member'));
    expect(BOTTOM_BAR_DESTINATIONS).toBe(3);
    expect(paths(nav.bottom)).toEqual(['/1', '/2', '/3']);
    expect(paths(nav.more.flatMap((g) => g.items))).toEqual(['/4', '/plain']);
  });

  it('an item for some roles needs one of them as well as its action', () => {
    const only = item('/x', { roles: ['team_leader'], action: 'teams.read' });
    expect(
      paths(
        buildStaffNav([only], viewerWith('team_leader')).bottom.concat(
          buildStaffNav([only], viewerWith('team_leader')).more.flatMap((g) => g.items),
        ),
      ),
    ).toEqual(['/x']);
    expect(buildStaffNav([only], viewerWith('agency_handler')).groups).toEqual([]);
    expect(
      buildStaffNav([only], { ...viewerWith('team_member'), roles: ['team_leader'], can: () => false })
        .groups,
    ).toEqual([]);
  });
});
