import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_TRACKING_CODE_PATTERN } from '../../../shared/rules/case-workflow';
import { createFakeClock } from '../../platform/clock';
import { testDialect } from '../../test/database';
import { buildHamlet, COMMUNE_A, COMMUNE_B } from '../teams/teams.fixtures';
import {
  anonymousCtx,
  createIntakeWorld,
  createTestCasesModule,
  type IntakeWorld,
  POINT_B,
  POINT_OUTSIDE,
  refusal,
  reportInput,
} from './cases.fixtures';

/**
 * Case intake (the service, without HTTP): what a stored report carries, the day's numbering, resends, and where a
 * report is placed — or refused for its category or place.
 */
describe(`case intake on ${testDialect()}`, () => {
  let w: IntakeWorld;

  beforeAll(async () => {
    w = await createIntakeWorld();
  });
  afterAll(async () => w.close());

  it('stores a report with its code, deadline, commune from the pin, timeline entry, audit row and event', async () => {
    const input = reportInput();
    const r = await w.m.intake.createCase(input, w.ctx());
    expect(r.status).toBe('created');
    expect(r.code).toMatch(CASE_TRACKING_CODE_PATTERN);
    expect(r.code.startsWith('PAKN.20261201.')).toBe(true);
    // 8 working hours from 09:00 on a Tuesday: the next morning (the lunch break does not count).
    expect(r.acceptDueAt > '2026-12-01T10:00:00.000Z').toBe(true);
    expect(r.reporterToken!.length).toBeGreaterThanOrEqual(20);
    const row = await w.database.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      commune_code: COMMUNE_A,
      state: 'submitted',
      severity: 'normal',
      title: input.description,
      public_description: input.description,
      reporter_name: null,
      reporter_phone: null,
    });
    expect(row.published_at).toBe(row.submitted_at);
    expect(row.reporter_token_hash).not.toContain(r.reporterToken!);
    const db = w.database.db;
    expect(
      await db
        .selectFrom('case_updates')
        .select(['kind', 'to_state', 'public'])
        .where('case_id', '=', input.id)
        .execute(),
    ).toEqual([{ kind: 'transition', to_state: 'submitted', public: 1 }]);
    expect(
      (await db.selectFrom('audit_log').select('action').where('entity_id', '=', input.id).execute()).map(
        (a) => a.action,
      ),
    ).toEqual(['case.submitted']);
    expect(
      (await db.selectFrom('events').select('type').where('entity_id', '=', input.id).execute()).map(
        (e) => e.type,
      ),
    ).toEqual(['case.submitted']);
  });

  it('numbers the day’s cases one after another, and restarts the next local day', async () => {
    const a = await w.m.intake.createCase(reportInput(), w.ctx());
    const b = await w.m.intake.createCase(reportInput(), w.ctx());
    expect(Number(b.code.slice(-4))).toBe(Number(a.code.slice(-4)) + 1);
    const later = createFakeClock('2026-12-01T17:30:00.000Z'); // 00:30 on 2 December in Vietnam
    const other = createTestCasesModule({
      db: w.database.db,
      dialect: w.database.dialect,
      clock: later,
      storage: w.files.storage,
    });
    expect((await other.intake.createCase(reportInput(), anonymousCtx(later))).code).toBe(
      'PAKN.20261202.0001',
    );
  });

  it('answers a resend with the same case, and refuses other content under the same id', async () => {
    const input = reportInput();
    const first = await w.m.intake.createCase(input, w.ctx());
    const again = await w.m.intake.createCase({ ...input, description: `  ${input.description} ` }, w.ctx());
    expect(again).toEqual({
      status: 'duplicate',
      caseId: first.caseId,
      code: first.code,
      state: 'submitted',
      acceptDueAt: first.acceptDueAt,
    });
    const changed = await refusal(
      w.m.intake.createCase({ ...input, description: 'Một nội dung khác hẳn lần trước.' }, w.ctx()),
    );
    expect(changed.code).toBe('CONFLICT');
    expect(changed.messageVi).toContain('nội dung khác');
    // Concurrent resends: one case, both answered with it.
    const racer = reportInput();
    const both = await Promise.all([
      w.m.intake.createCase(racer, w.ctx()),
      w.m.intake.createCase(racer, w.ctx()),
    ]);
    expect(both.map((x) => x.status).sort()).toEqual(['created', 'duplicate']);
    expect(
      await w.database.db.selectFrom('cases').select('id').where('id', '=', racer.id).execute(),
    ).toHaveLength(1);
  });

  it('refuses a category that does not serve the kind, a place outside the province, and a report without a place', async () => {
    expect(
      (await refusal(w.m.intake.createCase(reportInput({ categoryCode: 'procedures' }), w.ctx())))
        .details?.[0]?.path,
    ).toBe('body.categoryCode');
    expect((await refusal(w.m.intake.createCase(reportInput({ categoryCode: 'nope' }), w.ctx()))).code).toBe(
      'VALIDATION',
    );
    const outside = await refusal(
      w.m.intake.createCase(reportInput({ location: { ...POINT_OUTSIDE } }), w.ctx()),
    );
    expect(outside.details?.[0]).toMatchObject({ path: 'body.location' });
    expect(outside.details?.[0]?.messageVi).toContain('ngoài tỉnh');
    expect(
      (await refusal(w.m.intake.createCase(reportInput({ location: null }), w.ctx()))).details?.[0]?.path,
    ).toBe('body.location');
    // A petition needs no place.
    const petition = await w.m.intake.createCase(
      reportInput({ kind: 'petition', categoryCode: 'procedures', location: null }),
      w.ctx(),
    );
    const row = await w.database.db
      .selectFrom('cases')
      .select(['published_at', 'commune_code'])
      .where('id', '=', petition.caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ published_at: null, commune_code: null });
  });

  it('places a report by commune and hamlet when there is no GPS, and refuses a hamlet of another commune', async () => {
    const hamlet = await buildHamlet(w.database.db, COMMUNE_B);
    const ok = await w.m.intake.createCase(
      reportInput({
        location: null,
        communeCode: COMMUNE_B,
        hamletId: hamlet.id,
        addressText: 'Số 5 đường 30/4',
      }),
      w.ctx(),
    );
    expect(ok.status).toBe('created');
    const bad = await refusal(
      w.m.intake.createCase(
        reportInput({ location: null, communeCode: COMMUNE_A, hamletId: hamlet.id }),
        w.ctx(),
      ),
    );
    expect(bad.details?.[0]?.path).toBe('body.hamletId');
    expect(
      (await refusal(w.m.intake.createCase(reportInput({ location: null, communeCode: '00001' }), w.ctx())))
        .details?.[0]?.path,
    ).toBe('body.communeCode');
    const pinB = await w.m.intake.createCase(reportInput({ location: { ...POINT_B } }), w.ctx());
    expect(
      (
        await w.database.db
          .selectFrom('cases')
          .select('commune_code')
          .where('id', '=', pinB.caseId)
          .executeTakeFirstOrThrow()
      ).commune_code,
    ).toBe(COMMUNE_B);
  });
});
