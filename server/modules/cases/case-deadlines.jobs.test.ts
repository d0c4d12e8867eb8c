import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingHours, type WorkingCalendar } from '../../../shared/time/working-time';
import { createTestApp, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { buildAgency } from '../agencies/agencies.fixtures';
import { loadOfficialUnits } from '../geography/index';
import { COMMUNE_A, COMMUNE_B } from '../teams/teams.fixtures';
import { createCaseDeadlineJobs } from './case-deadlines.jobs';
import { insertTestCase } from './case-stats.fixtures';

/**
 * The deadline watch (issue 10) on the fake clock: a warning before the current step's deadline, an overdue flag
 * after it, each told once to the right people (agency handlers, the receiving unit, the supervisor), again only
 * for a new deadline.
 */
describe('case deadline job', () => {
  let t: TestApp;
  let calendar: WorkingCalendar;
  let jobs: ReturnType<typeof createCaseDeadlineJobs>;
  const users: Record<string, string> = {};
  let office: string;
  let department: string;

  beforeAll(async () => {
    t = await createTestApp({ PROVINCE_CODE: '80' });
    const db = t.database.db;
    await loadOfficialUnits(db, { provinces: ['80'] });
    // Monday 7 December 2026, 09:00 in Vietnam: inside working hours.
    t.clock.set('2026-12-07T02:00:00.000Z');
    office = await buildAgency(db, { communeCode: COMMUNE_A, name: 'UBND phường A' });
    department = await buildAgency(db, { name: 'Sở Xây dựng' });
    const specs = {
      officerA: { role: 'commune_officer', unitCode: COMMUNE_A },
      officerB: { role: 'commune_officer', unitCode: COMMUNE_B },
      dept: { role: 'department_officer', unitCode: '80' },
      admin: { role: 'province_admin', unitCode: '80' },
      officeHandler: { role: 'agency_handler', unitCode: COMMUNE_A, agencyId: office },
      deptHandler: { role: 'agency_handler', unitCode: '80', agencyId: department },
    } as const;
    for (const [key, grant] of Object.entries(specs))
      users[key] = (await buildUser(db, { grants: [grant] })).id;
    calendar = await t.built.services.calendar.calendarFor('80');
    jobs = createCaseDeadlineJobs({
      db,
      clock: t.clock,
      provinceCode: '80',
      calendarFor: t.built.services.calendar.calendarFor,
      deadlinesFor: t.built.services.agencies.settings.deadlinesFor,
    });
  });
  afterAll(async () => t.close());

  const told = async (caseCode: string) => {
    const rows = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('kind', '=', 'case')
      .where('title', 'like', `${caseCode}%`)
      .execute();
    const names = Object.fromEntries(Object.entries(users).map(([k, v]) => [v, k]));
    return rows.map((r) => `${names[r.user_id]}: ${r.title.slice(caseCode.length + 1)}`).sort();
  };

  it('warns and flags each case once, to the agency, the receiving unit and the supervisor', async () => {
    const db = t.database.db;
    const now = t.clock.now();
    const iso = (d: Date) => d.toISOString();
    const past = iso(new Date(now.getTime() - 86_400_000));
    const soon = await insertTestCase(db, {
      commune_code: COMMUNE_A,
      submitted_at: past,
      accept_due_at: iso(addWorkingHours(calendar, now, 2)),
    });
    const late = await insertTestCase(db, {
      commune_code: COMMUNE_B,
      submitted_at: past,
      accept_due_at: iso(new Date(now.getTime() - 3_600_000)),
    });
    const officeLate = await insertTestCase(db, {
      commune_code: COMMUNE_A,
      state: 'in_progress',
      agency_id: office,
      submitted_at: past,
      accept_due_at: past,
      accepted_at: past,
      handle_due_at: iso(new Date(now.getTime() - 600_000)),
    });
    // Warned about acceptance before it was accepted: the handling deadline is a new one.
    const deptSoon = await insertTestCase(db, {
      commune_code: COMMUNE_B,
      state: 'assigned',
      agency_id: department,
      submitted_at: past,
      accept_due_at: past,
      warned_at: iso(new Date(now.getTime() - 80_000_000)),
      accepted_at: iso(new Date(now.getTime() - 3_600_000)),
      handle_due_at: iso(addWorkingHours(calendar, now, 3)),
    });
    const far = await insertTestCase(db, {
      state: 'in_progress',
      agency_id: department,
      submitted_at: past,
      accept_due_at: past,
      accepted_at: past,
      handle_due_at: iso(addWorkingDays(calendar, now, 5)),
    });
    const closed = await insertTestCase(db, {
      state: 'closed',
      submitted_at: past,
      accept_due_at: past,
      accepted_at: past,
      handle_due_at: past,
    });

    expect(await jobs.run()).toEqual({ warned: 2, overdue: 2 });
    expect(await told(soon.code)).toEqual(['officerA: sắp đến hạn tiếp nhận']);
    expect(await told(late.code)).toEqual(['dept: đã quá hạn tiếp nhận', 'officerB: đã quá hạn tiếp nhận']);
    expect(await told(officeLate.code)).toEqual([
      'officeHandler: đã quá hạn xử lý',
      'officerA: đã quá hạn xử lý',
    ]);
    expect(await told(deptSoon.code)).toEqual(['deptHandler: sắp đến hạn xử lý']);
    expect(await told(far.code)).toEqual([]);
    expect(await told(closed.code)).toEqual([]);
    const events = await db
      .selectFrom('events')
      .select(['type', 'entity_id'])
      .where('type', 'in', ['case.overdue', 'case.deadline_warning'])
      .execute();
    expect(events).toHaveLength(4);
    expect(events).toContainEqual({ type: 'case.overdue', entity_id: late.id });

    expect(await jobs.run()).toEqual({ warned: 0, overdue: 0 });

    // Three working hours later the first case is past its acceptance deadline.
    t.clock.set(new Date(addWorkingHours(calendar, now, 3).getTime() + 60_000).toISOString());
    expect(await jobs.run()).toEqual({ warned: 0, overdue: 2 });
    expect(await told(soon.code)).toContain('dept: đã quá hạn tiếp nhận');
    expect(await told(deptSoon.code)).toEqual(
      ['deptHandler: sắp đến hạn xử lý', 'deptHandler: đã quá hạn xử lý', 'dept: đã quá hạn xử lý'].sort(),
    );

    // An approved extension moves the overdue case's deadline: it is warned, and later flagged, again.
    const later = addWorkingHours(calendar, t.clock.now(), 2).toISOString();
    await db.updateTable('cases').set({ handle_due_at: later }).where('id', '=', officeLate.id).execute();
    expect(await jobs.run()).toEqual({ warned: 1, overdue: 0 });
    expect(await told(officeLate.code)).toContain('officeHandler: sắp đến hạn xử lý');
    t.clock.set(new Date(Date.parse(later) + 60_000).toISOString());
    expect(await jobs.run()).toEqual({ warned: 0, overdue: 1 });
    expect((await told(officeLate.code)).filter((l) => l === 'officeHandler: đã quá hạn xử lý')).toHaveLength(
      2,
    );
  });
});
