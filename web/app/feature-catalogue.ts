import type { NavItem } from './feature-collection';

/**
 * What a page may ask about the other features of its document: their nav items (the home page lists the public
 * services and a member's shortcuts) and whether an address has a page (the privacy notice links to the request form
 * once it exists). Each document provides its own before it renders: the staff app every feature's
 * (web/app/features.ts), the public document only its nav items and pages (web/public-site/catalogue.ts), so a
 * public page does not carry the staff app's routes to answer.
 */
export interface FeatureCatalogue {
  navItems: readonly NavItem[];
  hasPage: (path: string) => boolean;
}

let provided: FeatureCatalogue = { navItems: [], hasPage: () => false };

export function provideFeatureCatalogue(catalogue: FeatureCatalogue): void {
  provided = catalogue;
}

export function featureCatalogue(): FeatureCatalogue {
  return provided;
}
