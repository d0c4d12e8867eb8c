import type { Role } from '../../../shared/rules/permissions';

/** The i18n key of a role's display name, for any feature: t(roleLabelKey(role)). */
export function roleLabelKey(role: Role | string): string {
  return `accounts:roles.${role}`;
}

/** The i18n key of a team role (leader / deputy / member). */
export function teamRoleLabelKey(role: string): string {
  return `accounts:teamRoles.${role}`;
}
