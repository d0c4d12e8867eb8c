import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { parseHamletKind } from './hamlet-csv.parser';
import { loadOfficialUnits } from './official-units.loader';

const COMMUNE = '25459';

describe('hamlet CSV import', () => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  const importCsv = (who: Session, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/hamlets/import', headers: who.headers, payload });
  const countRows = async (table: 'hamlets' | 'hamlet_changes' | 'audit_log' | 'events') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    const o = await buildUser(t.database.db, { grants: [{ role: 'commune_officer', unitCode: COMMUNE }] });
    officer = await signIn(t.app, o.email, o.password);
    const a = await buildUser(t.database.db, { grants: [{ role: 'province_admin', unitCode: '80' }] });
    admin = await signIn(t.app, a.email, a.password);
    for (const [name, localCode] of [
      ['Ấp Có Sẵn', null],
      ['Ấp Có Mã', 'M1'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/hamlets',
        headers: admin.headers,
        payload: { communeCode: COMMUNE, name, kind: 'ap', localCode },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => t.close());

  const mixedFile = [
    'commune_code,name,kind,local_code',
    '25459,Ấp Một,ấp,',
    '25459,"Khu Phố Hai, Khu A",KHU PHỐ,KP2',
    '',
    '99999,Ấp Ba,ap,',
    '27712,Ấp Bốn,ap,',
    '25459,,ap,',
    '25459,Ấp Năm,village,',
    '25459,ap mot,thôn,',
    '25459,Ấp Có Sẵn,ap,',
    '25459,Ấp Có Mã,ap,M2',
    '25459,Tổ 7,Tổ dân phố,',
  ].join('\r\n');

  it('previews each row with its action and errors, writing nothing', async () => {
    const before = await Promise.all([countRows('hamlets'), countRows('audit_log'), countRows('events')]);
    const res = await importCsv(officer, { csv: mixedFile, dryRun: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.dryRun).toBe(true);
    expect(body.summary).toEqual({ create: 3, update: 1, skip: 1, error: 5 });
    const brief = body.rows.map((r: { line: number; action: string; errors: { field: string }[] }) => [
      r.line,
      r.action,
      r.errors.map((e) => e.field),
    ]);
    expect(brief).toEqual([
      [2, 'create', []],
      [3, 'create', []],
      [5, 'error', ['commune_code']],
      [6, 'error', ['commune_code']],
      [7, 'error', ['name']],
      [8, 'error', ['kind']],
      [9, 'error', ['name']],
      [10, 'skip', []],
      [11, 'update', []],
      [12, 'create', []],
    ]);
    expect(body.rows[1]).toMatchObject({
      communeCode: COMMUNE,
      name: 'Khu Phố Hai, Khu A',
      kind: 'khu_pho',
      localCode: 'KP2',
    });
    expect(body.rows[3].errors[0]).toMatchObject({
      message: 'This commune is outside your area.',
      messageVi: expect.any(String),
    });
    expect(body.rows[6].errors[0].message).toBe('Same hamlet as line 2.');
    expect(body.rows[9]).toMatchObject({ kind: 'to_dan_pho', action: 'create' });
    expect(await Promise.all([countRows('hamlets'), countRows('audit_log'), countRows('events')])).toEqual(
      before,
    );
  });

  it('refuses a real import with any error row whole: 400 with the rows, nothing written', async () => {
    const before = await Promise.all([
      countRows('hamlets'),
      countRows('hamlet_changes'),
      countRows('audit_log'),
    ]);
    const res = await importCsv(officer, { csv: mixedFile, dryRun: false });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toHaveLength(10);
    expect(error.details[2]).toMatchObject({
      path: 'rows.2',
      line: 5,
      action: 'error',
      message: expect.stringContaining('Line 5'),
      messageVi: expect.stringContaining('Dòng 5'),
      errors: [expect.objectContaining({ field: 'commune_code' })],
    });
    expect(error.details[0]).toMatchObject({ path: 'rows.0', line: 2, action: 'create', name: 'Ấp Một' });
    expect(
      await Promise.all([countRows('hamlets'), countRows('hamlet_changes'), countRows('audit_log')]),
    ).toEqual(before);
  });

  it('imports a clean file in one go, then skips it the second time', async () => {
    const csv = [
      'name,kind,local_code',
      'Ấp Một,ấp,',
      'Khu Phố Hai,khu_pho,KP2',
      'Ấp Có Sẵn,Ấp,',
      'Ấp Có Mã,ap,M2',
    ].join('\n');
    const res = await importCsv(officer, { csv, dryRun: false, communeCode: COMMUNE });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, summary: { create: 2, update: 1, skip: 1, error: 0 } });

    const hamlets = await t.database.db
      .selectFrom('hamlets')
      .select(['id', 'name', 'kind', 'local_code', 'status'])
      .where('commune_code', '=', COMMUNE)
      .execute();
    expect(hamlets.map((h) => [h.name, h.kind, h.local_code, h.status]).sort()).toEqual([
      ['Khu Phố Hai', 'khu_pho', 'KP2', 'active'],
      ['Ấp Có Mã', 'ap', 'M2', 'active'],
      ['Ấp Có Sẵn', 'ap', null, 'active'],
      ['Ấp Một', 'ap', null, 'active'],
    ]);
    const created = hamlets.find((h) => h.name === 'Ấp Một')!;
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/hamlets/${created.id}` })).json();
    expect(detail.history).toEqual([expect.objectContaining({ change: 'imported' })]);
    const updated = hamlets.find((h) => h.name === 'Ấp Có Mã')!;
    const updatedDetail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/hamlets/${updated.id}` })
    ).json();
    expect(updatedDetail.history.at(-1)).toMatchObject({ change: 'updated', before: { localCode: 'M1' } });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'hamlets.imported')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ commune_code: COMMUNE, province_code: '80' });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      created: expect.arrayContaining([created.id]),
      updated: [updated.id],
      skipped: 1,
    });
    const events = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('type', '=', 'hamlets.imported')
      .execute();
    expect(events).toHaveLength(1);

    const again = await importCsv(officer, { csv, dryRun: false, communeCode: COMMUNE });
    expect(again.json().summary).toEqual({ create: 0, update: 0, skip: 4, error: 0 });
  });

  it('restores leading zeros Excel dropped and lets a row name its own commune', async () => {
    const res = await importCsv(admin, {
      csv: 'commune_code,name,kind\n27712,Ấp Zê Rô,ap\n,Ấp Mặc Định,ap\n',
      dryRun: true,
      communeCode: COMMUNE,
    });
    expect(res.json().rows.map((r: { communeCode: string }) => r.communeCode)).toEqual(['27712', COMMUNE]);
    const padded = await importCsv(admin, { csv: 'commune_code,name,kind\n2320,Ấp Xa,ap\n', dryRun: true });
    expect(padded.json().rows[0]).toMatchObject({ communeCode: '02320', action: 'error' });
  });

  it('rejects unusable files with 400 or 413 in the error shape', async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ csv: 'commune_code,name\n25459,Ấp A\n', dryRun: true }, 400],
      [{ csv: 'name,kind\nẤp A,ap\n', dryRun: true }, 400],
      [{ csv: 'commune_code,name,kind\n', dryRun: true }, 400],
      [{ csv: '', dryRun: true }, 400],
      [{ csv: 'name,kind\n', dryRun: 'yes', communeCode: COMMUNE }, 400],
      [{ csv: 'name,kind\nẤp A,ap\n', dryRun: true, communeCode: '123' }, 400],
      [{ csv: `name,kind\n${'Ấp Dài,ap\n'.repeat(90_000)}`, dryRun: true, communeCode: COMMUNE }, 413],
    ];
    for (const [payload, status] of cases) {
      const res = await importCsv(officer, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(status);
      expect(res.json().error.code).toBe(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION');
    }
  });

  it('reads kinds as codes or Vietnamese words, ignoring case and diacritics', () => {
    expect(['ap', 'Ấp', 'ẤP', 'ấp'].map(parseHamletKind)).toEqual(['ap', 'ap', 'ap', 'ap']);
    expect(['khu phố', 'Khu Pho', 'khu_pho'].map(parseHamletKind)).toEqual(['khu_pho', 'khu_pho', 'khu_pho']);
    expect(['thôn', 'Tổ dân phố', 'TO DAN PHO', 'khác', 'other'].map(parseHamletKind)).toEqual([
      'thon',
      'to_dan_pho',
      'to_dan_pho',
      'other',
      'other',
    ]);
    expect(['', 'village', 'khu'].map(parseHamletKind)).toEqual([null, null, null]);
  });
});
