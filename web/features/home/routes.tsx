import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/features';

export const routes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./HomePage')).HomePage }) },
];

export const navItems: NavItem[] = [{ to: '/', labelKey: 'nav.home', area: 'public', order: 0 }];
