import type { Action, Role } from '../../../shared/rules/permissions';
import { isNavItemVisible, type NavItem, type NavSection } from '../feature-collection';

/**
 * The signed-in navigation, from the items the features declare (pure, so it is unit-tested): the side navigation's
 * sections on a desktop, and on a phone the bottom bar's main destinations with the rest under "More".
 */

export interface NavViewer {
  signedIn: boolean;
  can: (action: Action) => boolean;
  roles: readonly Role[];
}

export interface NavGroup {
  section: NavSection;
  items: NavItem[];
}

export interface StaffNav {
  /** Every item the person may use, by section, in SECTION_ORDER (empty sections left out). */
  groups: NavGroup[];
  /** The phone's bottom bar: at most BOTTOM_BAR_DESTINATIONS items, by their `primary` rank. */
  bottom: NavItem[];
  /** What the bottom bar leaves out, by section: the "More" sheet. */
  more: NavGroup[];
}

export const SECTION_ORDER: readonly NavSection[] = ['home', 'field', 'teams', 'admin'];

/**
 * Destinations in the bottom bar besides "More". Three plus "More" keeps each target about 90 px wide at 360 px, so
 * a two-line Vietnamese label stays large enough for someone over 60.
 */
export const BOTTOM_BAR_DESTINATIONS = 3;

/** The item's section; undeclared, staff work is field work and admin tools are administration. */
export function sectionOf(item: NavItem): NavSection | null {
  if (item.section) return item.section;
  if (item.area === 'admin') return 'admin';
  if (item.area === 'staff') return 'field';
  return null;
}

function group(items: readonly NavItem[]): NavGroup[] {
  return SECTION_ORDER.map((section) => ({
    section,
    items: items.filter((item) => sectionOf(item) === section),
  })).filter((g) => g.items.length > 0);
}

/** The signed-in navigation for this person: public-only items (the public home) are not part of it. */
export function buildStaffNav(items: readonly NavItem[], viewer: NavViewer): StaffNav {
  const visible = items.filter((item) => sectionOf(item) !== null && isNavItemVisible(item, viewer));
  const bottom = visible
    .filter((item) => item.primary !== undefined)
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.primary! - b.item.primary! || a.index - b.index)
    .slice(0, BOTTOM_BAR_DESTINATIONS)
    .map(({ item }) => item);
  return { groups: group(visible), bottom, more: group(visible.filter((item) => !bottom.includes(item))) };
}

/** The signed-out header: the public items only. */
export function publicNavItems(items: readonly NavItem[], viewer: NavViewer): NavItem[] {
  return items.filter((item) => item.area === 'public' && isNavItemVisible(item, viewer));
}
