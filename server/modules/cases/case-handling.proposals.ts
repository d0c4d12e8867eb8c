import { localDateOf } from '../../../shared/time/vietnam-time';
import { requireUser, type Actor } from '../../platform/auth/actor';
import { forbidden } from '../../platform/errors';
import { pageFromRows, readCursor } from '../../platform/paging';
import { placeScope, type CaseHandlingContext } from './case-handling.service';
import type { ProposalListQuery, ProposalPage, ProposalSummary } from './case-handling.types';
import { createCaseProposalsRepository } from './case-proposals.repository';

/**
 * Teams' difficulties and proposals as lists (issue 10): the Youth Union's coordinators (and other proposals.triage
 * holders) see those in their reach, a team's leader those of the teams they lead; nobody else any.
 */
export function createCaseProposals(ctx: CaseHandlingContext) {
  const { repo, clock } = ctx;
  const proposals = createCaseProposalsRepository(ctx.db);

  /** Proposals by theme × state: proposals.triage holders in their reach, team leaders for their own teams. */
  async function proposalSummary(actor: Actor, teamId: string | undefined): Promise<ProposalSummary> {
    const user = requireUser(actor);
    const led = await repo.teamsLedBy(user.user.id, localDateOf(clock.now()));
    const proposalSubtrees = placeScope(actor, ['proposals.triage']);
    if (proposalSubtrees.length === 0 && led.length === 0) throw forbidden();
    if (teamId !== undefined && proposalSubtrees.length === 0 && !led.includes(teamId)) throw forbidden();
    const rows = await proposals.proposalSummary(
      { caseSubtrees: [], proposalSubtrees, agencyIds: [], teamIds: led },
      teamId ?? null,
    );
    const items = rows.map((r) => ({
      theme: r.theme ?? 'proposal_other',
      state: r.state,
      count: Number(r.n),
    }));
    return { rows: items, total: items.reduce((n, r) => n + r.count, 0) };
  }

  /** GET /proposals: the proposals in reach (as for the summary), newest first, with their official answers. */
  async function proposalList(actor: Actor, query: ProposalListQuery): Promise<ProposalPage> {
    const user = requireUser(actor);
    const led = await repo.teamsLedBy(user.user.id, localDateOf(clock.now()));
    const proposalSubtrees = placeScope(actor, ['proposals.triage']);
    if (proposalSubtrees.length === 0 && led.length === 0) throw forbidden();
    const before = readCursor(query.cursor, ['string', 'string'] as const);
    const scope = { caseSubtrees: [], proposalSubtrees, agencyIds: [], teamIds: led };
    const rows = await proposals.proposalPage(
      scope,
      query.teamId ?? null,
      before ? { at: before[0], id: before[1] } : null,
      query.limit + 1,
    );
    return pageFromRows(
      rows,
      query.limit,
      (last) => [last.submitted_at, last.id],
      (r) => ({
        id: r.id,
        code: r.code,
        teamId: r.team_id,
        teamName: r.team_name,
        theme: r.theme ?? r.category_code,
        title: r.title,
        state: r.state,
        submittedAt: r.submitted_at,
        answeredAt: r.answered_at,
        answer: r.answer_text,
        refusedReason: r.refused_reason,
      }),
    );
  }

  return { proposalSummary, proposalList };
}
export type CaseProposals = ReturnType<typeof createCaseProposals>;
