import { ROLES, type Role } from '../../../shared/rules/permissions';
import type { Sealer } from '../../platform/crypto/sealing';
import type { Config } from '../../config';
import { AppError } from '../../platform/errors';
import { DEMO_ACCOUNT_SPECS } from './demo-accounts.data';
import type { DemoAccountItem } from './demo.contract';
import type { DemoRepository } from './demo.repository';

/** Roles that work inside a team: their place is shown as the team's name. */
const TEAM_ROLES: ReadonlySet<Role> = new Set(['team_leader', 'team_member']);

/** What the demo shows publicly: its accounts, and only while the deployment runs in demo mode. */
export function createDemoService(deps: {
  demo: DemoRepository;
  config: Pick<Config, 'seed' | 'demoPassword'>;
  sealer: Sealer;
}) {
  const { demo, config, sealer } = deps;

  /**
   * The demo accounts that exist, in the order of ROLES, with the shared password. Outside demo mode the
   * accounts are not advertised: NOT_FOUND, as if the route did not exist.
   */
  async function listAccounts(): Promise<DemoAccountItem[]> {
    if (config.seed !== 'demo') {
      throw new AppError('NOT_FOUND', 'There is no demo on this deployment.', {
        messageVi: 'Hệ thống này không chạy chế độ trình diễn.',
      });
    }
    const rows = await demo.listAccountsByEmail(DEMO_ACCOUNT_SPECS.map((s) => s.email), sealer);
    const byEmailAndRole = new Map(rows.map((r) => [`${r.email}|${r.role}`, r]));
    // Names, not codes: "Mã đơn vị 27712" or a hamlet's UUID told a visitor nothing about where the account works.
    const [places, teams] = await Promise.all([
      demo.placeNames(rows.map((r) => r.unit_code)),
      demo.teamNamesOfUsers(rows.map((r) => r.id)),
    ]);
    return DEMO_ACCOUNT_SPECS.flatMap((spec) => {
      const row = byEmailAndRole.get(`${spec.email}|${spec.role}`);
      if (!row || !row.email || !row.phone) return [];
      return [
        {
          email: row.email,
          phone: row.phone,
          password: config.demoPassword,
          role: row.role as Role,
          unitCode: row.unit_code,
          unitName: places.get(row.unit_code) ?? row.unit_code,
          teamName: TEAM_ROLES.has(row.role as Role) ? (teams.get(row.id) ?? null) : null,
          name: row.name,
        },
      ];
    }).sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  }

  /** The same accounts with each one's place in words (the team's name for team roles), for the console table. */
  async function listAccountsWithPlaces(): Promise<(DemoAccountItem & { place: string })[]> {
    const items = await listAccounts();
    return items.map((i) => ({ ...i, place: i.teamName ? `${i.teamName}, ${i.unitName}` : i.unitName }));
  }

  return { listAccounts, listAccountsWithPlaces };
}
export type DemoService = ReturnType<typeof createDemoService>;

/** The console table printed at start-up in demo mode: who to sign in as, and where. */
export function formatDemoAccountsTable(
  items: readonly (DemoAccountItem & { place: string })[],
  url: string,
): string {
  const header = { role: 'Vai trò / role', email: 'E-mail', phone: 'Điện thoại / phone', name: 'Họ tên / name', place: 'Đơn vị / unit' };
  const rows = [header, ...items];
  const width = (key: keyof typeof header) => Math.max(...rows.map((r) => r[key].length));
  const line = (r: typeof header) =>
    `  ${r.role.padEnd(width('role'))}  ${r.email.padEnd(width('email'))}  ${r.phone.padEnd(width('phone'))}  ${r.name.padEnd(width('name'))}  ${r.place}`;
  const password = items[0]?.password ?? '';
  return [
    `Demo accounts — sign in at ${url} with password ${password}`,
    line(header),
    ...items.map((i) => line(i)),
  ].join('\n');
}
