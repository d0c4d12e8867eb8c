import { features } from '../features';
import { useSession } from '../session';
import { buildStaffNav, publicNavItems, type StaffNav } from './nav-model';
import type { NavItem } from '../feature-collection';

/**
 * The navigation this person gets: the staff navigation when signed in — or offline with the roles of the last
 * /me seen on this device, so a team member still finds the capture page with no network — else the public links.
 */
export function useNavigation(): { staff: StaffNav | null; publicItems: NavItem[] } {
  const session = useSession();
  const staff =
    session.status === 'signedIn' || (session.status === 'unreachable' && session.roles.length > 0);
  const viewer = { signedIn: staff, can: session.can, roles: session.roles };
  return {
    staff: staff ? buildStaffNav(features.navItems, viewer) : null,
    publicItems: staff ? [] : publicNavItems(features.navItems, viewer),
  };
}
