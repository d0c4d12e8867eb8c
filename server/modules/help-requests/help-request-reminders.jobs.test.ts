import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database';
import { act, COMMUNE_B, createHelpWorld, fileRequest, type HelpWorld } from './help-requests.fixtures';

/**
 * "Nobody has called within 2 working days" (issue 11) on the fake clock: the team's leaders and the commune's
 * officers are told once; weekends and public holidays do not count; a call (scheduling) stops the reminder.
 */
describe(`help-request reminders on ${testDialect()}`, () => {
  let w: HelpWorld;
  beforeAll(async () => {
    w = await createHelpWorld();
  });
  afterAll(async () => w.close());

  const run = () => w.t.built.services.helpRequests.reminders.run();
  const toldAbout = async (code: string) =>
    (
      await w.t.database.db
        .selectFrom('notifications')
        .select('user_id')
        .where('title', 'like', `Chưa ai gọi lại%${code}`)
        .execute()
    )
      .map((r) => Object.entries(w.users).find(([, id]) => id === r.user_id)?.[0])
      .sort();

  it('skips the weekend: filed on Friday, reminded after Tuesday’s close, once', async () => {
    // Friday 11 December 2026, 10:00 in Vietnam.
    w.t.clock.set('2026-12-11T03:00:00.000Z');
    const late = await fileRequest(w, { hamletId: w.h1 });
    const called = await fileRequest(w, { hamletId: w.h1 });
    expect(late.callDueAt).toBe('2026-12-15T10:00:00.000Z');
    await act(w, 'L1', called.id, { action: 'assign', memberId: w.members.M1 });
    await act(w, 'M1', called.id, { action: 'schedule', scheduledFor: '2026-12-16T09:00:00+07:00' });

    // Monday 18:00: one working day has passed.
    w.t.clock.set('2026-12-14T11:00:00.000Z');
    expect(await run()).toEqual({ reminded: 0 });
    // Tuesday 16:59: not yet.
    w.t.clock.set('2026-12-15T09:59:00.000Z');
    expect(await run()).toEqual({ reminded: 0 });
    // Tuesday 17:01.
    w.t.clock.set('2026-12-15T10:01:00.000Z');
    expect(await run()).toEqual({ reminded: 1 });
    expect(await toldAbout(late.code)).toEqual(['L1', 'OA']);
    expect(await toldAbout(called.code)).toEqual([]);
    expect(await run()).toEqual({ reminded: 0 });
    expect(await toldAbout(late.code)).toEqual(['L1', 'OA']);
  });

  it('skips a public holiday (New Year’s Day) and tells the commune officers of a request in their queue', async () => {
    // Thursday 31 December 2026, 10:00; Friday 1 January 2027 is a holiday.
    w.t.clock.set('2026-12-31T03:00:00.000Z');
    const r = await fileRequest(w, { communeCode: COMMUNE_B });
    expect(r.callDueAt).toBe('2027-01-05T10:00:00.000Z');
    // Monday 4 January 18:00: one working day has passed (Friday was a holiday).
    w.t.clock.set('2027-01-04T11:00:00.000Z');
    expect(await run()).toEqual({ reminded: 0 });
    w.t.clock.set('2027-01-05T10:30:00.000Z');
    expect(await run()).toEqual({ reminded: 1 });
    expect(await toldAbout(r.code)).toEqual(['OB']);
  });

  it('counts a province’s own day off from its calendar', async () => {
    const db = w.t.database.db;
    // Monday 11 January 2027 declared a day off in the province.
    await db
      .insertInto('calendar_days')
      .values({
        province_code: '80',
        day: '2027-01-11',
        kind: 'holiday',
        name_vi: 'Nghỉ bù của tỉnh',
        name_en: 'Province day off',
        created_by: null,
        created_at: '2027-01-01T00:00:00.000Z',
      })
      .execute();
    // Friday 8 January 2027, 10:00.
    w.t.clock.set('2027-01-08T03:00:00.000Z');
    const r = await fileRequest(w, { hamletId: w.h1 });
    expect(r.callDueAt).toBe('2027-01-13T10:00:00.000Z');
  });
});
