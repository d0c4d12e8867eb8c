import type { RouteObject } from 'react-router';
import type { Action, Role } from '../../shared/rules/permissions';

/** Pure helpers of the feature plug-in point (web/app/features.ts does the collecting). */

/** `public`: in the signed-out header too; `admin`: a tool tile on /admin; `staff`: signed-in work. */
export type NavArea = 'public' | 'staff' | 'admin';

/**
 * Where an item sits in the signed-in navigation: `home` (the role home, at the top, no heading), field work, teams
 * and places, administration. Without one, staff items go to field work and admin items to administration.
 */
export type NavSection = 'home' | 'field' | 'teams' | 'admin';

export interface NavItem {
  to: string;
  /** An i18n key; without a "namespace:" prefix it is read in the feature's own namespace (its folder name). */
  labelKey: string;
  /** One line on what the screen is for (the /admin tiles show it); namespaced like labelKey. */
  descriptionKey?: string;
  /** Shown only to callers whose /me `actions` include this action. */
  action?: Action;
  /**
   * Shown only to people holding a grant of one of these roles (and `action`, when both are given): an action a
   * role only inherits (a province administrator may capture, but does not go door to door) does not put the
   * screen in their menu.
   */
  roles?: readonly Role[];
  area: NavArea;
  section?: NavSection;
  /**
   * A main destination for the phone's bottom bar: lower comes first, and the first ones a person may use are
   * shown there (see nav-model.ts); the rest go under "More".
   */
  primary?: number;
  /** Lower comes first within an area; ties keep the features' alphabetical order. */
  order?: number;
  /** A page outside the app's router (the capture page): the link loads that document. */
  reloadDocument?: boolean;
}

export interface FeatureRoutesModule {
  routes?: RouteObject[];
  navItems?: NavItem[];
  /**
   * Other namespaces the feature's pages read (a component or key of another feature: `geography` for the unit
   * picker…). The feature's own namespace (its folder's name) and the shell's are always loaded with its routes;
   * message-namespaces.test.ts checks the list against what the pages use.
   */
  messageNamespaces?: readonly string[];
}

/** Loads namespaces in the current language (web/app/i18n.ts's loadNamespaces). */
export type LoadNamespaces = (namespaces: readonly string[]) => Promise<void>;

export interface CollectedFeatures {
  routes: RouteObject[];
  navItems: NavItem[];
}

const AREA_ORDER: Record<NavArea, number> = { public: 0, staff: 1, admin: 2 };

function featureNameOf(modulePath: string): string {
  const match = /features\/([^/]+)\/routes\.tsx$/.exec(modulePath);
  return match?.[1] ?? '';
}

/**
 * A route whose page is there only once its messages are: each `lazy` also loads the namespaces, in parallel with
 * the page's code; a page without `lazy` gets one that only loads them. Layout routes (with children) are left as
 * they are: what they render is the shell's.
 */
export function withMessages(
  routes: readonly RouteObject[],
  namespaces: readonly string[],
  load: LoadNamespaces,
): RouteObject[] {
  return routes.map((route): RouteObject => {
    const children = route.children ? withMessages(route.children, namespaces, load) : undefined;
    const own = route.lazy;
    if (typeof own === 'function') {
      const lazy = async () => (await Promise.all([own(), load(namespaces)]))[0];
      return { ...route, lazy, ...(children ? { children } : {}) } as RouteObject;
    }
    if (children) return { ...route, children } as RouteObject;
    if (own === undefined && (route.element !== undefined || route.Component !== undefined)) {
      return { ...route, lazy: async () => (await load(namespaces), {}) } as RouteObject;
    }
    return route;
  });
}

/**
 * Merges the features' routes and nav items; nav labels get their feature's namespace. With `load`, each feature's
 * routes load its messages (its own namespace and its `messageNamespaces`) before its pages render.
 */
export function collectFeatures(
  modules: Record<string, FeatureRoutesModule>,
  load?: LoadNamespaces,
): CollectedFeatures {
  const routes: RouteObject[] = [];
  const navItems: NavItem[] = [];
  for (const modulePath of Object.keys(modules).sort()) {
    const module = modules[modulePath];
    if (!module) continue;
    const feature = featureNameOf(modulePath);
    const own = module.routes ?? [];
    const namespaces = [...new Set([feature, ...(module.messageNamespaces ?? [])].filter(Boolean))];
    routes.push(...(load ? withMessages(own, namespaces, load) : own));
    const namespaced = (key: string) => (key.includes(':') || !feature ? key : `${feature}:${key}`);
    for (const item of module.navItems ?? []) {
      navItems.push({
        ...item,
        labelKey: namespaced(item.labelKey),
        ...(item.descriptionKey ? { descriptionKey: namespaced(item.descriptionKey) } : {}),
      });
    }
  }
  const sorted = navItems
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        AREA_ORDER[a.item.area] - AREA_ORDER[b.item.area] ||
        (a.item.order ?? 100) - (b.item.order ?? 100) ||
        a.index - b.index,
    )
    .map(({ item }) => item);
  return { routes, navItems: sorted };
}

/**
 * Whether a nav item shows for this caller: not when it names roles the caller holds none of; then by its action
 * when it names one, else public items for everyone and the others for signed-in people.
 */
export function isNavItemVisible(
  item: NavItem,
  session: { signedIn: boolean; can: (action: Action) => boolean; roles?: readonly Role[] },
): boolean {
  if (item.roles && !item.roles.some((role) => session.roles?.includes(role))) return false;
  if (item.action) return session.can(item.action);
  return item.area === 'public' || session.signedIn;
}

/** The namespaces nav items' labels are in ("teams:nav.manage" → "teams"), so a navigation can load them. */
export function namespacesOfItems(items: readonly NavItem[]): string[] {
  const found = new Set<string>();
  for (const item of items) {
    const colon = item.labelKey.indexOf(':');
    if (colon > 0) found.add(item.labelKey.slice(0, colon));
  }
  return [...found].sort();
}

/** True when some feature serves `path` as a static route, so pages link only to screens that exist. */
export function hasRoute(path: string, routes: readonly RouteObject[], parent = ''): boolean {
  const wanted = path.replace(/\/+$/, '') || '/';
  return routes.some((route) => {
    const own = route.path ?? '';
    const full = own.startsWith('/') ? own : `${parent.replace(/\/+$/, '')}/${own}`;
    const normalised = full.replace(/\/+$/, '') || '/';
    if (route.path !== undefined && normalised === wanted) return true;
    return hasRoute(path, route.children ?? [], route.path === undefined ? parent : normalised);
  });
}
