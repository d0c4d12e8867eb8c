import type { CasesTable, CaseUpdatesTable } from '../../db/schema';
import { acceptDeadline } from '../../../shared/rules/case-deadlines';
import type { DemoSeedContext, SeedRandom } from '../demo/index';
import { sha256Hex } from './case-intake.rules';
import { liveDemoCase, type DemoLifeDeps } from './cases.demo-life';
import { DAY_MS, daytime, submittedCase } from './cases.demo-rows';
import { PROPOSALS } from './cases.demo-text';

/**
 * The teams' difficulties and proposals: one per entry of PROPOSALS, raised by the leaders of a few teams (the demo
 * team leader's own team first), placed at the team, routed to the Youth Union by the theme's rule, and answered
 * with the official states (accepted, being resolved with progress updates, answered, not accepted with a reason).
 */
export async function planDemoProposals(
  ctx: DemoSeedContext,
  random: SeedRandom,
  deps: DemoLifeDeps,
  route: (category: string, commune: string | null) => string | null,
) {
  const { db, provinceCode, sealer } = ctx;
  const now = ctx.clock.now().getTime();
  const leaders = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select([
      'teams.id as team_id',
      'teams.commune_code',
      'teams.hamlet_id',
      'team_members.name',
      'team_members.user_id',
    ])
    .where('teams.province_code', '=', provinceCode)
    .where('teams.status', '=', 'active')
    .where('team_members.role', '=', 'leader')
    .where('team_members.active_to', 'is', null)
    .orderBy('teams.id')
    .execute();
  const demoLeader = ctx.accounts.find((a) => a.role === 'team_leader')?.userId;
  const ordered = [
    ...leaders.filter((l) => l.user_id !== null && l.user_id === demoLeader),
    ...random.shuffle(leaders.filter((l) => l.user_id === null || l.user_id !== demoLeader)),
  ];
  const cases: CasesTable[] = [];
  const updates: CaseUpdatesTable[] = [];
  for (const [i, p] of PROPOSALS.entries()) {
    // The demo leader raises the first three, so their account shows proposals in several answer states.
    const leader = ordered[i < 3 ? 0 : i - 2];
    if (!leader) break;
    const ageDays = (p.outcome === 'accepted' ? 3 : random.int(20, 120)) + random.next();
    const submittedMs = daytime(random, now - ageDays * DAY_MS, now);
    const submittedAt = new Date(submittedMs).toISOString();
    // As POST /proposals files them: at the team's place, the theme as category, the leader's name kept sealed.
    const row = submittedCase({
      id: random.idAt(submittedMs),
      province_code: provinceCode,
      commune_code: leader.commune_code,
      hamlet_id: leader.hamlet_id,
      kind: 'proposal',
      category_code: p.theme,
      severity: 'normal',
      title: p.title,
      description: p.text,
      attributes_json: '{}',
      team_id: leader.team_id,
      theme: p.theme,
      reporter_name: sealer.seal(leader.name, 'cases.reporter_name') as CasesTable['reporter_name'],
      reporter_token_hash: sha256Hex(`demo-token:${p.title}:${random.next()}`),
      source: 'team',
      channel: 'app',
      created_by: leader.user_id,
      submitted_at: submittedAt,
      accept_due_at: acceptDeadline(deps.calendar, deps.policy, new Date(submittedMs)).toISOString(),
      published_at: null,
    });
    const life = liveDemoCase(
      row,
      p.outcome,
      route(p.theme, leader.commune_code),
      {
        answer: p.answer ?? '',
        ...(p.reason ? { refusal: { text: p.reason, notCompetent: false } } : {}),
        progress: p.progress ?? [],
      },
      { ...deps, random },
      null,
    );
    cases.push(row);
    updates.push(...life.updates);
  }
  return { cases, updates };
}
