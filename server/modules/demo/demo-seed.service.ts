import type { Kysely } from 'kysely';
import { sealPhone } from '../../platform/crypto/sealed-columns';
import type { Sealer } from '../../platform/crypto/sealing';
import { foldText } from '../../../shared/text/fold';
import type { Role } from '../../../shared/rules/permissions';
import type { Config } from '../../config';
import type { DB, GrantsTable, HamletChangesTable, HamletsTable, UsersTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { ANONYMOUS } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/passwords';
import type { Clock } from '../../platform/clock';
import type { FileStorage } from '../../platform/files/index';
import { AppError } from '../../platform/errors';
import { recordEvent } from '../../platform/events';
import { DEMO_ACCOUNT_SPECS, DEMO_COMMUNE_CODE, DEMO_PROVINCE_CODE } from './demo-accounts.data';
import { HAMLET_STEMS, QUARTER_STEMS } from './demo-names.data';
import { createDemoRepository } from './demo.repository';
import { createSeedRandom, type SeedRandom } from './seed-random';

/** Settings key written with the seed; its presence means "never seed again", even if hamlets are later removed. */
export const DEMO_SEED_KEY = 'seed.demo';
/** Bump when the seed's content changes, so a database tells which demo it holds. */
export const DEMO_SEED_VERSION = '1';
const SEED = 0x2025_0080;
/** Ids are anchored at the reform date, not at the day the demo is loaded, so they never change. */
const ID_BASE_TIME_MS = Date.parse('2025-07-01T00:00:00.000Z');
/** Hamlets in the demo have existed since the two-tier reform. */
const HAMLETS_VALID_FROM = '2025-07-01T00:00:00.000Z';

export interface DemoCommune {
  code: string;
  name: string;
  fullName: string;
  type: string;
}

export interface DemoHamlet {
  id: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  name: string;
  kind: 'ap' | 'khu_pho';
}

export interface DemoAccount {
  userId: string;
  email: string;
  /** +84…, the stored form. */
  phone: string;
  password: string;
  role: Role;
  /** The grant's unit: province code, commune code, or hamlet id. */
  unitCode: string;
  name: string;
  communeCode: string | null;
  hamletId: string | null;
}

/**
 * What a later module receives to add its part of the demo (teams, members, records…). `db` is the seed's
 * transaction: write with it directly (not through services that open their own transaction), and everything
 * commits together or not at all. `random` is a stream of its own for each extension, so one extension's
 * draws never shift another's.
 */
export interface DemoSeedContext {
  db: Kysely<DB>;
  clock: Clock;
  /** Seals the phone numbers the extension writes (server/platform/crypto/sealed-columns.ts). */
  sealer: Sealer;
  /** Where photos are written (the app's file storage); absent, extensions seed no files. */
  storage?: FileStorage;
  random: SeedRandom;
  provinceCode: string;
  communes: DemoCommune[];
  hamlets: DemoHamlet[];
  accounts: DemoAccount[];
}
export type DemoSeedExtension = (ctx: DemoSeedContext) => Promise<void>;

export interface SeedDemoResult {
  status: 'seeded' | 'skipped';
  reason: 'seeded' | 'disabled' | 'already_seeded' | 'province_has_hamlets';
  hamlets: number;
  accounts: DemoAccount[];
  elapsedMs: number;
  /** Where the time went: 'province' (hamlets and accounts), then each extension by its function name. */
  steps: { name: string; ms: number }[];
}

export interface DemoPlan {
  hamlets: DemoHamlet[];
  accounts: DemoAccount[];
}

/** Hamlet names of one commune: khu phố for wards (mostly numbered, as most wards do), ấp for rural xã. */
function nameHamlets(commune: DemoCommune, random: SeedRandom): { name: string; kind: DemoHamlet['kind'] }[] {
  // 4–6 a commune, leaning to 5–6: about 500 over the 96 communes, like the province's ~500 teams.
  const count = random.pick([4, 5, 5, 6, 6]);
  if (commune.type === 'Phường') {
    if (random.chance(0.65)) {
      return Array.from({ length: count }, (_, i) => ({
        name: `Khu phố ${i + 1}`,
        kind: 'khu_pho' as const,
      }));
    }
    return random
      .shuffle(QUARTER_STEMS)
      .slice(0, count)
      .map((stem) => ({ name: `Khu phố ${stem}`, kind: 'khu_pho' as const }));
  }
  return random
    .shuffle(HAMLET_STEMS)
    .slice(0, count)
    .map((stem) => ({ name: `Ấp ${stem}`, kind: 'ap' as const }));
}

/**
 * The demo province as data, without touching the database: the same communes and seed give the same plan.
 * Each commune draws its names from its own stream, so its hamlets depend on its code only.
 */
export function planDemoProvince(
  communes: readonly DemoCommune[],
  password: string,
  random: SeedRandom,
): DemoPlan {
  const hamlets: DemoHamlet[] = [];
  for (const commune of communes) {
    for (const h of nameHamlets(commune, random.fork(`commune:${commune.code}`))) {
      hamlets.push({
        id: random.id(),
        communeCode: commune.code,
        communeName: commune.fullName,
        provinceCode: DEMO_PROVINCE_CODE,
        name: h.name,
        kind: h.kind,
      });
    }
  }
  const teamHamlet = hamlets.find((h) => h.communeCode === DEMO_COMMUNE_CODE);
  if (!teamHamlet) {
    throw new AppError(
      'INTERNAL',
      `The demo commune ${DEMO_COMMUNE_CODE} is not among the province's communes.`,
    );
  }
  const accounts = DEMO_ACCOUNT_SPECS.map((spec): DemoAccount => {
    const base = {
      userId: random.id(),
      email: spec.email,
      phone: spec.phone,
      password,
      role: spec.role,
      name: spec.name,
    };
    if (spec.scope === 'province')
      return { ...base, unitCode: DEMO_PROVINCE_CODE, communeCode: null, hamletId: null };
    if (spec.scope === 'commune')
      return { ...base, unitCode: DEMO_COMMUNE_CODE, communeCode: DEMO_COMMUNE_CODE, hamletId: null };
    return { ...base, unitCode: teamHamlet.id, communeCode: DEMO_COMMUNE_CODE, hamletId: teamHamlet.id };
  });
  return { hamlets, accounts };
}

function sealedUserPhone(sealer: Sealer, phone: string) {
  const s = sealPhone(sealer, 'users.phone', phone);
  return { phone: s.sealed, phone_hash: s.hash };
}

function toRows(plan: DemoPlan, passwordHash: string, at: string, random: SeedRandom, sealer: Sealer) {
  const hamlets: HamletsTable[] = plan.hamlets.map((h) => ({
    id: h.id,
    commune_code: h.communeCode,
    province_code: h.provinceCode,
    name: h.name,
    kind: h.kind,
    local_code: null,
    search_text: foldText(h.name),
    status: 'active',
    merged_into: null,
    valid_from: HAMLETS_VALID_FROM,
    valid_to: null,
    created_at: at,
    updated_at: at,
  }));
  const changes: HamletChangesTable[] = plan.hamlets.map((h) => ({
    id: random.id(),
    hamlet_id: h.id,
    change: 'created',
    before_json: null,
    after_json: JSON.stringify({ name: h.name, kind: h.kind, communeCode: h.communeCode, source: 'demo' }),
    actor_user_id: null,
    at,
  }));
  const users: UsersTable[] = plan.accounts.map((a) => ({
    id: a.userId,
    email: a.email,
    ...sealedUserPhone(sealer, a.phone),
    name: a.name,
    password_hash: passwordHash,
    status: 'active',
    locale: 'vi',
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    search_text: foldText(a.name),
    created_at: at,
    updated_at: at,
  }));
  const grants: GrantsTable[] = plan.accounts.map((a) => ({
    id: random.id(),
    user_id: a.userId,
    role: a.role,
    unit_code: a.unitCode,
    level: a.hamletId ? 'hamlet' : a.communeCode ? 'commune' : 'province',
    province_code: DEMO_PROVINCE_CODE,
    commune_code: a.communeCode,
    hamlet_id: a.hamletId,
    created_by: null,
    created_at: at,
  }));
  return { hamlets, changes, users, grants };
}

/**
 * Loads the demo province (Tây Ninh, 80) on first start: about 500 hamlets over its 96 communes, one account
 * per role sharing config.demoPassword, then each extension in order. Runs only when SEED is not 'none', the
 * 'seed.demo' setting is absent and the province has no hamlets; the official units must be loaded already.
 * Everything is one transaction whose first write claims the 'seed.demo' key, so a failed extension leaves
 * nothing behind and two servers starting together seed once.
 */
export async function seedDemoProvince(deps: {
  db: Kysely<DB>;
  clock: Clock;
  config: Pick<Config, 'seed' | 'demoPassword'>;
  sealer: Sealer;
  /** The file storage the app serves photos from (config.storage), for extensions that seed photos. */
  storage?: FileStorage;
  extensions?: readonly DemoSeedExtension[];
}): Promise<SeedDemoResult> {
  const started = performance.now();
  const { db, clock, config } = deps;
  const repo = createDemoRepository(db);
  const skipped = (reason: SeedDemoResult['reason']): SeedDemoResult => ({
    status: 'skipped',
    reason,
    hamlets: 0,
    accounts: [],
    elapsedMs: performance.now() - started,
    steps: [],
  });
  if (config.seed === 'none') return skipped('disabled');
  if ((await repo.findSetting(DEMO_SEED_KEY)) !== null) return skipped('already_seeded');
  if ((await repo.countHamlets(DEMO_PROVINCE_CODE)) > 0) return skipped('province_has_hamlets');

  const communes = (await repo.listCurrentCommunes(DEMO_PROVINCE_CODE)).map((c): DemoCommune => ({
    code: c.code,
    name: c.name,
    fullName: c.full_name,
    type: c.type,
  }));
  if (communes.length === 0) {
    throw new AppError(
      'INTERNAL',
      `The official units of province ${DEMO_PROVINCE_CODE} must be loaded before the demo.`,
    );
  }
  const random = createSeedRandom(SEED, ID_BASE_TIME_MS);
  const plan = planDemoProvince(communes, config.demoPassword, random);
  // One hash shared by every demo account: argon2 is deliberately slow, and they share the password anyway.
  const passwordHash = await hashPassword(config.demoPassword);
  const at = clock.now().toISOString();
  const rows = toRows(plan, passwordHash, at, random.fork('rows'), deps.sealer);

  const steps: SeedDemoResult['steps'] = [];
  const claimed = await db.transaction().execute(async (trx) => {
    if (!(await repo.claimSetting(DEMO_SEED_KEY, DEMO_SEED_VERSION, at, trx))) return false;
    await repo.insertHamlets(rows.hamlets, trx);
    await repo.insertHamletChanges(rows.changes, trx);
    await repo.insertUsers(rows.users, trx);
    await repo.insertGrants(rows.grants, trx);
    const summary = {
      version: DEMO_SEED_VERSION,
      hamlets: plan.hamlets.length,
      accounts: plan.accounts.length,
    };
    await recordAudit(
      trx,
      { actor: ANONYMOUS, ip: null, requestId: null, at },
      {
        action: 'demo.seeded',
        entityType: 'province',
        entityId: DEMO_PROVINCE_CODE,
        provinceCode: DEMO_PROVINCE_CODE,
        after: summary,
      },
    );
    await recordEvent(
      trx,
      { type: 'demo.seeded', entityType: 'province', entityId: DEMO_PROVINCE_CODE, payload: summary },
      at,
    );
    steps.push({ name: 'province', ms: performance.now() - started });
    for (const [index, extend] of (deps.extensions ?? []).entries()) {
      const stepStarted = performance.now();
      await extend({
        db: trx,
        clock,
        sealer: deps.sealer,
        ...(deps.storage ? { storage: deps.storage } : {}),
        random: random.fork(`extension:${index}`),
        provinceCode: DEMO_PROVINCE_CODE,
        communes,
        hamlets: plan.hamlets,
        accounts: plan.accounts,
      });
      steps.push({ name: extend.name || `extension ${index}`, ms: performance.now() - stepStarted });
    }
    return true;
  });
  if (!claimed) return skipped('already_seeded');
  return {
    status: 'seeded',
    reason: 'seeded',
    hamlets: plan.hamlets.length,
    accounts: plan.accounts,
    elapsedMs: performance.now() - started,
    steps: steps.map((step) => ({ name: step.name, ms: Math.round(step.ms) })),
  };
}
