import { actionsAt, canAt, type Action } from '../../../shared/rules/permissions';
import { actorGrants, type Actor } from '../../platform/auth/actor';

const CALENDAR_ACTIONS: readonly Action[] = ['calendar.manage'];

/**
 * A province's calendar sits at the province itself: only a grant on the whole province reaches it, so a commune
 * officer (or a province administrator elsewhere) never edits it. Reading is public.
 */
export function mayManageCalendar(actor: Actor, provinceCode: string): boolean {
  return canAt(actorGrants(actor), 'calendar.manage', { provinceCode });
}

/** The `actions` the calendar response lists for the caller. */
export function calendarActions(actor: Actor, provinceCode: string): Action[] {
  return actionsAt(actorGrants(actor), { provinceCode }, CALENDAR_ACTIONS);
}
