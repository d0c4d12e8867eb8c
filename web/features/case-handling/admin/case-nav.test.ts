import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS, type Role } from '../../../../shared/rules/permissions';
import { buildStaffNav, type NavViewer } from '../../../app/layouts/nav-model';
import { CATEGORIES_PATH, INBOX_PATH, PROPOSALS_PATH } from '../paths';
import { navItems } from '../routes';

/** A viewer as /me describes someone holding these roles: the union of the roles' actions. */
function viewerWith(...roles: Role[]): NavViewer {
  const actions = new Set(roles.flatMap((role) => ROLE_ACTIONS[role]));
  return { signedIn: true, can: (action) => actions.has(action), roles };
}
const reachable = (viewer: NavViewer) =>
  buildStaffNav(navItems, viewer).groups.flatMap((g) => g.items.map((item) => item.to));

describe('the case engine’s navigation entries', () => {
  it('takes the Youth Union’s coordinators to the proposals queue, as it does team leaders', () => {
    expect(reachable(viewerWith('youth_union_coordinator'))).toContain(PROPOSALS_PATH);
    expect(reachable(viewerWith('team_leader'))).toContain(PROPOSALS_PATH);
    // Their queue is the proposals' page (with its link to the inbox's proposals), not the citizens' inbox.
    expect(reachable(viewerWith('youth_union_coordinator'))).not.toContain(INBOX_PATH);
    for (const role of ['team_member', 'commune_officer', 'agency_handler'] as const) {
      expect(reachable(viewerWith(role)), role).not.toContain(PROPOSALS_PATH);
    }
  });

  it('offers the categories’ screen to the province administrator only, as an admin tile', () => {
    expect(reachable(viewerWith('province_admin'))).toContain(CATEGORIES_PATH);
    // A commune officer configures their commune's agencies and rules, but the category list is the province's.
    expect(reachable(viewerWith('commune_officer'))).not.toContain(CATEGORIES_PATH);
    const tile = navItems.find((item) => item.to === CATEGORIES_PATH)!;
    expect(tile).toMatchObject({ area: 'admin', descriptionKey: 'navDescription.categories' });
  });
});
