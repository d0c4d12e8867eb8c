import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED_EXTENSIONS } from '../app';
import { DEMO_ACCOUNT_SPECS, DEMO_COMMUNE_CODE } from '../modules/demo/demo-accounts.data';
import { seedDemoProvince } from '../modules/demo/index';
import { loadOfficialUnits } from '../modules/geography/index';
import { createTestApp, signIn, testSealer, type TestApp } from './app';
import { testDialect } from './database';
import { SEALED_COLUMNS, openSealed } from '../platform/crypto/sealed-columns';
import { findPurpose } from '../../shared/privacy/register';

/**
 * Issue 9's proof: after the demo seed and the flows that store phone numbers (a member with a phone, a team's
 * contact phone, a profile phone, an invitation and a password reset by phone, a citizen's requests by phone and by
 * e-mail; a citizen's report with name, phone and e-mail), no phone number in any of its written forms (0912…, +84912…, 84912…) nor the citizen's e-mail is found in what the database keeps — on SQLite the database file and its
 * write-ahead log read as bytes, on PostgreSQL a pg_dump of the schema.
 */
const PASSWORD = 'Demo-password-2026';

/** Every written form of a stored number (+84 and 9 digits). */
function writtenForms(phone: string): string[] {
  const national = phone.slice(3);
  return [phone, `84${national}`, `0${national}`];
}

describe(`no phone number reaches the ${testDialect()} storage in plain text`, () => {
  let t: TestApp;
  let dir: string;
  const added = [
    '+84977001122',
    '+84388112233',
    '+84966554433',
    '+84355667788',
    '+84345111222',
    '+84345222333',
  ];
  // A citizen's report with a name, phone and e-mail (issue 10): every one sealed.
  const reporterEmail = 'phan.anh.scan@example.vn';
  const reporterName = 'Phạm Thị Phản Ánh Quét';
  const citizenEmail = 'cong.dan.scan@example.vn';
  // What a citizen writes about their request is free text naming them: sealed too.
  const citizenText = 'Tôi là Nguyễn Thị Quét, xin xem dữ liệu về tôi';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-scan-'));
    t = await createTestApp(
      { SEED: 'demo', DEMO_PASSWORD: PASSWORD },
      { sqliteFile: path.join(dir, 'scan.sqlite') },
    );
    await loadOfficialUnits(t.database.db, { provinces: ['80'] });
    const seeded = await seedDemoProvince({
      db: t.database.db,
      clock: t.clock,
      config: t.config,
      sealer: testSealer,
      extensions: DEMO_SEED_EXTENSIONS,
    });
    expect(seeded.status).toBe('seeded');

    const officer = DEMO_ACCOUNT_SPECS.find((a) => a.role === 'commune_officer')!;
    const s = await signIn(t.app, officer.email, PASSWORD);
    const team = await t.database.db
      .selectFrom('teams')
      .select(['id', 'hamlet_id'])
      .where('commune_code', '=', DEMO_COMMUNE_CODE)
      .where('hamlet_id', 'is not', null)
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const flows = [
      t.app.inject({
        method: 'POST',
        url: `/api/v1/teams/${team.id}/members`,
        headers: s.headers,
        payload: { name: 'Trần Thị Quét', affiliation: 'youth_union', phone: '0977 001 122', invite: false },
      }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/teams/${team.id}`,
        headers: s.headers,
        payload: { contactPhone: '0388112233' },
      }),
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: s.headers,
        payload: { phone: '+84966554433' },
      }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/invitations',
        headers: s.headers,
        payload: { name: 'Lê Văn Mời', phone: '84355667788', role: 'team_member', unitCode: team.hamlet_id! },
      }),
    ];
    for (const res of await Promise.all(flows)) expect(res.statusCode, res.body).toBeLessThan(300);
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { phone: DEMO_ACCOUNT_SPECS[0]!.phone },
    });
    expect(reset.statusCode).toBe(202);
    // A citizen's data-subject requests, by phone and by e-mail (the code goes through the webhook job and the outbox).
    for (const contact of ['0345 111 222', citizenEmail]) {
      const filed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/privacy/requests',
        payload: { kind: 'access', contact, description: citizenText },
      });
      expect(filed.statusCode, filed.body).toBe(202);
    }
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        id: '01938a2e-7b1c-7d3e-8f00-000000000010',
        kind: 'petition',
        categoryCode: 'procedures',
        description: 'Đề nghị niêm yết thủ tục tại nhà văn hoá ấp.',
        name: reporterName,
        phone: '0345 222 333',
        email: reporterEmail,
        contactConsentVersion: findPurpose('reports').consent!.version,
      },
    });
    expect(report.statusCode, report.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Every number the platform holds, opened through the sealer, plus the ones the flows wrote. */
  async function storedPhones(): Promise<string[]> {
    const phones = new Set(added);
    for (const spec of SEALED_COLUMNS) {
      const rows = await t.database.db
        .selectFrom(spec.table)
        .select((eb) => eb.ref(spec.column as 'id').as('value'))
        .execute();
      for (const r of rows) {
        const plain = openSealed(testSealer, spec.context, r.value);
        if (plain) phones.add(plain);
      }
    }
    return [...phones];
  }

  /**
   * The written forms of `phones` found in `bytes`. The storage is ~200 MB after the demo seed: rather than one
   * pass per number and form, one pass collects every run of 9+ digits, and each run's 10- and 11-digit windows
   * are looked up among the forms (a "+84…" form holds an "84…" one, so it is found through it).
   */
  function formsIn(bytes: Buffer, phones: string[]): string[] {
    const forms = new Set(phones.flatMap((p) => writtenForms(p).filter((f) => !f.startsWith('+'))));
    const found = new Set<string>();
    for (const [run] of bytes.toString('latin1').matchAll(/\d{9,}/g)) {
      for (const width of [10, 11]) {
        for (let i = 0; i + width <= run.length; i++) {
          const window = run.slice(i, i + width);
          if (forms.has(window)) found.add(window);
        }
      }
    }
    return [...found];
  }

  async function storageText(): Promise<Buffer> {
    if (testDialect() === 'postgres') {
      return execFileSync('pg_dump', ['--no-owner', '--schema', t.database.pgSchema!, t.database.url!], {
        maxBuffer: 256 * 1024 * 1024,
      });
    }
    const file = path.join(dir, 'scan.sqlite');
    const parts = [fs.readFileSync(file)];
    if (fs.existsSync(`${file}-wal`)) parts.push(fs.readFileSync(`${file}-wal`));
    return Buffer.concat(parts);
  }

  it('seals every stored number: none of its written forms is in the storage', async () => {
    const phones = await storedPhones();
    // The demo accounts, most demo members and team contacts, and the four numbers the flows added.
    expect(phones.length).toBeGreaterThan(DEMO_ACCOUNT_SPECS.length + added.length);
    for (const p of added) expect(phones).toContain(p);
    const bytes = await storageText();
    expect(bytes.length).toBeGreaterThan(100_000);
    expect(formsIn(bytes, phones)).toEqual([]);
    expect(bytes.includes(citizenEmail)).toBe(false);
    expect(bytes.includes(citizenText)).toBe(false);
    expect(bytes.includes(reporterEmail)).toBe(false);
    expect(bytes.includes(reporterName)).toBe(false);
  });

  it('would find a number stored in plain text (the scan can fail)', async () => {
    await t.database.db
      .updateTable('settings')
      .set({ value: 'call 0977001122' })
      .where('key', '=', 'seed.demo')
      .execute();
    expect(formsIn(await storageText(), await storedPhones())).toEqual(['0977001122']);
  });
});
