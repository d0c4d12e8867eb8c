import { foldText } from '../../../shared/text/fold';
import type { Affiliation } from '../../../shared/contracts/teams';
import type { TeamChangesTable } from '../../db/schema';
import type { MemberRow } from './members.repository';
import type { TeamRecord } from './teams.repository';
import { recordAudit } from '../../platform/audit';
import { ANONYMOUS } from '../../platform/auth/actor';
import type { DemoSeedContext } from '../demo/index';
import { createMembersRepository } from './members.repository';
import { createTeamsRepository } from './teams.repository';

export const DEMO_TEAMS_SEED_VERSION = '1';

const FAMILY = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
  'Lý',
  'Đinh',
  'Lâm',
  'Tô',
  'Châu',
];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Mỹ', 'Bích', 'Thảo'];
const MIDDLE_M = ['Văn', 'Văn', 'Minh', 'Thanh', 'Hoàng', 'Quốc', 'Hữu', 'Đức', 'Công', 'Tấn'];
const GIVEN_F = [
  'Hoa',
  'Lan',
  'Mai',
  'Hương',
  'Trang',
  'Thảo',
  'Ngân',
  'Yến',
  'Nhung',
  'Phượng',
  'Diễm',
  'Trinh',
  'Vy',
  'Hạnh',
  'Loan',
  'Tuyết',
  'Linh',
  'Nhi',
  'Duyên',
  'Thúy',
];
const GIVEN_M = [
  'Hùng',
  'Dũng',
  'Tâm',
  'Phúc',
  'Lộc',
  'Tài',
  'Nghĩa',
  'Trung',
  'Khoa',
  'Huy',
  'Tuấn',
  'Bình',
  'Hải',
  'Sơn',
  'Thịnh',
  'Quân',
  'Kiệt',
  'Long',
  'Nam',
  'Vinh',
];
const TELECOMS = ['Viettel Tây Ninh', 'VNPT Tây Ninh', 'MobiFone', 'Bưu điện (VNPost)', 'Viettel Post'];
const SCHEDULES = [
  'Sáng thứ Bảy hằng tuần, nhà văn hoá {h}',
  'Chiều Chủ nhật, hội trường {h}',
  'Tối thứ Tư và sáng thứ Bảy, nhà văn hoá {h}',
  'Sáng Chủ nhật, điểm sinh hoạt cộng đồng {h}',
  'Các buổi tối trong tuần (19h–21h), nhà tổ trưởng; sáng thứ Bảy tại nhà văn hoá {h}',
];

/** Weighted affiliations of ordinary members: Youth Union members are the core (domain.md §1). */
const MEMBER_AFFILIATIONS: readonly Affiliation[] = [
  'youth_union',
  'youth_union',
  'youth_union',
  'youth_union',
  'womens_union',
  'womens_union',
  'police',
  'telecom_business',
  'veterans',
  'teacher',
  'teacher',
  'other',
];

function personName(random: DemoSeedContext['random'], female: boolean): string {
  return `${random.pick(FAMILY)} ${random.pick(female ? MIDDLE_F : MIDDLE_M)} ${random.pick(female ? GIVEN_F : GIVEN_M)}`;
}

/** Fictitious mobile numbers (+84 9x …), stored like real ones; the demo says so on its sign-in page. */
function pickPhone(own: string | undefined, drawn: string | null): string | null {
  return own ?? drawn;
}

function demoPhone(random: DemoSeedContext['random']): string {
  return `+849${random.int(0, 9)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

/**
 * Demo seed extension: one team per demo hamlet, founded by a commune decision in the second half of 2025,
 * with 4–6 members each (about 2,500): a leader, a deputy, Youth Union members, area police, telecom staff…
 * The demo team_leader and team_member accounts lead / serve in the team of their hamlet.
 */
export async function seedDemoTeams(ctx: DemoSeedContext): Promise<void> {
  const { db, random } = ctx;
  const at = ctx.clock.now().toISOString();
  const communeNames = new Map(ctx.communes.map((c) => [c.code, c.fullName]));
  const leaderAccount = ctx.accounts.find((a) => a.role === 'team_leader');
  const memberAccount = ctx.accounts.find((a) => a.role === 'team_member');
  const teams: TeamRecord[] = [];
  const members: MemberRow[] = [];
  const changes: TeamChangesTable[] = [];
  const decisionsPerCommune = new Map<string, number>();

  for (const hamlet of ctx.hamlets) {
    const n = (decisionsPerCommune.get(hamlet.communeCode) ?? random.int(80, 240)) + 1;
    decisionsPerCommune.set(hamlet.communeCode, n);
    const founded = `2025-${String(random.int(7, 10)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const name = `Tổ công nghệ số cộng đồng ${hamlet.name}`;
    const team: TeamRecord = {
      id: random.id(),
      province_code: hamlet.provinceCode,
      commune_code: hamlet.communeCode,
      hamlet_id: hamlet.id,
      level: 'hamlet',
      name,
      search_text: foldText(name),
      decision_number: `${n}/QĐ-UBND`,
      decision_date: founded,
      decision_signer:
        `${personName(random, random.chance(0.3))}, Chủ tịch UBND ${communeNames.get(hamlet.communeCode) ?? ''}`.trim(),
      schedule: random.pick(SCHEDULES).replace(
        '{h}',
        hamlet.name.replace(/^(Ấp|Khu phố) /, (m) => m.toLowerCase()),
      ),
      contact_phone: random.chance(0.7) ? demoPhone(random) : null,
      status: 'active',
      merged_into: null,
      status_reason: null,
      status_changed_at: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    };
    teams.push(team);
    changes.push({
      id: random.id(),
      team_id: team.id,
      change: 'created',
      before_json: null,
      after_json: JSON.stringify({
        name,
        decision: { number: team.decision_number, date: founded },
        source: 'demo',
      }),
      actor_user_id: null,
      at,
    });

    const size = random.pick([4, 5, 5, 5, 6]);
    const isDemoHamlet = leaderAccount?.hamletId === hamlet.id;
    for (let i = 0; i < size; i++) {
      const female = random.chance(i === 0 ? 0.35 : 0.5);
      const role = i === 0 ? 'leader' : i === 1 ? 'deputy' : 'member';
      const affiliation: Affiliation =
        i === 0
          ? random.pick(['youth_union', 'hamlet_head'] as const)
          : i === 1
            ? 'hamlet_head'
            : random.pick(MEMBER_AFFILIATIONS);
      const account = isDemoHamlet
        ? i === 0
          ? leaderAccount
          : i === 2
            ? memberAccount
            : undefined
        : undefined;
      const left = !account && i > 1 && random.chance(0.05);
      members.push({
        id: random.id(),
        team_id: team.id,
        user_id: account?.userId ?? null,
        name: account?.name ?? personName(random, female),
        role,
        affiliation,
        organization: affiliation === 'telecom_business' ? random.pick(TELECOMS) : null,
        // A linked demo account shows its own number (drawn anyway, so the seed's random sequence is unchanged).
        phone: pickPhone(account?.phone, random.chance(0.9) ? demoPhone(random) : null),
        email: account?.email ?? null,
        phone_public: role === 'leader' && random.chance(0.5) ? 1 : 0,
        active_from: founded,
        active_to: left
          ? `2026-${String(random.int(1, 9)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
          : null,
        invitation_id: null,
        created_at: at,
        updated_at: at,
      });
    }
  }

  await createTeamsRepository(db, ctx.sealer).insertMany(teams, changes);
  await createMembersRepository(db, ctx.sealer).insertMany(members);
  await recordAudit(
    db,
    { actor: ANONYMOUS, ip: null, requestId: null, at },
    {
      action: 'demo.teams_seeded',
      entityType: 'province',
      entityId: ctx.provinceCode,
      provinceCode: ctx.provinceCode,
      after: { version: DEMO_TEAMS_SEED_VERSION, teams: teams.length, members: members.length },
    },
  );
}
