import { describe, expect, it } from 'vitest';
import {
  createBodyOf,
  DEFAULT_NOTIFIED_TO,
  draftOf,
  EMPTY_BREACH,
  findBreachErrors,
  findNotifyErrors,
  isoOfLocalInput,
  isLate,
  localInputOf,
  notifyBodyOf,
  updateBodyOf,
} from './breach-form';
import { breachOf } from './pages/test-fixtures';

const NOW = Date.parse('2026-12-05T07:00:00.000Z');
const FILLED = {
  ...EMPTY_BREACH,
  title: ' Lộ danh sách ',
  discoveredAt: '2026-12-04T08:30',
  description: 'Bảng tính bị chia sẻ.',
  dataCategories: ['phone' as const, 'name' as const],
  subjects: 'Thành viên tổ',
  contact: 'Trần Văn Minh',
};

describe('breach forms', () => {
  it('reads a datetime-local value as Vietnam time, whatever the device zone', () => {
    expect(isoOfLocalInput('2026-12-04T08:30')).toBe('2026-12-04T08:30:00+07:00');
    expect(Date.parse(isoOfLocalInput('2026-12-04T08:30')!)).toBe(Date.parse('2026-12-04T01:30:00Z'));
    expect(isoOfLocalInput('2026-02-30T08:30')).toBeNull();
    expect(isoOfLocalInput('04/12/2026 08:30')).toBeNull();
    expect(isoOfLocalInput('')).toBeNull();
    expect(localInputOf('2026-12-03T18:15:00.000Z')).toBe('2026-12-04T01:15');
  });

  it('checks a new breach as the server will', () => {
    const empty = findBreachErrors(EMPTY_BREACH, NOW);
    expect(Object.keys(empty).sort()).toEqual(
      ['contact', 'dataCategories', 'description', 'discoveredAt', 'subjects', 'title'].sort(),
    );
    expect(findBreachErrors(FILLED, NOW)).toEqual({});
    expect(findBreachErrors({ ...FILLED, discoveredAt: '2026-12-05T15:00' }, NOW).discoveredAt?.key).toBe(
      'form.errors.future',
    );
    expect(findBreachErrors({ ...FILLED, occurredAt: '2026-12-04T09:00' }, NOW).occurredAt?.key).toBe(
      'form.errors.occurredAfter',
    );
    expect(findBreachErrors({ ...FILLED, subjectsCount: '4,5' }, NOW).subjectsCount?.key).toBe(
      'form.errors.count',
    );
    expect(findBreachErrors({ ...FILLED, measures: 'ok' }, NOW).measures?.key).toBe('form.errors.text');
    expect(findBreachErrors({ ...FILLED, title: 'x'.repeat(201) }, NOW).title).toEqual({
      key: 'form.errors.tooLong',
      max: 200,
    });
  });

  it('sends instants with +07:00, categories in the contract’s order and empty optional fields as null', () => {
    expect(createBodyOf({ ...FILLED, subjectsCount: '12' }, '80')).toEqual({
      provinceCode: '80',
      discoveredAt: '2026-12-04T08:30:00+07:00',
      occurredAt: null,
      title: 'Lộ danh sách',
      description: 'Bảng tính bị chia sẻ.',
      dataCategories: ['name', 'phone'],
      subjects: 'Thành viên tổ',
      subjectsCount: 12,
      consequences: null,
      measures: null,
      contact: 'Trần Văn Minh',
    });
  });

  it('sends only what changed when completing a breach', () => {
    const breach = breachOf();
    const draft = draftOf(breach);
    expect(draft.discoveredAt).toBe('2026-12-01T08:30');
    expect(updateBodyOf(draft, breach)).toEqual({});
    expect(findBreachErrors(draft, NOW, breach.discoveredAt)).toEqual({});
    expect(
      updateBodyOf(
        { ...draft, measures: '', subjectsCount: '50', dataCategories: ['phone', 'email'] },
        breach,
      ),
    ).toEqual({ measures: null, subjectsCount: 50, dataCategories: ['phone', 'email'] });
  });

  it('asks for the reason only when the notification is after the deadline', () => {
    const breach = breachOf();
    const onTime = {
      notifiedAt: '2026-12-04T08:30',
      notifiedTo: DEFAULT_NOTIFIED_TO,
      reference: '',
      lateReason: '',
    };
    expect(isLate(onTime, breach)).toBe(false);
    expect(findNotifyErrors(onTime, breach, NOW)).toEqual({});
    expect(notifyBodyOf(onTime, breach)).toEqual({
      notification: {
        notifiedAt: '2026-12-04T08:30:00+07:00',
        notifiedTo: DEFAULT_NOTIFIED_TO,
        reference: null,
      },
    });
    const late = { ...onTime, notifiedAt: '2026-12-04T08:31' };
    expect(isLate(late, breach)).toBe(true);
    expect(findNotifyErrors(late, breach, NOW).lateReason?.key).toBe('notify.errors.lateReason');
    expect(findNotifyErrors({ ...onTime, notifiedAt: '2026-12-01T08:00' }, breach, NOW).notifiedAt?.key).toBe(
      'notify.errors.beforeDiscovery',
    );
  });
});
