import { describe, expect, it } from 'vitest';
import {
  allowedHelpRequestActions,
  HELP_REQUEST_CODE_PATTERN,
  HELP_REQUEST_STATES,
  helpRequestTrackingCode,
  isOpenHelpRequest,
  nextHelpRequestState,
} from './help-request-workflow';

describe('help-request workflow', () => {
  it('walks the main path new → assigned → scheduled → done', () => {
    expect(nextHelpRequestState('new', 'assign')).toBe('assigned');
    expect(nextHelpRequestState('assigned', 'schedule')).toBe('scheduled');
    expect(nextHelpRequestState('scheduled', 'complete')).toBe('done');
  });

  it('allows reassigning and rescheduling, and completing straight from new or after "could not reach"', () => {
    expect(nextHelpRequestState('assigned', 'assign')).toBe('assigned');
    expect(nextHelpRequestState('scheduled', 'schedule')).toBe('scheduled');
    expect(nextHelpRequestState('new', 'complete')).toBe('done');
    expect(nextHelpRequestState('could_not_reach', 'complete')).toBe('done');
  });

  it('refuses steps out of order and any step after closing (but a late record)', () => {
    expect(nextHelpRequestState('new', 'schedule')).toBeNull();
    expect(nextHelpRequestState('new', 'not_reached')).toBeNull();
    for (const closed of ['done', 'cancelled'] as const) {
      expect(allowedHelpRequestActions(closed)).toEqual([]);
    }
    expect(allowedHelpRequestActions('could_not_reach')).toEqual(['complete']);
    expect(nextHelpRequestState('done', 'cancel')).toBeNull();
  });

  it('says which states are open', () => {
    expect(HELP_REQUEST_STATES.filter(isOpenHelpRequest)).toEqual(['new', 'assigned', 'scheduled']);
  });

  it('makes tracking codes of the day and sequence', () => {
    const code = helpRequestTrackingCode('2026-12-07', 12);
    expect(code).toBe('YCHT.20261207.0012');
    expect(HELP_REQUEST_CODE_PATTERN.test(code)).toBe(true);
    expect(HELP_REQUEST_CODE_PATTERN.test('PAKN.20261207.0012')).toBe(false);
  });
});
