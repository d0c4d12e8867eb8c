import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/rules/permissions';
import { foldText } from '../../../shared/text/fold';
import { verifyPassword } from '../../platform/auth/passwords';
import { createFakeClock } from '../../platform/clock';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { loadOfficialUnits } from '../geography/index';
import { DEMO_ACCOUNT_SPECS, DEMO_COMMUNE_CODE, DEMO_EMAIL_DOMAIN } from './demo-accounts.data';
import { HAMLET_STEMS } from './demo-names.data';
import { testSealer } from '../../test/app';
import {
  DEMO_SEED_KEY,
  DEMO_SEED_VERSION,
  seedDemoProvince,
  type DemoSeedContext,
  type SeedDemoResult,
} from './demo-seed.service';

const config = { seed: 'demo', demoPassword: 'Demo-password-2026' } as const;

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await loadOfficialUnits(database.db, { provinces: ['80'] });
  return database;
}

function snapshot(database: TestDatabase) {
  const db = database.db;
  return Promise.all([
    db
      .selectFrom('hamlets')
      .select(['id', 'commune_code', 'name', 'kind', 'search_text', 'valid_from'])
      .orderBy('id')
      .execute(),
    db.selectFrom('users').select(['id', 'email', 'name', 'status']).orderBy('id').execute(),
    db
      .selectFrom('grants')
      .select(['id', 'user_id', 'role', 'unit_code', 'level', 'commune_code', 'hamlet_id'])
      .orderBy('id')
      .execute(),
  ]);
}

async function countRows(database: TestDatabase, table: 'hamlets' | 'users' | 'grants' | 'hamlet_changes') {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One test database at a time: on PostgreSQL each is a schema of the same database, and Kysely's migrator takes
 * another live schema's migration tables for its own (server/db/migrate.ts sets no migrationTableSchema).
 */
async function withFreshDatabase(
  work: (database: TestDatabase) => Promise<void>,
  opts: { units: boolean } = { units: true },
) {
  const database = opts.units ? await freshDatabase() : await createTestDatabase();
  try {
    await work(database);
  } finally {
    await database.destroy();
  }
}

const clock = createFakeClock('2026-11-28T03:00:00.000Z');
let firstSnapshot: Awaited<ReturnType<typeof snapshot>> | undefined;

describe('seedDemoProvince on a fresh database', () => {
  let a: TestDatabase;
  let seeded: SeedDemoResult;

  beforeAll(async () => {
    a = await freshDatabase();
    seeded = await seedDemoProvince({ sealer: testSealer, db: a.db, clock, config });
    firstSnapshot = await snapshot(a);
  });
  afterAll(async () => a.destroy());

  it('spreads about 500 named hamlets over the 96 communes', async () => {
    expect(seeded).toMatchObject({ status: 'seeded', reason: 'seeded' });
    const hamlets = await a.db
      .selectFrom('hamlets')
      .innerJoin('units', (j) =>
        j.onRef('units.code', '=', 'hamlets.commune_code').on('units.valid_to', 'is', null),
      )
      .select([
        'hamlets.commune_code',
        'hamlets.name',
        'hamlets.kind',
        'hamlets.search_text',
        'hamlets.status',
        'units.type',
      ])
      .where('units.level', '=', 'commune')
      .execute();
    expect(hamlets.length).toBe(seeded.hamlets);
    expect(hamlets.length).toBeGreaterThanOrEqual(450);
    expect(hamlets.length).toBeLessThanOrEqual(560);
    const byCommune = new Map<string, typeof hamlets>();
    for (const h of hamlets) byCommune.set(h.commune_code, [...(byCommune.get(h.commune_code) ?? []), h]);
    expect(byCommune.size).toBe(96);
    for (const list of byCommune.values()) {
      expect(list.length).toBeGreaterThanOrEqual(4);
      expect(list.length).toBeLessThanOrEqual(6);
      expect(new Set(list.map((h) => h.search_text)).size).toBe(list.length);
    }
    for (const h of hamlets) {
      expect(h.status).toBe('active');
      expect(h.search_text).toBe(foldText(h.name));
      if (h.type === 'Phường')
        expect(h).toMatchObject({ kind: 'khu_pho', name: expect.stringMatching(/^Khu phố /) });
      else expect(h).toMatchObject({ kind: 'ap', name: expect.stringMatching(/^Ấp /) });
    }
    const stems = new Set(hamlets.filter((h) => h.kind === 'ap').map((h) => h.name.slice('Ấp '.length)));
    expect(stems.size).toBeGreaterThanOrEqual(60);
    expect([...stems].every((s) => HAMLET_STEMS.includes(s))).toBe(true);
    expect(await countRows(a, 'hamlet_changes')).toBe(hamlets.length);
  });

  it('creates one active account per role, all with the demo password', async () => {
    const users = await a.db
      .selectFrom('users')
      .innerJoin('grants', 'grants.user_id', 'users.id')
      .select([
        'users.email',
        'users.status',
        'users.locale',
        'users.password_hash',
        'grants.role',
        'grants.level',
        'grants.unit_code',
        'grants.commune_code',
        'grants.hamlet_id',
      ])
      .execute();
    expect([...new Set(users.map((u) => u.role))].sort()).toEqual([...ROLES].sort());
    expect(users).toHaveLength(DEMO_ACCOUNT_SPECS.length);
    for (const u of users) {
      expect(u.email).toMatch(new RegExp(`@${DEMO_EMAIL_DOMAIN.replace(/\./g, '\\.')}$`));
      expect(u).toMatchObject({ status: 'active', locale: 'vi' });
    }
    expect(await verifyPassword(users[0]!.password_hash!, config.demoPassword)).toBe(true);
    expect(users.find((u) => u.role === 'commune_officer')).toMatchObject({
      level: 'commune',
      unit_code: DEMO_COMMUNE_CODE,
    });
    const leader = users.find((u) => u.role === 'team_leader')!;
    expect(leader).toMatchObject({ level: 'hamlet', commune_code: DEMO_COMMUNE_CODE });
    expect(leader.hamlet_id).toBe(leader.unit_code);
    const hamlet = await a.db
      .selectFrom('hamlets')
      .select('commune_code')
      .where('id', '=', leader.hamlet_id!)
      .executeTakeFirst();
    expect(hamlet?.commune_code).toBe(DEMO_COMMUNE_CODE);
    expect(users.find((u) => u.role === 'team_member')?.hamlet_id).toBe(leader.hamlet_id);
    expect(seeded.accounts.map((x) => x.role)).toEqual(DEMO_ACCOUNT_SPECS.map((spec) => spec.role));
  });

  it('marks the database as seeded, with an audit row and an event', async () => {
    const setting = await a.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', DEMO_SEED_KEY)
      .executeTakeFirst();
    expect(setting?.value).toBe(DEMO_SEED_VERSION);
    const audit = await a.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'demo.seeded')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      hamlets: seeded.hamlets,
      accounts: DEMO_ACCOUNT_SPECS.length,
    });
    const events = await a.db.selectFrom('events').select('type').where('type', '=', 'demo.seeded').execute();
    expect(events).toHaveLength(1);
  });

  it('does nothing the second time', async () => {
    const before = await snapshot(a);
    const again = await seedDemoProvince({ sealer: testSealer, db: a.db, clock, config });
    expect(again).toMatchObject({ status: 'skipped', reason: 'already_seeded', hamlets: 0 });
    expect(await snapshot(a)).toEqual(before);
  });
});

describe('seedDemoProvince', () => {
  it('gives two fresh databases the same hamlets, accounts and ids', async () => {
    expect(firstSnapshot?.[0].length).toBeGreaterThan(0);
    await withFreshDatabase(async (b) => {
      await seedDemoProvince({
        sealer: testSealer,
        db: b.db,
        clock: createFakeClock('2026-11-28T03:00:00.000Z'),
        config,
      });
      expect(await snapshot(b)).toEqual(firstSnapshot);
    });
  });

  it('leaves alone a province that already has hamlets, and does nothing with SEED=none', async () => {
    await withFreshDatabase(async (c) => {
      expect(
        await seedDemoProvince({ sealer: testSealer, db: c.db, clock, config: { ...config, seed: 'none' } }),
      ).toMatchObject({
        status: 'skipped',
        reason: 'disabled',
      });
      const at = clock.now().toISOString();
      await c.db
        .insertInto('hamlets')
        .values({
          id: '0190a000-0000-7000-8000-000000000001',
          commune_code: '25459',
          province_code: '80',
          name: 'Khu phố 7',
          kind: 'khu_pho',
          local_code: null,
          search_text: 'khu pho 7',
          status: 'active',
          merged_into: null,
          valid_from: at,
          valid_to: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      expect(await seedDemoProvince({ sealer: testSealer, db: c.db, clock, config })).toMatchObject({
        status: 'skipped',
        reason: 'province_has_hamlets',
      });
      expect(await countRows(c, 'users')).toBe(0);
      expect(await countRows(c, 'hamlets')).toBe(1);
    });
  });

  it('runs extensions in order inside its transaction, and keeps nothing when one fails', async () => {
    await withFreshDatabase(async (d) => {
      const calls: string[] = [];
      const contexts: DemoSeedContext[] = [];
      const writeMark = (name: string) => async (ctx: DemoSeedContext) => {
        calls.push(name);
        contexts.push(ctx);
        await ctx.db
          .insertInto('settings')
          .values({ key: `test.${name}`, value: ctx.random.id(), updated_at: ctx.clock.now().toISOString() })
          .execute();
      };
      const failing = async () => {
        calls.push('failing');
        throw new Error('extension failed');
      };
      await expect(
        seedDemoProvince({
          sealer: testSealer,
          db: d.db,
          clock,
          config,
          extensions: [writeMark('first'), failing],
        }),
      ).rejects.toThrow('extension failed');
      expect(calls).toEqual(['first', 'failing']);
      expect(await countRows(d, 'hamlets')).toBe(0);
      expect(await countRows(d, 'users')).toBe(0);
      expect(await d.db.selectFrom('settings').select('key').execute()).toEqual([]);

      calls.length = 0;
      contexts.length = 0;
      const result = await seedDemoProvince({
        sealer: testSealer,
        db: d.db,
        clock,
        config,
        extensions: [writeMark('first'), writeMark('second')],
      });
      expect(result.status).toBe('seeded');
      expect(calls).toEqual(['first', 'second']);
      expect(result.steps.map((step) => step.name)).toEqual(['province', 'extension 0', 'extension 1']);
      expect(contexts[0]!.hamlets).toHaveLength(result.hamlets);
      expect(contexts[0]!.accounts).toHaveLength(DEMO_ACCOUNT_SPECS.length);
      expect(contexts[0]!.communes).toHaveLength(96);
      const marks = await d.db
        .selectFrom('settings')
        .select(['key', 'value'])
        .where('key', 'like', 'test.%')
        .orderBy('key')
        .execute();
      expect(marks.map((m) => m.key)).toEqual(['test.first', 'test.second']);
      expect(marks[0]!.value).not.toBe(marks[1]!.value);
    });
  });

  it('seeds once when two servers start together', async () => {
    await withFreshDatabase(async (f) => {
      const results = await Promise.all([
        seedDemoProvince({ sealer: testSealer, db: f.db, clock, config }),
        seedDemoProvince({ sealer: testSealer, db: f.db, clock, config }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['seeded', 'skipped']);
      expect(results.find((r) => r.status === 'skipped')?.reason).toBe('already_seeded');
      expect(await countRows(f, 'users')).toBe(DEMO_ACCOUNT_SPECS.length);
    });
  });

  it('refuses to run before the official units are loaded', async () => {
    await withFreshDatabase(
      async (e) => {
        await expect(seedDemoProvince({ sealer: testSealer, db: e.db, clock, config })).rejects.toThrow(
          /official units/,
        );
      },
      { units: false },
    );
  });
});
