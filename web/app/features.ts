import {
  collectFeatures,
  hasRoute,
  type CollectedFeatures,
  type FeatureRoutesModule,
} from './feature-collection';
import { provideFeatureCatalogue } from './feature-catalogue';
import { loadNamespaces } from './i18n';

/**
 * The plug-in point for features: each web/features/<domain>/routes.tsx exports `routes` (pages loaded with `lazy:`)
 * and optionally `navItems` and `messageNamespaces`. They are collected here, so a new feature never edits the shell;
 * each route loads its feature's messages (and the other namespaces it declares) with its page.
 * `hasRoute(path, features.routes)` tells whether a screen exists, so a page links only to screens that do.
 */
export {
  collectFeatures,
  hasRoute,
  isNavItemVisible,
  namespacesOfItems,
  type CollectedFeatures,
  type FeatureRoutesModule,
  type NavArea,
  type NavItem,
  type NavSection,
} from './feature-collection';

const featureModules = import.meta.glob<FeatureRoutesModule>('../features/*/routes.tsx', { eager: true });

export const features: CollectedFeatures = collectFeatures(featureModules, loadNamespaces);

provideFeatureCatalogue({ navItems: features.navItems, hasPage: (path) => hasRoute(path, features.routes) });
