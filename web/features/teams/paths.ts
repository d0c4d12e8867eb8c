/** Addresses of the teams feature (links, redirects and the e2e journeys use them). */
export const DIRECTORY_PATH = '/teams';
export const MANAGE_PATH = '/teams/manage';
export const NEW_TEAM_PATH = '/teams/new';

export function teamPath(id: string): string {
  return `/teams/${encodeURIComponent(id)}`;
}

export function editTeamPath(id: string): string {
  return `${teamPath(id)}/edit`;
}

export function membersPath(id: string): string {
  return `${teamPath(id)}/members`;
}

/** A `tel:` link that dials from any phone: digits and a leading + only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
