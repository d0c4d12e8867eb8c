import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor';
import { createTestApp, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { createServicesModule } from '../services/index';
import { buildHamlet, buildMember, buildTeam, COMMUNE_A, loadTestUnits, recordInput } from '../teams/teams.fixtures';
import { createMembersRepository, createTeamsRepository } from '../teams/index';
import { createSupportListsService } from './support-lists.service';
import { createSupportRecordsRepository } from './support-records.repository';
import { createTestIngest } from './support.fixtures';
import { testSealer } from '../../test/app';

/**
 * The CSV export reads the log in keyset pages; with pages of 4 rows, 23 records (several sharing one timestamp,
 * so the id breaks the tie) cross many page boundaries. Every record must come out exactly once, newest first,
 * on both databases — a keyset off by one would drop or repeat the row at each boundary.
 */
describe('support export: keyset pages', () => {
  let t: TestApp;
  let admin: Actor;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await loadTestUnits(db);
    const hamlet = await buildHamlet(db, COMMUNE_A);
    const team = await buildTeam(db, { communeCode: COMMUNE_A, hamletId: hamlet.id });
    const u = await buildUser(db);
    await buildMember(db, team.id, { user_id: u.id });
    const author: Actor = {
      kind: 'user',
      user: { id: u.id, name: 'x', email: null, phone: null, locale: 'vi' },
      grants: [],
      sessionId: 's',
      csrfToken: 'c',
    };
    const now = t.clock.now().getTime();
    // Groups of three records share an occurrence time.
    const inputs = Array.from({ length: 23 }, (_, i) =>
      recordInput(team.id, hamlet.id, new Date(now - i * 1000), {
        occurredAt: new Date(now - 7_200_000 - Math.floor(i / 3) * 60_000).toISOString(),
      }),
    );
    const res = await createTestIngest(t).ingest(author, inputs, { ip: null, requestId: null }, 'sync');
    expect(res.results.map((r) => r.status)).toEqual(inputs.map(() => 'created'));
    admin = {
      kind: 'user',
      user: { id: 'admin', name: 'a', email: null, phone: null, locale: 'vi' },
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
      sessionId: 's',
      csrfToken: 'c',
    };
  });
  afterAll(async () => t.close());

  it('yields every record once, in (occurred_at, id) order, across page boundaries', async () => {
    const db = t.database.db;
    const lists = createSupportListsService({
      db,
      exportPageSize: 4,
      records: createSupportRecordsRepository(db),
      teams: createTeamsRepository(db, testSealer),
      members: createMembersRepository(db, testSealer),
      services: createServicesModule({ db }),
      clock: t.clock,
    });
    let csv = '';
    for await (const chunk of await lists.exportCsv(admin, {})) csv += chunk;
    const ids = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    const expected = (
      await sql<{ id: string }>`select id from support_records order by occurred_at desc, id desc`.execute(db)
    ).rows.map((r) => r.id);
    expect(expected).toHaveLength(23);
    expect(ids).toEqual(expected);
  });
});
