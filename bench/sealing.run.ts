import { performance } from 'node:perf_hooks';
import { uuidv7 } from '../shared/ids';
import { foldText } from '../shared/text/fold';
import { migrateToLatest } from '../server/db/migrate';
import { createDatabase } from '../server/db/database';
import { createUsersRepository } from '../server/modules/accounts/users.repository';
import { loadOfficialUnits } from '../server/modules/geography/index';
import { createMembersRepository } from '../server/modules/teams/members.repository';
import { hashPassword, verifyPassword } from '../server/platform/auth/passwords';
import { createSealer, generateDataKeySecret } from '../server/platform/crypto/sealing';

/**
 * `npm run bench:sealing`: what sealing phone numbers costs on the hot paths, each path beside the same work without
 * sealing, in the same run, on SQLite (the default tier):
 * - a team's member list (50 members, every phone opened) vs the same query with the phones left sealed;
 * - the account look-up of a sign-in by phone (keyed hash, one per key version) vs by e-mail (plain column);
 * - the whole sign-in's own cost (argon2id verification), to put the look-up in proportion.
 * Alternating rounds, medians of per-round means. Prints a table; figures are ratios, not promises.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);

const database = createDatabase({ sqliteFile: ':memory:' });
await migrateToLatest(database);
await loadOfficialUnits(database.db, { provinces: ['80'] });
const db = database.db;
const sealer = createSealer([{ version: 1, secret: generateDataKeySecret() }], 1);
const users = createUsersRepository(db, sealer);
const members = createMembersRepository(db, sealer);
const at = new Date().toISOString();

const teamId = uuidv7();
await db
  .insertInto('teams')
  .values({
    id: teamId,
    province_code: '80',
    commune_code: '25459',
    hamlet_id: null,
    level: 'commune',
    name: 'Tổ đo',
    search_text: foldText('Tổ đo'),
    decision_number: null,
    decision_date: null,
    decision_signer: null,
    schedule: null,
    contact_phone: null,
    contact_phone_hash: null,
    status: 'active',
    merged_into: null,
    status_reason: null,
    status_changed_at: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  })
  .execute();
for (let i = 0; i < 50; i++) {
  await members.insert({
    id: uuidv7(),
    team_id: teamId,
    user_id: null,
    name: `Thành viên ${i}`,
    role: 'member',
    affiliation: 'youth_union',
    organization: null,
    phone: `+8491${String(1000000 + i).padStart(7, '0')}`,
    email: null,
    phone_public: 0,
    active_from: '2025-01-01',
    active_to: null,
    invitation_id: null,
    created_at: at,
    updated_at: at,
  });
}
const passwordHash = await hashPassword('Bench-password-2026');
for (let i = 0; i < 2000; i++) {
  await users.insert({
    id: uuidv7(),
    email: `u${i}@bench.test`,
    phone: `+8498${String(1000000 + i).padStart(7, '0')}`,
    name: `Người dùng ${i}`,
    password_hash: passwordHash,
    status: 'active',
    locale: 'vi',
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    created_at: at,
    updated_at: at,
  });
}

async function timeEach(run: (i: number) => Promise<unknown>, iterations = ITERATIONS): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await run(i);
  return ((performance.now() - started) * 1000) / iterations;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const pairs = {
  'member list (50 phones opened)': {
    sealed: () => members.listOfTeam(teamId),
    plain: () => db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).orderBy('active_from').orderBy('id').execute(),
  },
  'account look-up by phone (hash) vs by e-mail': {
    sealed: (i: number) => users.findByPhone(`+8498${String(1000000 + (i % 2000)).padStart(7, '0')}`),
    plain: (i: number) => users.findByEmail(`u${i % 2000}@bench.test`),
  },
};

const rows: string[] = [];
for (const [name, pair] of Object.entries(pairs)) {
  const sealed: number[] = [];
  const plain: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    plain.push(await timeEach(pair.plain));
    sealed.push(await timeEach(pair.sealed));
  }
  const s = median(sealed);
  const p = median(plain);
  rows.push(`| ${name} | ${s.toFixed(1)} µs | ${p.toFixed(1)} µs | ${(s / p).toFixed(2)} |`);
}
const verify = median(
  await Promise.all([0, 1, 2].map(async () => timeEach(() => verifyPassword(passwordHash, 'Bench-password-2026'), 5))),
);
const lookup = median([await timeEach((i) => users.findByPhone(`+8498${String(1000000 + (i % 2000)).padStart(7, '0')}`))]);
rows.push(
  `| sign-in by phone: look-up ÷ (look-up + argon2id verify) | ${lookup.toFixed(1)} µs | ${(verify / 1000).toFixed(1)} ms verify | ${(lookup / (lookup + verify)).toFixed(4)} |`,
);
const sealOpen = await timeEach(async () => sealer.open(sealer.seal('+84912345678', 'bench'), 'bench'), 20000);

console.log(`\nSealing on the hot paths (SQLite in memory, ${ROUNDS} alternating rounds × ${ITERATIONS}, medians)\n`);
console.log('| path | with sealing | without | ratio |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\nOne seal + open of a phone number: ${sealOpen.toFixed(1)} µs`);
await database.close();
