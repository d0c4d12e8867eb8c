import type {
  CommuneGlance,
  HomeSection,
  HomeSummary,
  LeaderTeam,
  ProvinceRow,
} from '../../../shared/contracts/home';
import { coversPlacement, type Role, type ScopedGrant } from '../../../shared/rules/permissions';
import { localDateOf, startOfLocalDayUtc } from '../../../shared/time/vietnam-time';
import { actorGrants, requireUser, type Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { HomeSummaryRepository } from './home-summary.repository';

/** The roles that look at the province commune by commune (a commune-level Youth Union grant sees its commune). */
const OVERVIEW_ROLES: readonly Role[] = ['province_admin', 'department_officer', 'youth_union_coordinator'];
/** Inactive members named on a leader's card; the count says how many more there are. */
const NAMED_INACTIVE = 20;

const grantsOf = (grants: readonly ScopedGrant[], roles: readonly Role[]) =>
  grants.filter((g) => roles.includes(g.role));

/**
 * A signed-in person's home: one section per kind of role they hold, highest first (overview → commune → agency →
 * leader → member), each counted only inside the grants of that role. No grant of a kind, no section — and no
 * query for it.
 */
export function createHomeSummaryService(deps: { repo: HomeSummaryRepository; clock: Clock }) {
  const { repo, clock } = deps;

  async function overviewRows(grants: ScopedGrant[], fromUtc: string, today: string): Promise<ProvinceRow[]> {
    const provinces = [...new Set(grants.filter((g) => g.level === 'province').map((g) => g.provinceCode))];
    const communeGrants = grants.filter((g) => g.level === 'commune' && !provinces.includes(g.provinceCode));
    const communes = [
      ...(await repo.communes(provinces, null)),
      ...(await repo.communes(
        [...new Set(communeGrants.map((g) => g.provinceCode))],
        communeGrants.map((g) => g.communeCode ?? ''),
      )),
    ];
    const [teams, members, records, queue, hamlets] = await Promise.all([
      repo.teamsByCommune(grants, fromUtc),
      repo.membersByCommune(grants, today),
      repo.recordsSinceByCommune(grants, fromUtc),
      repo.queueByCommune(grants),
      repo.hamletsByCommune(grants),
    ]);
    return communes.map((c) => ({
      communeCode: c.code,
      communeName: c.name,
      teams: teams.teams.get(c.code) ?? 0,
      members: members.get(c.code) ?? 0,
      recordsThisMonth: records.get(c.code) ?? 0,
      pendingReview: queue.get(c.code) ?? 0,
      hamletsWithoutTeam: hamlets.uncovered.get(c.code) ?? 0,
    }));
  }

  async function communeGlances(grants: ScopedGrant[], fromUtc: string): Promise<CommuneGlance[]> {
    const communes = await repo.communes(
      [...new Set(grants.map((g) => g.provinceCode))],
      grants.map((g) => g.communeCode ?? ''),
    );
    const [teams, queue, hamlets] = await Promise.all([
      repo.teamsByCommune(grants, fromUtc),
      repo.queueByCommune(grants),
      repo.hamletsByCommune(grants),
    ]);
    return communes.map((c) => ({
      communeCode: c.code,
      communeName: c.name,
      teams: teams.teams.get(c.code) ?? 0,
      hamlets: hamlets.hamlets.get(c.code) ?? 0,
      hamletsWithoutTeam: hamlets.uncovered.get(c.code) ?? 0,
      pendingReview: queue.get(c.code) ?? 0,
      teamsWithoutRecords: teams.idle.get(c.code) ?? 0,
    }));
  }

  /** The teams the caller leads that one of their team-leader grants covers, with who has not recorded yet. */
  async function leaderTeams(
    memberships: Awaited<ReturnType<HomeSummaryRepository['teamsOfUser']>>,
    grants: ScopedGrant[],
    today: string,
    fromUtc: string,
  ): Promise<LeaderTeam[]> {
    const led = memberships.filter(
      (m) =>
        m.role !== 'member' &&
        grants.some((g) =>
          coversPlacement(g, { provinceCode: m.province_code, communeCode: m.commune_code, hamletId: m.hamlet_id }),
        ),
    );
    const members = await repo.membersWithActivity(
      led.map((t) => t.team_id),
      today,
      fromUtc,
    );
    return led.map((t) => {
      const own = members.filter((m) => m.team_id === t.team_id);
      const idle = own.filter((m) => !m.recorded);
      return {
        teamId: t.team_id,
        teamName: t.team_name,
        hamletName: t.hamlet_name,
        schedule: t.schedule,
        hasContact: t.contact_phone_hash !== null,
        activeMembers: own.length,
        inactiveMembers: idle.slice(0, NAMED_INACTIVE).map((m) => ({ memberId: m.id, name: m.name })),
        inactiveCount: idle.length,
      };
    });
  }

  /** GET /api/v1/home/summary. */
  async function summary(actor: Actor): Promise<HomeSummary> {
    const caller = requireUser(actor);
    const grants = actorGrants(caller);
    const today = localDateOf(clock.now());
    const monthStart = `${today.slice(0, 8)}01`;
    const fromUtc = startOfLocalDayUtc(monthStart);
    const sections: HomeSection[] = [];

    const overview = grantsOf(grants, OVERVIEW_ROLES);
    if (overview.length > 0) {
      sections.push({ kind: 'overview', rows: await overviewRows(overview, fromUtc, today) });
    }
    const officer = grantsOf(grants, ['commune_officer']);
    if (officer.length > 0) sections.push({ kind: 'commune', communes: await communeGlances(officer, fromUtc) });
    if (grantsOf(grants, ['agency_handler']).length > 0) sections.push({ kind: 'agency' });

    const leader = grantsOf(grants, ['team_leader']);
    const fieldGrants = grantsOf(grants, ['team_leader', 'team_member']);
    const memberships = fieldGrants.length > 0 ? await repo.teamsOfUser(caller.user.id, today) : [];
    if (leader.length > 0) {
      sections.push({
        kind: 'leader',
        teams: await leaderTeams(memberships, leader, today, fromUtc),
        pendingReview: await repo.queueCount(leader),
      });
    }
    // Leaders record help too, so both field roles get the member's part: capture, the outbox, their own records.
    if (fieldGrants.length > 0) {
      const own = await repo.ownRecords(caller.user.id, fromUtc);
      sections.push({
        kind: 'member',
        recordsThisMonth: own.count,
        recent: own.recent.map((r) => ({
          id: r.id,
          occurredAt: r.occurred_at,
          state: r.state,
          reviewStatus: r.review_status,
          teamName: r.team_name,
        })),
        teams: [...new Map(memberships.map((m) => [m.team_id, { teamId: m.team_id, teamName: m.team_name }])).values()],
      });
    }
    return { month: { from: monthStart, to: today }, sections };
  }

  return { summary };
}
export type HomeSummaryService = ReturnType<typeof createHomeSummaryService>;
