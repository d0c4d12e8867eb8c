import { describe, expect, it } from 'vitest';
import { collectFeatures, hasRoute, isNavItemVisible, type FeatureRoutesModule } from './feature-collection';

const modules: Record<string, FeatureRoutesModule> = {
  '../features/teams/routes.tsx': {
    routes: [{ path: '/teams' }, { path: '/teams/:id' }],
    navItems: [
      { to: '/teams', labelKey: 'nav.directory', area: 'public' },
      { to: '/teams/manage', labelKey: 'nav.manage', area: 'staff', action: 'teams.manage' },
    ],
  },
  '../features/admin/routes.tsx': {
    routes: [{ path: '/admin', children: [{ path: 'users' }] }],
    navItems: [{ to: '/admin/users', labelKey: 'admin:nav.users', area: 'admin', action: 'users.read' }],
  },
  '../features/home/routes.tsx': {
    routes: [{ index: true }],
    navItems: [{ to: '/', labelKey: 'nav.home', area: 'public', order: 0 }],
  },
};

describe('collectFeatures', () => {
  it('merges routes, namespaces bare label keys by feature folder and orders public → staff → admin', () => {
    const { routes, navItems } = collectFeatures(modules);
    expect(routes).toHaveLength(4);
    expect(navItems.map((i) => i.labelKey)).toEqual([
      'home:nav.home',
      'teams:nav.directory',
      'teams:nav.manage',
      'admin:nav.users',
    ]);
  });

  it('shows items by their action, public items to everyone, other areas to signed-in people', () => {
    const signedOut = { signedIn: false, can: () => false };
    const leader = { signedIn: true, can: (a: string) => a === 'teams.read' };
    const { navItems } = collectFeatures(modules);
    expect(navItems.filter((i) => isNavItemVisible(i, signedOut)).map((i) => i.to)).toEqual(['/', '/teams']);
    expect(navItems.filter((i) => isNavItemVisible(i, leader)).map((i) => i.to)).toEqual(['/', '/teams']);
    expect(isNavItemVisible({ to: '/x', labelKey: 'x', area: 'staff' }, leader)).toBe(true);
    expect(isNavItemVisible({ to: '/x', labelKey: 'x', area: 'staff' }, signedOut)).toBe(false);
  });

  it('knows which static paths exist, nested ones included', () => {
    const { routes } = collectFeatures(modules);
    expect(hasRoute('/teams', routes)).toBe(true);
    expect(hasRoute('/admin/users', routes)).toBe(true);
    expect(hasRoute('/support', routes)).toBe(false);
  });
});
