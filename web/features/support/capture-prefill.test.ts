import { describe, expect, it } from 'vitest';
import {
  buildSupportRecord,
  chooseDefaults,
  draftFromRecord,
  EMPTY_CHOICES,
  prefillDraft,
  type CheckedDraft,
  type TeamPlace,
} from './capture-form';
import { captureForHelpRequestPath, readCaptureView } from './paths';

const TEAMS: TeamPlace[] = [
  {
    teamId: 't1',
    teamName: 'Tổ 1',
    hamletId: 'h1',
    communeCode: '25459',
    hamlets: [
      { id: 'h1', name: 'KP 1' },
      { id: 'h2', name: 'KP 2' },
    ],
  },
  {
    teamId: 't2',
    teamName: 'Tổ 2',
    hamletId: 'h3',
    communeCode: '25460',
    hamlets: [{ id: 'h3', name: 'KP 3' }],
  },
];
const REQUEST = '0190f0b0-0000-7000-8000-000000000001';

describe('recording the help a help request asked for (issue 11)', () => {
  it('reads the request, its team, hamlet and service from the capture page’s address', () => {
    const href = captureForHelpRequestPath({
      helpRequestId: REQUEST,
      teamId: 't2',
      hamletId: 'h3',
      serviceCode: 'vneid_level2',
    });
    expect(href).toBe(`/capture#help=${REQUEST}&team=t2&hamlet=h3&service=vneid_level2`);
    const url = new URL(href, 'http://app.test');
    expect(readCaptureView(url)).toEqual({
      name: 'form',
      editId: null,
      prefill: { helpRequestId: REQUEST, teamId: 't2', hamletId: 'h3', serviceCode: 'vneid_level2' },
    });
    expect(readCaptureView({ pathname: '/capture', hash: '#help=' })).toEqual({ name: 'form', editId: null });
    expect(readCaptureView({ pathname: '/capture', hash: '#outbox' })).toEqual({ name: 'outbox' });
  });

  it('starts the draft in the request’s team, hamlet and service, and the record names the request', () => {
    const base = chooseDefaults(TEAMS, EMPTY_CHOICES, ['vneid_level2', 'payment_bank_app']);
    expect(base).toMatchObject({ teamId: 't1', helpRequestId: null });
    const draft = prefillDraft(
      base,
      TEAMS,
      { helpRequestId: REQUEST, teamId: 't2', hamletId: 'h3', serviceCode: 'vneid_level2' },
      ['vneid_level2', 'payment_bank_app'],
    );
    expect(draft).toMatchObject({
      teamId: 't2',
      hamletId: 'h3',
      services: ['vneid_level2'],
      helpRequestId: REQUEST,
    });
    const record = buildSupportRecord(
      { ...draft, ageBand: '60_plus', gender: 'female' } as CheckedDraft,
      new Date('2026-12-08T02:00:00.000Z'),
    );
    expect(record.helpRequestId).toBe(REQUEST);
    // A refused record being fixed keeps the request it completes.
    expect(draftFromRecord(record).helpRequestId).toBe(REQUEST);
    // Without a request, the record names none.
    const plain = buildSupportRecord(
      { ...base, services: ['vneid_level2'], ageBand: '60_plus', gender: 'female' } as CheckedDraft,
      new Date('2026-12-08T02:00:00.000Z'),
    );
    expect('helpRequestId' in plain).toBe(false);
  });

  it('keeps the member’s own team when the request’s team is not theirs, and drops a retired service', () => {
    const base = chooseDefaults(TEAMS, EMPTY_CHOICES, ['payment_bank_app']);
    const draft = prefillDraft(
      base,
      TEAMS,
      { helpRequestId: REQUEST, teamId: 'other', hamletId: 'hX', serviceCode: 'vneid_level2' },
      ['payment_bank_app'],
    );
    expect(draft).toMatchObject({ teamId: 't1', hamletId: 'h1', services: [], helpRequestId: REQUEST });
  });
});
