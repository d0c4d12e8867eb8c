import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-geography';
import * as m0004 from './0004-jobs';
import * as m0005 from './0005-teams-support';
import * as m0006 from './0006-users-search';
import * as m0007 from './0007-sign-in-throttle';
import * as m0008 from './0008-rate-limits-retention';
import * as m0009 from './0009-support-scale';
import * as m0010 from './0010-working-calendar';
import * as m0011 from './0011-sealed-contacts';
import * as m0012 from './0012-breach-register';
import * as m0013 from './0013-support-consent';
import * as m0014 from './0014-data-subject-requests';
import * as m0015 from './0015-request-reminders';
import * as m0016 from './0016-consent-records';
import * as m0017 from './0017-review-queue-index';
import * as m0018 from './0018-cases';
import * as m0019 from './0019-questions';
import * as m0020 from './0020-help-requests';
import * as m0021 from './0021-case-refusals';
import * as m0022 from './0022-case-map-list-index';
import * as m0023 from './0023-case-published-index';

/**
 * Every migration, in order. Listed statically (not read from disk) so bundling and tsx agree.
 * Additive only: old offline clients keep syncing against new servers.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-geography': m0002,
  '0004-jobs': m0004,
  '0005-teams-support': m0005,
  '0006-users-search': m0006,
  '0007-sign-in-throttle': m0007,
  '0008-rate-limits-retention': m0008,
  '0009-support-scale': m0009,
  '0010-working-calendar': m0010,
  '0011-sealed-contacts': m0011,
  '0012-breach-register': m0012,
  '0013-support-consent': m0013,
  '0014-data-subject-requests': m0014,
  '0015-request-reminders': m0015,
  '0016-consent-records': m0016,
  '0017-review-queue-index': m0017,
  '0018-cases': m0018,
  '0019-questions': m0019,
  '0020-help-requests': m0020,
  '0021-case-refusals': m0021,
  '0022-case-map-list-index': m0022,
  '0023-case-published-index': m0023,
};
