import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingHours, isWorkingDay } from '../../../shared/time/working-time';
import type { AuditContext } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { createFakeClock } from '../../platform/clock';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { loadOfficialUnits } from '../geography/index';
import { createCalendarModule, type CalendarService } from './index';

const at = (local: string) => new Date(`${local}+07:00`);

const admin: Actor = {
  kind: 'user',
  user: { id: 'admin-80', name: 'Quản trị tỉnh', email: null, phone: null, locale: 'vi' },
  grants: [
    {
      role: 'province_admin',
      unitCode: '80',
      level: 'province',
      provinceCode: '80',
      communeCode: null,
      hamletId: null,
    },
  ],
  sessionId: 'session',
  csrfToken: 'csrf',
};
const ctx: AuditContext = { actor: admin, ip: null, requestId: null, at: '2026-03-01T02:00:00.000Z' };

/** Medium test on a real database: the calendar other modules count deadlines in follows the province's edits. */
describe('calendarFor', () => {
  let database: TestDatabase;
  let calendar: CalendarService;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadOfficialUnits(database.db, { provinces: ['80'] });
    calendar = createCalendarModule({ db: database.db, clock: createFakeClock('2026-03-01T02:00:00Z') });
  });
  afterAll(async () => database.destroy());

  it('is the national list with default hours for a province that changed nothing', async () => {
    const cal = await calendar.calendarFor('80');
    expect(addWorkingDays(cal, at('2026-02-13T10:00'), 2)).toEqual(at('2026-02-24T17:00'));
    expect(isWorkingDay(cal, '2026-01-10')).toBe(true);
  });

  it('counts a deadline across the days and hours the province edited', async () => {
    await calendar.setDay(
      admin,
      '80',
      '2026-03-09',
      { kind: 'holiday', nameVi: 'Nghỉ riêng', nameEn: 'Own day off' },
      ctx,
    );
    await calendar.setDay(
      admin,
      '80',
      '2026-03-14',
      { kind: 'workday', nameVi: 'Làm bù', nameEn: 'Make-up day' },
      ctx,
    );
    await calendar.setDay(
      admin,
      '80',
      '2026-04-30',
      { kind: 'cancelled', nameVi: 'Làm việc', nameEn: 'Worked' },
      ctx,
    );
    const cal = await calendar.calendarFor('80');
    // Friday 06/03 + 2 working days: Monday 09/03 is now off, so Tuesday 10 and Wednesday 11.
    expect(addWorkingDays(cal, at('2026-03-06T10:00'), 2)).toEqual(at('2026-03-11T17:00'));
    // Thursday 12/03 + 2: Friday 13 and the Saturday 14 made a working day.
    expect(addWorkingDays(cal, at('2026-03-12T10:00'), 2)).toEqual(at('2026-03-14T17:00'));
    expect(isWorkingDay(cal, '2026-04-30')).toBe(true);

    await calendar.setHours(
      admin,
      '80',
      { periods: [{ start: '08:00', end: '12:00' }], weekdays: [1, 2, 3, 4, 5] },
      ctx,
    );
    const shorter = await calendar.calendarFor('80');
    expect(addWorkingDays(shorter, at('2026-03-06T10:00'), 2)).toEqual(at('2026-03-11T12:00'));
    expect(addWorkingHours(shorter, at('2026-03-06T11:00'), 2)).toEqual(at('2026-03-10T09:00'));

    await calendar.removeDay(admin, '80', '2026-03-09', ctx);
    const restored = await calendar.calendarFor('80');
    expect(addWorkingDays(restored, at('2026-03-06T10:00'), 2)).toEqual(at('2026-03-10T12:00'));
  });

  it('leaves other provinces on the national calendar', async () => {
    const other = await calendar.calendarFor('79');
    expect(isWorkingDay(other, '2026-04-30')).toBe(false);
    expect(isWorkingDay(other, '2026-03-14')).toBe(false);
    expect(other.periods).toEqual([
      [450, 690],
      [810, 1020],
    ]);
  });

  it('describes a year with each entry’s origin', async () => {
    const year = await calendar.describeYear('80', 2026);
    expect(year.days.find((d) => d.day === '2026-04-30')).toMatchObject({
      origin: 'province',
      kind: 'cancelled',
      isWorkingDay: true,
      national: { kind: 'holiday' },
    });
    expect(year.days.find((d) => d.day === '2026-05-01')).toMatchObject({
      origin: 'national',
      isWorkingDay: false,
    });
    expect(year.hours).toMatchObject({ periods: [{ start: '08:00', end: '12:00' }], isDefault: false });
  });
});
