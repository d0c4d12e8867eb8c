import { describe, expect, it } from 'vitest';
import { findPurpose } from '../../../shared/privacy/register';
import { en, vi } from './messages';
import {
  buildSupportRecord,
  chooseDefaults,
  draftFromRecord,
  EMPTY_CHOICES,
  findDraftProblems,
  isChecked,
  rememberChoices,
  toIsoWithOffset,
  toLocalDateTimeValue,
  unconfirmedNoteData,
  withNote,
  type TeamPlace,
} from './capture-form';

const binhPhu: TeamPlace = {
  teamId: 'team-binh-phu',
  teamName: 'Tổ CNSCĐ ấp Bình Phú',
  hamletId: 'h-binh-phu',
  communeCode: '27700',
  hamlets: [
    { id: 'h-binh-phu', name: 'Ấp Bình Phú' },
    { id: 'h-tan-hoa', name: 'Ấp Tân Hòa' },
  ],
};
const commune: TeamPlace = {
  teamId: 'team-commune',
  teamName: 'Tổ CNSCĐ xã',
  hamletId: null,
  communeCode: '27700',
  hamlets: [{ id: 'h-long-thanh', name: 'Ấp Long Thạnh' }],
};

describe('chooseDefaults', () => {
  it('starts a first-time member on their first team, its own hamlet, outcome done, time now', () => {
    const draft = chooseDefaults([binhPhu, commune], EMPTY_CHOICES, ['vneid_level2']);
    expect(draft).toMatchObject({
      teamId: 'team-binh-phu',
      hamletId: 'h-binh-phu',
      occurredAtLocal: '',
      services: [],
      outcome: 'done',
      ageBand: null,
      gender: null,
      consent: false,
    });
  });

  it('reuses the last team, the usual hamlet for it and the last services still offered', () => {
    const choices = {
      teamId: 'team-binh-phu',
      hamletByTeam: { 'team-binh-phu': 'h-tan-hoa' },
      services: ['vneid_level2', 'retired_code', 'payment_vietqr'],
    };
    const draft = chooseDefaults([commune, binhPhu], choices, [
      'vneid_level2',
      'payment_vietqr',
      'health_book',
    ]);
    expect(draft.teamId).toBe('team-binh-phu');
    expect(draft.hamletId).toBe('h-tan-hoa');
    expect(draft.services).toEqual(['vneid_level2', 'payment_vietqr']);
  });

  it('falls back when the remembered team or hamlet is gone, and gives a commune team its first hamlet', () => {
    const choices = { teamId: 'team-dissolved', hamletByTeam: { 'team-commune': 'h-gone' }, services: [] };
    expect(chooseDefaults([commune], choices, []).hamletId).toBe('h-long-thanh');
    expect(chooseDefaults([], choices, [])).toMatchObject({ teamId: '', hamletId: '' });
  });

  it('never carries the previous citizen into the next record', () => {
    const now = new Date('2026-11-28T02:00:00Z');
    const draft = {
      ...chooseDefaults([binhPhu], EMPTY_CHOICES, ['vneid_level2']),
      services: ['vneid_level2'],
    };
    const record = buildSupportRecord({ ...draft, ageBand: '60_plus', gender: 'female', consent: true }, now);
    const next = chooseDefaults([binhPhu], rememberChoices(EMPTY_CHOICES, record), ['vneid_level2']);
    expect(next.services).toEqual(['vneid_level2']);
    expect(next).toMatchObject({ ageBand: null, gender: null, consent: false, note: '' });
  });
});

describe('findDraftProblems and buildSupportRecord', () => {
  const now = new Date('2026-11-28T02:00:00Z');
  const base = chooseDefaults([binhPhu], EMPTY_CHOICES, []);

  it('asks for services, age band and gender before saving', () => {
    expect(findDraftProblems(base, now)).toEqual(['services', 'ageBand', 'gender']);
    expect(isChecked(base, now)).toBe(false);
  });

  it('refuses a duration outside 1–600 minutes and a time more than 10 minutes ahead', () => {
    const draft = { ...base, services: ['x'], ageBand: '18_39' as const, gender: 'male' as const };
    expect(findDraftProblems({ ...draft, durationMinutes: '0' }, now)).toEqual(['durationMinutes']);
    expect(findDraftProblems({ ...draft, durationMinutes: '2.5' }, now)).toEqual(['durationMinutes']);
    const later = toLocalDateTimeValue(new Date(now.getTime() + 11 * 60_000));
    expect(findDraftProblems({ ...draft, occurredAtLocal: later }, now)).toEqual(['occurredAt']);
    expect(findDraftProblems({ ...draft, durationMinutes: '15' }, now)).toEqual([]);
  });

  it('builds a record with a device-made uuidv7, an offset time and no empty optional fields', () => {
    const draft = {
      ...base,
      services: ['vneid_level2'],
      ageBand: '60_plus' as const,
      gender: 'female' as const,
    };
    const record = buildSupportRecord(draft, now);
    expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(record.occurredAt)).toBe(now.getTime());
    expect(record.occurredAt).toMatch(/[+-]\d{2}:\d{2}$/);
    expect(record).not.toHaveProperty('note');
    expect(record).not.toHaveProperty('durationMinutes');
    expect(record.person).toEqual({ ageBand: '60_plus', gender: 'female' });

    const again = buildSupportRecord({ ...draft, note: '  Kích hoạt VNeID  ', durationMinutes: '20' }, now);
    expect(again.id).not.toBe(record.id);
    expect(again).toMatchObject({ note: 'Kích hoạt VNeID', durationMinutes: 20 });
  });

  it('round-trips a refused record into an editable draft', () => {
    const draft = {
      ...base,
      services: ['a', 'b'],
      ageBand: '40_59' as const,
      gender: 'other' as const,
      note: 'n',
    };
    const record = buildSupportRecord(
      { ...draft, occurredAtLocal: toLocalDateTimeValue(new Date(now.getTime() - 3_600_000)) },
      now,
    );
    const edited = draftFromRecord(record);
    expect(edited).toMatchObject({ services: ['a', 'b'], ageBand: '40_59', gender: 'other', note: 'n' });
    expect(Date.parse(toIsoWithOffset(new Date(record.occurredAt)))).toBe(Date.parse(record.occurredAt));
  });
});

describe('personal data in the note', () => {
  const now = new Date('2026-11-28T02:00:00Z');
  const ready = {
    ...chooseDefaults([binhPhu], EMPTY_CHOICES, []),
    services: ['vneid_level2'],
    ageBand: '60_plus' as const,
    gender: 'female' as const,
  };

  it('holds the save until the member confirms what the warning found, and the record never carries it', () => {
    const phone = { ...ready, ...withNote(ready, 'Hẹn gọi lại 0912 345 678') };
    expect(findDraftProblems(phone, now)).toEqual(['notePersonalData']);
    expect(unconfirmedNoteData(phone)).toEqual(['phone']);

    const confirmed = { ...phone, noteKindsConfirmed: ['phone' as const] };
    expect(findDraftProblems(confirmed, now)).toEqual([]);
    const record = buildSupportRecord(confirmed, now);
    expect(record.note).toBe('Hẹn gọi lại 0912 345 678');
    expect(record).not.toHaveProperty('noteKindsConfirmed');
  });

  it('does not warn about dates, times, durations or amounts', () => {
    const plain = { ...ready, ...withNote(ready, 'Hẹn 05/12/2026 lúc 14:30, mất 45 phút, nộp 150.000 đ') };
    expect(findDraftProblems(plain, now)).toEqual([]);
  });

  it('asks again when a new kind is added or a confirmed one is removed and typed back', () => {
    let draft = { ...ready, ...withNote(ready, 'SĐT 0912345678') };
    draft = { ...draft, noteKindsConfirmed: ['phone'] };
    draft = { ...draft, ...withNote(draft, 'SĐT 0912345678, CCCD 079123456789') };
    expect(draft.noteKindsConfirmed).toEqual(['phone']);
    expect(unconfirmedNoteData(draft)).toEqual(['citizen_id']);

    draft = { ...draft, ...withNote(draft, 'Đã gọi') };
    expect(draft.noteKindsConfirmed).toEqual([]);
    draft = { ...draft, ...withNote(draft, 'Đã gọi 0912345678') };
    expect(findDraftProblems(draft, now)).toEqual(['notePersonalData']);
  });

  it('starts every new record and every fix of a refused one unconfirmed', () => {
    const record = buildSupportRecord(
      { ...ready, note: 'Gọi 0912345678', noteKindsConfirmed: ['phone'] },
      now,
    );
    expect(draftFromRecord(record).noteKindsConfirmed).toEqual([]);
    expect(findDraftProblems(draftFromRecord(record), now)).toContain('notePersonalData');
    expect(chooseDefaults([binhPhu], rememberChoices(EMPTY_CHOICES, record), []).noteKindsConfirmed).toEqual(
      [],
    );
  });
});

describe('the consent read on the capture page', () => {
  it('is the register’s consent text for support records, in both languages', () => {
    const { consent } = findPurpose('support_records');
    expect(vi.capture.consentText).toContain(consent?.text.vi);
    expect(en.capture.consentText).toContain(consent?.text.en);
  });
});
