import type { SupportFilter } from '../../../shared/contracts/support';
import { RECORDS_PATH, REVIEW_PATH } from '../support/paths';
import { searchOfFilter } from '../support/records-queries';

/**
 * The lists a home's figures come from, opened already filtered to what the figure counted (the lists read their
 * filter from the address: support/records-queries.ts). A figure and its list count the same rows: the review queue
 * is the active records waiting (`review=pending`, the review list shows active records only), "this month" starts
 * at the month's first local day the summary gives.
 */
export function reviewQueuePath(scope: Pick<SupportFilter, 'unit' | 'teamId'> = {}): string {
  return `${REVIEW_PATH}${searchOfFilter({ review: 'pending', ...scope })}`;
}

export function recordsSincePath(unit: string, from: string): string {
  return `${RECORDS_PATH}${searchOfFilter({ unit, from })}`;
}
