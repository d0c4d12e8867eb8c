import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  actionForClientUpdate,
  allowedActions,
  CASE_ACTIONS,
  CASE_STATES,
  CASE_TRACKING_CODE_PATTERN,
  caseTrackingCode,
  mayDispute,
  mayRate,
  nextState,
  open311Status,
  open311UpdateStatus,
  type CaseAction,
  type CaseState,
} from './case-workflow';

describe('the case state machine', () => {
  it('walks the usual flow: submitted → accepted → assigned → in progress → answered → closed', () => {
    const path: [CaseAction, CaseState][] = [
      ['accept', 'accepted'],
      ['assign', 'assigned'],
      ['start', 'in_progress'],
      ['answer', 'answered'],
      ['close', 'closed'],
    ];
    let state: CaseState = 'submitted';
    for (const [action, expected] of path) {
      state = nextState(state, action)!;
      expect(state).toBe(expected);
    }
  });

  it('refuses before work starts, reassigns while with an agency, reopens an answer, merges an open case', () => {
    expect(nextState('submitted', 'refuse')).toBe('refused');
    expect(nextState('accepted', 'refuse')).toBe('refused');
    expect(nextState('in_progress', 'refuse')).toBeNull();
    expect(nextState('in_progress', 'reassign')).toBe('assigned');
    expect(nextState('answered', 'reopen')).toBe('in_progress');
    expect(nextState('closed', 'reopen')).toBeNull();
    expect(nextState('assigned', 'merge')).toBe('merged');
    expect(nextState('answered', 'merge')).toBeNull();
    expect(nextState('submitted', 'answer')).toBeNull();
  });

  it('lets the receiving side work on and answer what it accepted, without an agency', () => {
    expect(nextState('accepted', 'start')).toBe('in_progress');
    expect(nextState('accepted', 'answer')).toBe('answered');
    expect(allowedActions('accepted')).toEqual(['refuse', 'assign', 'start', 'answer', 'merge']);
  });

  it('ends nowhere once refused, merged or closed, and offers exactly the allowed actions', () => {
    for (const end of ['refused', 'merged', 'closed'] as const) expect(allowedActions(end)).toEqual([]);
    expect(allowedActions('submitted')).toEqual(['accept', 'refuse', 'merge']);
    expect(allowedActions('answered')).toEqual(['reopen', 'close']);
    // Every state but the ends is reachable from "submitted".
    const reached = new Set<CaseState>(['submitted']);
    let frontier: CaseState[] = ['submitted'];
    while (frontier.length > 0) {
      const next = frontier
        .flatMap((s) => allowedActions(s).map((a) => nextState(s, a)!))
        .filter((s) => !reached.has(s));
      next.forEach((s) => reached.add(s));
      frontier = next;
    }
    expect([...reached].sort()).toEqual([...CASE_STATES].sort());
  });

  it('agrees with allowedActions for every state and action', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATES), fc.constantFrom(...CASE_ACTIONS), (state, action) => {
        expect(nextState(state, action) !== null).toBe(allowedActions(state).includes(action));
      }),
    );
  });
});

describe('disputes and ratings', () => {
  const answeredAt = '2026-12-01T03:00:00.000Z';
  it('lets the citizen dispute an answer once, within 7 days', () => {
    const c = { state: 'answered' as const, answeredAt, reopenCount: 0 };
    expect(mayDispute(c, new Date('2026-12-08T03:00:00.000Z'))).toBe(true);
    expect(mayDispute(c, new Date('2026-12-08T03:00:01.000Z'))).toBe(false);
    expect(mayDispute({ ...c, reopenCount: 1 }, new Date('2026-12-02T00:00:00.000Z'))).toBe(false);
    expect(mayDispute({ ...c, state: 'closed' }, new Date('2026-12-02T00:00:00.000Z'))).toBe(false);
  });
  it('takes one rating of an answered or closed case', () => {
    expect(mayRate({ state: 'answered', rating: null })).toBe(true);
    expect(mayRate({ state: 'closed', rating: null })).toBe(true);
    expect(mayRate({ state: 'closed', rating: 4 })).toBe(false);
    expect(mayRate({ state: 'in_progress', rating: null })).toBe(false);
  });
});

describe('Open311 statuses', () => {
  it('maps states to open/closed and transitions to mySociety update statuses', () => {
    expect(CASE_STATES.filter((s) => open311Status(s) === 'open')).toEqual([
      'submitted',
      'accepted',
      'assigned',
      'in_progress',
    ]);
    expect(open311UpdateStatus('answer')).toBe('FIXED');
    expect(open311UpdateStatus('merge')).toBe('DUPLICATE');
    expect(open311UpdateStatus('refuse', { notCompetent: true })).toBe('NOT_COUNCILS_RESPONSIBILITY');
    expect(open311UpdateStatus('refuse')).toBe('NO_FURTHER_ACTION');
    expect(open311UpdateStatus('reassign')).toBe('INTERNAL_REFERRAL');
  });
  it('lets a client only dispute or confirm, never move a case through the handlers’ states', () => {
    expect(actionForClientUpdate('REOPEN')).toBe('reopen');
    expect(actionForClientUpdate('FIXED')).toBe('close');
    expect(actionForClientUpdate('IN_PROGRESS')).toBeNull();
    expect(actionForClientUpdate('NOT_COUNCILS_RESPONSIBILITY')).toBeNull();
  });
});

describe('tracking codes', () => {
  it('are shaped like PAKN.20261128.0012 and grow past 9,999 a day', () => {
    expect(caseTrackingCode('2026-11-28', 12)).toBe('PAKN.20261128.0012');
    expect(caseTrackingCode('2026-11-28', 10_000)).toBe('PAKN.20261128.10000');
    expect(CASE_TRACKING_CODE_PATTERN.test(caseTrackingCode('2026-11-28', 1))).toBe(true);
    expect(() => caseTrackingCode('28/11/2026', 1)).toThrow();
    expect(() => caseTrackingCode('2026-11-28', 0)).toThrow();
  });
});
