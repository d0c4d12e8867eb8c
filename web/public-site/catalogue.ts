import { matchRoutes } from 'react-router';
import {
  collectFeatures,
  namespacesOfItems,
  type FeatureRoutesModule,
  type NavItem,
} from '../app/feature-collection';
import type { FeatureCatalogue } from '../app/feature-catalogue';
import { PUBLIC_PAGES } from './pages';

/**
 * The public document's view of the features: every feature's nav items, and its own pages. Each routes.tsx is
 * imported with a `?nav` query and read for `navItems` only, so the bundler keeps a copy of those few lines (the
 * rest of the module, its routes and their guards, is dropped): the public bundle never carries the staff routes.
 */
const navModules = import.meta.glob<NavItem[]>('../features/*/routes.tsx', {
  query: { nav: '' },
  import: 'navItems',
  eager: true,
});

const modules: Record<string, FeatureRoutesModule> = Object.fromEntries(
  Object.entries(navModules).map(([file, navItems]) => [file.replace(/\?.*$/, ''), { navItems }]),
);

export const publicCatalogue: FeatureCatalogue = {
  navItems: collectFeatures(modules).navItems,
  hasPage: (path) =>
    (
      matchRoutes(
        PUBLIC_PAGES.map((page) => ({ path: page.path })),
        path,
      ) ?? []
    ).length > 0,
};

/** The namespaces of the public services' names, which the home page lists (prerendered, so loaded with it). */
export const publicServiceNamespaces: string[] = namespacesOfItems(
  publicCatalogue.navItems.filter((item) => item.area === 'public'),
);
