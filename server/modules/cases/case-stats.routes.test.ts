import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingMinutesBetween } from '../../../shared/time/working-time';
import type { Sealed } from '../../db/schema';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { buildAgency } from '../agencies/agencies.fixtures';
import { loadOfficialUnits } from '../geography/index';
import { COMMUNE_A, COMMUNE_B } from '../teams/teams.fixtures';
import { createCaseExport } from './case-export';
import { createCaseStatsRepository } from './case-stats.repository';
import { insertTestCase } from './case-stats.fixtures';

/**
 * Supervisors' statistics and exports (issue 10): aggregated inside the caller's cases.supervise scope, on-time
 * rates against the stored deadlines, medians in working hours, satisfaction; the exports list the same cases,
 * page by page, without the reporter's contact.
 */
describe('case statistics', () => {
  let t: TestApp;
  let dept: Session;
  let officerA: Session;
  let handler: Session;
  let member: Session;
  let office: string;
  const codes: Record<string, string> = {};
  let expectedMedianAccept = 0;

  beforeAll(async () => {
    t = await createTestApp({ PROVINCE_CODE: '80' });
    const db = t.database.db;
    await loadOfficialUnits(db, { provinces: ['80'] });
    t.clock.set('2026-12-07T02:00:00.000Z');
    office = await buildAgency(db, { communeCode: COMMUNE_A, name: 'UBND phường A' });
    const users = await Promise.all([
      buildUser(db, { grants: [{ role: 'department_officer', unitCode: '80' }] }),
      buildUser(db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE_A }] }),
      buildUser(db, { grants: [{ role: 'agency_handler', unitCode: COMMUNE_A, agencyId: office }] }),
      buildUser(db, { grants: [{ role: 'team_member', unitCode: COMMUNE_A }] }),
    ]);
    [dept, officerA, handler, member] = (await Promise.all(
      users.map((u) => signIn(t.app, u.email, u.password)),
    )) as [Session, Session, Session, Session];

    // Monday 2 November 09:00 local, accepted an hour later, answered on time, rated 5.
    codes.onTime = (
      await insertTestCase(db, {
        commune_code: COMMUNE_A,
        agency_id: office,
        state: 'closed',
        submitted_at: '2026-11-02T02:00:00.000Z',
        accept_due_at: '2026-11-03T02:00:00.000Z',
        accepted_at: '2026-11-02T03:00:00.000Z',
        handle_due_at: '2026-11-16T10:00:00.000Z',
        answered_at: '2026-11-10T03:00:00.000Z',
        closed_at: '2026-11-12T03:00:00.000Z',
        rating: 5,
        reporter_email: 'sealed-reporter@example.vn' as Sealed,
        reporter_name: 'Nguyễn Văn Bí Mật' as Sealed,
      })
    ).code;
    // Tuesday 3 November: accepted a day late and answered late, rated 2.
    codes.late = (
      await insertTestCase(db, {
        commune_code: COMMUNE_A,
        agency_id: office,
        category_code: 'waste',
        state: 'answered',
        submitted_at: '2026-11-03T02:00:00.000Z',
        accept_due_at: '2026-11-03T09:00:00.000Z',
        accepted_at: '2026-11-04T02:00:00.000Z',
        handle_due_at: '2026-11-18T10:00:00.000Z',
        answered_at: '2026-11-20T03:00:00.000Z',
        rating: 2,
      })
    ).code;
    codes.waiting = (
      await insertTestCase(db, {
        commune_code: COMMUNE_B,
        submitted_at: '2026-10-05T02:00:00.000Z',
        accept_due_at: '2026-10-05T09:00:00.000Z',
      })
    ).code;
    codes.refused = (
      await insertTestCase(db, {
        commune_code: COMMUNE_A,
        category_code: 'other',
        state: 'refused',
        submitted_at: '2026-11-20T02:00:00.000Z',
        accept_due_at: '2026-11-20T09:00:00.000Z',
      })
    ).code;
    await insertTestCase(db, {
      kind: 'proposal',
      category_code: 'proposal_devices',
      commune_code: COMMUNE_A,
      submitted_at: '2026-11-05T02:00:00.000Z',
      accept_due_at: '2026-11-05T09:00:00.000Z',
    });
    await insertTestCase(db, {
      commune_code: COMMUNE_A,
      submitted_at: '2025-01-05T02:00:00.000Z',
      accept_due_at: '2025-01-05T09:00:00.000Z',
    });

    const calendar = await t.built.services.calendar.calendarFor('80');
    const minutes = (a: string, b: string) => workingMinutesBetween(calendar, new Date(a), new Date(b));
    expectedMedianAccept =
      (minutes('2026-11-02T02:00:00.000Z', '2026-11-02T03:00:00.000Z') +
        minutes('2026-11-03T02:00:00.000Z', '2026-11-04T02:00:00.000Z')) /
      2 /
      60;
  });
  afterAll(async () => t.close());

  const get = (url: string, s: Session | null) =>
    t.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
  const PERIOD = 'from=2026-10-01&to=2026-12-07';

  it('counts the province’s cases for a department officer', async () => {
    const res = await get(`/api/v1/case-stats?${PERIOD}`, dept);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ total: 4, open: 1, overdueOpen: 1 });
    expect(
      Object.fromEntries(
        s.byState
          .filter((x: { count: number }) => x.count > 0)
          .map((x: { state: string; count: number }) => [x.state, x.count]),
      ),
    ).toEqual({
      submitted: 1,
      answered: 1,
      closed: 1,
      refused: 1,
    });
    expect(s.byCommune).toEqual([
      expect.objectContaining({ code: COMMUNE_A, count: 3 }),
      expect.objectContaining({ code: COMMUNE_B, count: 1 }),
    ]);
    expect(s.byAgency).toContainEqual({ agencyId: office, name: 'UBND phường A', count: 2 });
    expect(s.byCategory[0]).toMatchObject({ code: 'roads', count: 2 });
    expect(s.byMonth).toEqual([
      { month: '2026-10', submitted: 1, answered: 0 },
      { month: '2026-11', submitted: 3, answered: 2 },
      { month: '2026-12', submitted: 0, answered: 0 },
    ]);
    expect(s.acceptOnTime).toEqual({ done: 2, onTime: 1, rate: 0.5 });
    expect(s.answerOnTime).toEqual({ done: 2, onTime: 1, rate: 0.5 });
    expect(s.medianHoursToAccept).toBeCloseTo(expectedMedianAccept, 1);
    expect(s.medianHoursToAnswer).toBeGreaterThan(0);
    expect(s.satisfaction).toEqual({
      count: 2,
      mean: 3.5,
      byRating: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: rating === 2 || rating === 5 ? 1 : 0 })),
    });
  });

  it('keeps a commune officer to its commune and refuses callers without cases.supervise', async () => {
    expect((await get(`/api/v1/case-stats?${PERIOD}`, officerA)).json()).toMatchObject({ total: 3, open: 0 });
    expect((await get(`/api/v1/case-stats?${PERIOD}&commune=${COMMUNE_B}`, officerA)).json().total).toBe(0);
    expect((await get(`/api/v1/case-stats?${PERIOD}&category=waste`, dept)).json().total).toBe(1);
    expect((await get(`/api/v1/case-stats?${PERIOD}&agency=${office}`, dept)).json().total).toBe(2);
    expect((await get(`/api/v1/case-stats?${PERIOD}`, handler)).statusCode).toBe(403);
    expect((await get(`/api/v1/case-stats.csv?${PERIOD}`, member)).statusCode).toBe(403);
    expect((await get(`/api/v1/case-stats.xlsx?${PERIOD}`, null)).statusCode).toBe(401);
    expect((await get('/api/v1/case-stats?from=2026-12-01&to=2026-11-01', dept)).json().error.code).toBe(
      'VALIDATION',
    );
    expect((await get('/api/v1/case-stats', dept)).json().byMonth).toHaveLength(12);
  });

  it('exports the same cases as CSV and XLSX, without the reporter', async () => {
    const csv = await get(`/api/v1/case-stats.csv?${PERIOD}`, officerA);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Mã phản ánh,Loại,Thời điểm gửi/);
    expect(lines[1]).toContain(codes.onTime);
    expect(lines[1]).toContain('02/11/2026 09:00');
    expect(lines[2]).toMatch(/Không/);
    expect(csv.body).not.toContain('sealed-reporter');
    expect(csv.body).not.toContain('Bí Mật');

    const xlsx = await get(`/api/v1/case-stats.xlsx?${PERIOD}`, dept);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã phản ánh');
    const exported = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(1).value);
    expect(exported).toEqual([codes.waiting, codes.onTime, codes.late, codes.refused]);
  });

  it('pages the export by (submitted_at, id), each case once', async () => {
    const repo = createCaseStatsRepository(t.database.db);
    const exporter = createCaseExport({ stats: repo, pageSize: 1 });
    const f = t.built.services.cases.stats.filterOf(
      {
        kind: 'apiKey',
        keyId: 'k',
        name: 'k',
        scopes: [],
        grants: [
          {
            role: 'department_officer',
            unitCode: '80',
            level: 'province',
            provinceCode: '80',
            communeCode: null,
            hamletId: null,
          },
        ],
      },
      { from: '2026-10-01', to: '2026-12-07' },
    );
    let text = '';
    for await (const chunk of exporter.csv(f, f.provinces)) text += chunk;
    const found = Object.values(codes).map((code) => text.split(code).length - 1);
    expect(found).toEqual([1, 1, 1, 1]);
  });
});
