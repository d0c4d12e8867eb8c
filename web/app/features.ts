import { collectFeatures, type CollectedFeatures, type FeatureRoutesModule } from './feature-collection';

/**
 * The plug-in point for features: each web/features/<domain>/routes.tsx exports `routes` (pages loaded with `lazy:`)
 * and optionally `navItems`. They are collected here, so a new feature never edits the shell.
 * `hasRoute(path, features.routes)` tells whether a screen exists, so a page links only to screens that do.
 */
export {
  collectFeatures,
  hasRoute,
  isNavItemVisible,
  type CollectedFeatures,
  type FeatureRoutesModule,
  type NavArea,
  type NavItem,
  type NavSection,
} from './feature-collection';

const featureModules = import.meta.glob<FeatureRoutesModule>('../features/*/routes.tsx', { eager: true });

export const features: CollectedFeatures = collectFeatures(featureModules);
